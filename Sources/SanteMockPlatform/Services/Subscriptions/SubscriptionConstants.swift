/// The canonical URLs the mock's FHIR subscriptions use (R4 backport IG, IHE DSUBm).
enum SubscriptionConstants {
    /// The backport IG's extension base.
    static let backport = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/"
    /// `_criteria.extension`: one filter, `DocumentReference?name=value&...`.
    static let filterCriteria = backport + "backport-filter-criteria"
    /// `channel._payload.extension`: `empty`, `id-only` or `full-resource`.
    static let payloadContent = backport + "backport-payload-content"
    /// `channel.extension`: the heartbeat period in seconds.
    static let heartbeatPeriod = backport + "backport-heartbeat-period"
    /// `channel.extension`: the receiver's timeout in seconds.
    static let timeout = backport + "backport-timeout"
    /// `channel.extension`: the most events per notification.
    static let maxCount = backport + "backport-max-count"
    /// The profile of the status `Parameters` of a notification Bundle.
    static let statusProfile = backport + "backport-subscription-status-r4"
    /// The extension carrying the subscription's Standard Webhooks signing secret (`whsec_…`).
    static let signingSecretExtension = "urn:santekit:fhir:extension:webhook-signing-secret"

    /// DSUBm: a DocumentReference of one patient was created (the patient filter is required).
    static let patientDependentTopic =
        "https://profiles.ihe.net/ITI/DSUBm/SubscriptionTopic/DSUBm-SubscriptionTopic-DocumentReference-PatientDependent"
    /// DSUBm: a DocumentReference of any patient was created.
    static let multiPatientTopic =
        "https://profiles.ihe.net/ITI/DSUBm/SubscriptionTopic/DSUBm-SubscriptionTopic-DocumentReference-MultiPatient"
    /// The topics the mock serves.
    static let topics = [patientDependentTopic, multiPatientTopic]

    /// The payload contents.
    static let payloadContents = ["empty", "id-only", "full-resource"]
}
