public import Foundation
public import SanteCore

/// A subscription notification Bundle, read: a handshake, a heartbeat, events, or an `$events` /
/// `$status` answer.
///
/// The Bundle (`type` `history`, or `searchset` for `$status`) carries the status `Parameters` first, then,
/// for `id-only` and `full-resource` payloads, one entry per focus resource. Each ``events`` item gets its
/// resource when the Bundle has an entry whose `fullUrl` matches the event's focus.
///
/// Verify the signature first (the body bytes, with the subscription's secret), then parse:
/// ```swift
/// let message = try await verifier.verify(headers: request.headerFields, body: rawBody)
/// let notification = try SubscriptionNotification(data: message.body)
/// if notification.type == .eventNotification { … }
/// ```
public struct SubscriptionNotification: Sendable, Hashable {
    /// The Bundle as received.
    public let bundle: FHIRBundle
    /// The status Parameters.
    public let status: SubscriptionStatus

    /// What the notification is.
    public var type: SubscriptionNotificationType { status.type }
    /// The events carried, in order, with their resources when present.
    public var events: [SubscriptionEvent] { status.events }
    /// The resources of the entries after the status (full-resource payloads).
    public var resources: [AnyFHIRResource] { bundle.entry.dropFirst().compactMap(\.resource) }

    /// Reads a notification from its body bytes.
    /// - Parameter data: The Bundle's JSON.
    /// - Throws: ``SubscriptionError`` with ``SubscriptionError/Reason/decoding`` when it is not a Bundle, or
    ///   ``SubscriptionError/Reason/invalidNotification`` when it is not a backport notification.
    public init(data: Data) throws(SubscriptionError) {
        let bundle: FHIRBundle
        do {
            bundle = try FHIRJSON.decode(FHIRBundle.self, from: data, operation: "subscription.notification")
        } catch {
            throw SubscriptionError(
                .decoding, "the notification is not a FHIR Bundle (at \(error.codingPath))",
                operation: "subscription.notification", isRetryable: false, underlyingError: error)
        }
        try self.init(bundle: bundle)
    }

    /// Reads a notification Bundle.
    /// - Parameter bundle: The Bundle.
    /// - Throws: ``SubscriptionError`` with ``SubscriptionError/Reason/invalidNotification`` when the first
    ///   entry is not the status Parameters.
    public init(bundle: FHIRBundle) throws(SubscriptionError) {
        guard let first = bundle.entry.first?.resource else {
            throw SubscriptionStatus.invalid("the notification Bundle has no status entry")
        }
        var status = try SubscriptionStatus(parameters: first)
        var byURL: [String: AnyFHIRResource] = [:]
        for entry in bundle.entry.dropFirst() {
            guard let resource = entry.resource else { continue }
            if let fullURL = entry.fullUrl { byURL[fullURL] = resource }
            if let id = resource.id { byURL["\(resource.resourceType)/\(id)"] = resource }
        }
        for index in status.events.indices {
            guard let reference = status.events[index].focus?.reference else { continue }
            status.events[index].resource = byURL[reference] ?? byURL[Self.relative(reference)]
        }
        self.bundle = bundle
        self.status = status
    }

    /// The event numbers missing between `lastEventNumber` (the last one you processed) and what this
    /// notification carries or announces (`events-since-subscription-start`), as ranges to ask `$events` for.
    /// - Parameter lastEventNumber: The last event number processed (0 before any).
    /// - Returns: The missing ranges, in order; empty when nothing was missed.
    public func missedEventNumbers(after lastEventNumber: Int64) -> [ClosedRange<Int64>] {
        var missing: [ClosedRange<Int64>] = []
        // Event numbers come from the network: additions saturate rather than trap at Int64.max.
        var expected = lastEventNumber.addingReportingOverflow(1).overflow ? Int64.max : lastEventNumber + 1
        for number in events.map(\.eventNumber).sorted() where number >= expected {
            if number > expected { missing.append(expected...(number - 1)) }
            let next = number.addingReportingOverflow(1)
            if next.overflow { return missing }
            expected = next.partialValue
        }
        if let announced = status.eventsSinceSubscriptionStart, announced >= expected {
            missing.append(expected...announced)
        }
        return missing
    }

    /// `Type/id` from an absolute or relative reference (`https://…/fhir/DocumentReference/1` gives
    /// `DocumentReference/1`).
    static func relative(_ reference: String) -> String {
        let parts = reference.split(separator: "/")
        guard parts.count >= 2 else { return reference }
        if parts.count >= 4, parts[parts.count - 2] == "_history" {
            return parts[parts.count - 4] + "/" + parts[parts.count - 3]
        }
        return parts[parts.count - 2] + "/" + parts[parts.count - 1]
    }
}
