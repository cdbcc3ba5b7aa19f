public import Foundation
public import SanteCore

/// Builds a backport `Subscription` to the DSUBm DocumentReference topic (or another topic).
///
/// ```swift
/// let subscription = try FHIRSubscriptionBuilder(endpoint: URL(string: "https://app.example.fr/hooks/dmp")!)
///     .patient(ins)
///     .filter("DocumentReference?type=http://loinc.org|11488-4")
///     .payload(.idOnly)
///     .header("Authorization: Bearer 3f9c…")
///     .heartbeat(every: .seconds(300))
///     .build()
/// ```
public struct FHIRSubscriptionBuilder: Sendable {
    /// The topic's canonical URL (default: the DSUBm PatientDependent DocumentReference topic).
    public var topic: String
    /// The URL notifications are POSTed to.
    public var endpoint: URL
    /// The filters (`Resource?param=value`), all of which must match.
    public var filters: [String] = []
    /// How much of the resource notifications carry (default `id-only`).
    public var payloadContent: SubscriptionPayloadContent = .idOnly
    /// The notifications' MIME type (default `application/fhir+json`).
    public var payloadMIMEType = "application/fhir+json"
    /// Headers sent with every notification, each `Name: value`.
    public var headers: [String] = []
    /// The heartbeat period, if heartbeats are wanted.
    public var heartbeatPeriod: Duration?
    /// The delivery timeout the server should use.
    public var timeout: Duration?
    /// The most events per notification.
    public var maxCount: Int?
    /// Why the subscription exists.
    public var reason: String?
    /// When the subscription ends.
    public var end: Date?

    /// Starts a builder.
    /// - Parameters:
    ///   - topic: The topic's canonical URL (default DSUBm PatientDependent DocumentReference).
    ///   - endpoint: The URL notifications are POSTed to.
    public init(topic: String = SubscriptionURLs.documentReferencePatientDependentTopic, endpoint: URL) {
        self.topic = topic
        self.endpoint = endpoint
    }

    /// Filters on the patient's INS: `DocumentReference?patient.identifier=<system>|<value>`.
    /// - Parameter ins: The patient's INS.
    /// - Returns: The builder.
    public func patient(_ ins: INS) -> FHIRSubscriptionBuilder {
        filter("DocumentReference?patient.identifier=\(ins.fhirSearchToken)")
    }

    /// Filters on the patient's identifier given as a system and a value.
    /// - Parameters:
    ///   - system: The identifier's system, such as `urn:oid:1.2.250.1.213.1.4.10`.
    ///   - value: The identifier.
    /// - Returns: The builder.
    public func patientIdentifier(system: String, value: String) -> FHIRSubscriptionBuilder {
        filter("DocumentReference?patient.identifier=\(system)|\(value)")
    }

    /// Adds a filter, written `Resource?param=value` (or just `param=value`, for DocumentReference).
    /// - Parameter criteria: The filter.
    /// - Returns: The builder.
    public func filter(_ criteria: String) -> FHIRSubscriptionBuilder {
        var copy = self
        copy.filters.append(criteria.contains("?") ? criteria : "DocumentReference?" + criteria)
        return copy
    }

    /// Adds a filter on one of the topic's parameters (`type`, `category`, `status`, `security-label`…).
    /// - Parameters:
    ///   - parameter: The parameter's name.
    ///   - value: The value (a token as `system|code`, or a code).
    /// - Returns: The builder.
    public func filter(parameter: String, value: String) -> FHIRSubscriptionBuilder {
        filter("DocumentReference?\(parameter)=\(value)")
    }

    /// Sets how much of the resource notifications carry.
    /// - Parameter content: `empty`, `id-only` or `full-resource`.
    /// - Returns: The builder.
    public func payload(_ content: SubscriptionPayloadContent) -> FHIRSubscriptionBuilder {
        var copy = self
        copy.payloadContent = content
        return copy
    }

    /// Adds a header sent with every notification, such as `Authorization: Bearer <secret>`.
    /// - Parameter header: The header, written `Name: value`.
    /// - Returns: The builder.
    public func header(_ header: String) -> FHIRSubscriptionBuilder {
        var copy = self
        copy.headers.append(header)
        return copy
    }

    /// Asks for heartbeats.
    /// - Parameter period: The time between heartbeats (whole seconds).
    /// - Returns: The builder.
    public func heartbeat(every period: Duration) -> FHIRSubscriptionBuilder {
        var copy = self
        copy.heartbeatPeriod = period
        return copy
    }

    /// Sets the reason.
    /// - Parameter reason: Why the subscription exists.
    /// - Returns: The builder.
    public func reason(_ reason: String) -> FHIRSubscriptionBuilder {
        var copy = self
        copy.reason = reason
        return copy
    }

    /// Builds the subscription, `status` `requested`.
    /// - Returns: The subscription.
    /// - Throws: ``SubscriptionError`` with ``SubscriptionError/Reason/invalidInput`` when the endpoint is not
    ///   absolute http(s), a header has no `:`, a period is not positive, or the PatientDependent topic has no
    ///   patient filter.
    public func build() throws(SubscriptionError) -> FHIRSubscription {
        guard let scheme = endpoint.scheme?.lowercased(), scheme == "https" || scheme == "http",
            endpoint.host != nil
        else {
            throw invalid("the endpoint must be an absolute http(s) URL")
        }
        for header in headers where !header.contains(":") {
            throw invalid("a channel header must be written 'Name: value'")
        }
        if topic == SubscriptionURLs.documentReferencePatientDependentTopic,
            !filters.contains(where: { $0.contains("patient=") || $0.contains("patient.identifier=") })
        {
            throw invalid("the PatientDependent topic needs a patient filter")
        }
        var channel = FHIRSubscription.Channel(
            endpoint: endpoint.absoluteString, payload: payloadMIMEType, header: headers)
        try channel.setPayloadContent(payloadContent)
        if let heartbeatPeriod {
            guard heartbeatPeriod > .zero else { throw invalid("the heartbeat period must be positive") }
            channel.setUnsignedIntegerExtension(
                Int(heartbeatPeriod.components.seconds), url: SubscriptionURLs.heartbeatPeriod)
        }
        if let timeout {
            guard timeout > .zero else { throw invalid("the timeout must be positive") }
            channel.setUnsignedIntegerExtension(Int(timeout.components.seconds), url: SubscriptionURLs.timeout)
        }
        if let maxCount { channel.setUnsignedIntegerExtension(maxCount, url: SubscriptionURLs.maxCount) }
        var subscription = FHIRSubscription(criteria: topic, channel: channel, reason: reason)
        subscription.meta = FHIRMeta(profile: [SubscriptionURLs.subscriptionProfile])
        if let end { subscription.end = FHIRInstant(end) }
        try subscription.setFilterCriteria(filters)
        return subscription
    }

    private func invalid(_ message: String) -> SubscriptionError {
        SubscriptionError(.invalidInput, message, operation: "subscription.build", isRetryable: false)
    }
}
