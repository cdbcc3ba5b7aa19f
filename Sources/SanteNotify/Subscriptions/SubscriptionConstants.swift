/// The canonical URLs of the R4 Subscriptions Backport, IHE DSUBm and SanteKit that subscriptions use.
public enum SubscriptionURLs {
    /// The backport's StructureDefinition base: `http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/`.
    public static let backportBase = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/"
    /// `backport-filter-criteria`, on `Subscription._criteria`.
    public static let filterCriteria = backportBase + "backport-filter-criteria"
    /// `backport-payload-content`, on `Subscription.channel._payload`.
    public static let payloadContent = backportBase + "backport-payload-content"
    /// `backport-heartbeat-period`, on `Subscription.channel` (seconds).
    public static let heartbeatPeriod = backportBase + "backport-heartbeat-period"
    /// `backport-timeout`, on `Subscription.channel` (seconds).
    public static let timeout = backportBase + "backport-timeout"
    /// `backport-max-count`, on `Subscription.channel`.
    public static let maxCount = backportBase + "backport-max-count"
    /// The backport Subscription profile.
    public static let subscriptionProfile = backportBase + "backport-subscription"
    /// The DSUBm topic "a DocumentReference was created for a patient".
    public static let documentReferencePatientDependentTopic =
        "https://profiles.ihe.net/ITI/DSUBm/SubscriptionTopic/DSUBm-SubscriptionTopic-DocumentReference-PatientDependent"
    /// The DSUBm topic without a patient filter.
    public static let documentReferenceMultiPatientTopic =
        "https://profiles.ihe.net/ITI/DSUBm/SubscriptionTopic/DSUBm-SubscriptionTopic-DocumentReference-MultiPatient"
    /// SanteKit's extension carrying the Standard Webhooks secret of a subscription's notifications.
    public static let webhookSigningSecret = "urn:santekit:fhir:extension:webhook-signing-secret"
}

/// How much of the triggering resource a notification carries (`backport-payload-content`).
public struct SubscriptionPayloadContent: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The code as written.
    public let rawValue: String

    /// Creates a value.
    /// - Parameter rawValue: The code.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Decodes a JSON string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The code as written.
    public var description: String { rawValue }

    /// No resource and no focus: fetch what changed afterwards.
    public static let empty = SubscriptionPayloadContent(rawValue: "empty")
    /// The focus reference only.
    public static let idOnly = SubscriptionPayloadContent(rawValue: "id-only")
    /// The focus reference and the resource itself.
    public static let fullResource = SubscriptionPayloadContent(rawValue: "full-resource")
}
