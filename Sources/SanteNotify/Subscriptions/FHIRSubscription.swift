import Foundation
public import SanteCore

/// An R4 `Subscription` following the Subscriptions Backport (profile `backport-subscription`).
///
/// Members not modelled here, `_element` siblings included, are kept and written back, so a
/// Subscription read, changed and updated loses nothing. The backport's extensions are read and written
/// through computed properties: ``filterCriteria`` (`_criteria`), ``Channel/payloadContent``
/// (`channel._payload`), ``Channel/heartbeatPeriod``. Build a new one with ``FHIRSubscriptionBuilder``.
public struct FHIRSubscription: FHIRResource, FHIRExtensible {
    /// `"Subscription"`.
    public static let resourceType = "Subscription"

    /// The logical id, assigned by the server.
    public var id: FHIRID?
    /// The resource's metadata.
    public var meta: FHIRMeta?
    /// `requested`, `active`, `error` or `off`.
    public var status: String
    /// Why the subscription exists.
    public var reason: String?
    /// The topic's canonical URL (the backport puts the topic here).
    public var criteria: String
    /// When the subscription ends.
    public var end: FHIRInstant?
    /// The latest error the server recorded.
    public var error: String?
    /// Where and how notifications are sent.
    public var channel: Channel
    /// The extensions (the server's signing secret travels in one).
    public var `extension`: [FHIRExtension]
    /// Members not modelled here, such as `_criteria`, `contact`, `text`.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a subscription (prefer ``FHIRSubscriptionBuilder``).
    /// - Parameters:
    ///   - status: The status (`requested` for a new one).
    ///   - criteria: The topic's canonical URL.
    ///   - channel: The channel.
    ///   - reason: Why it exists.
    public init(status: String = "requested", criteria: String, channel: Channel, reason: String? = nil) {
        self.status = status
        self.criteria = criteria
        self.channel = channel
        self.reason = reason
        self.extension = []
    }

    /// The backport filters (`_criteria.extension[backport-filter-criteria].valueString`), such as
    /// `DocumentReference?patient.identifier=urn:oid:1.2.250.1.213.1.4.10|279035121518989`; several
    /// filters must all match.
    public var filterCriteria: [String] {
        let element = try? primitiveExtension(for: "criteria")
        return element?.extensions(url: SubscriptionURLs.filterCriteria).compactMap { $0.value?.stringValue } ?? []
    }

    /// Replaces the backport filters, keeping any other extension of `_criteria`.
    /// - Parameter filters: The filters.
    /// - Throws: ``SubscriptionError`` with ``SubscriptionError/Reason/invalidInput`` when `_criteria` cannot
    ///   be read or written.
    public mutating func setFilterCriteria(_ filters: [String]) throws(SubscriptionError) {
        do {
            var element = try primitiveExtension(for: "criteria") ?? FHIRPrimitiveExtension()
            element.extension.removeAll { $0.url == SubscriptionURLs.filterCriteria }
            element.extension += filters.map { FHIRExtension(url: SubscriptionURLs.filterCriteria, value: .string($0)) }
            let isEmpty = element.extension.isEmpty && element.id == nil && element.additionalMembers.isEmpty
            try setPrimitiveExtension(isEmpty ? nil : element, for: "criteria")
        } catch {
            throw SubscriptionError(.invalidInput, "the _criteria element cannot be written", underlyingError: error)
        }
    }

    /// The Standard Webhooks secret the server signs this subscription's notifications with, as written
    /// (`whsec_…`), from the `urn:santekit:fhir:extension:webhook-signing-secret` extension.
    public var signingSecretText: String? {
        firstExtension(url: SubscriptionURLs.webhookSigningSecret)?.value?.stringValue
    }

    /// The signing secret, parsed.
    /// - Returns: The secret, or `nil` when the server gave none.
    /// - Throws: ``WebhookError`` with ``WebhookError/Reason/invalidSecret`` when it is malformed.
    public func signingSecret() throws(WebhookError) -> WebhookSecret? {
        guard let text = signingSecretText else { return nil }
        return try WebhookSecret(text)
    }

    /// Decodes the subscription, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        try object.resourceType(expected: Self.resourceType)
        id = try object.optional("id")
        meta = try object.optional("meta")
        status = try object.required("status")
        reason = try object.optional("reason")
        criteria = try object.required("criteria")
        end = try object.optional("end")
        error = try object.optional("error")
        channel = try object.required("channel")
        `extension` = try object.array("extension")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the subscription with its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(Self.resourceType, "resourceType")
        try object.encode(id, "id")
        try object.encode(meta, "meta")
        try object.encode(`extension`, "extension")
        try object.encode(status, "status")
        try object.encode(reason, "reason")
        try object.encode(criteria, "criteria")
        try object.encode(end, "end")
        try object.encode(error, "error")
        try object.encode(channel, "channel")
        try object.finish(with: additionalMembers)
    }
}
