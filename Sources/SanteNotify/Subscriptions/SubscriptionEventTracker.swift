/// Follows a subscription's event numbers across notifications and reports the ones missed.
///
/// Feed it every notification, in the order received; it remembers the highest event number seen or
/// announced (`events-since-subscription-start`) and returns each gap once (to recover with ``FHIRSubscriptionClient/events(subscriptionID:since:until:content:)``).
///
/// ```swift
/// var tracker = SubscriptionEventTracker()
/// let missed = tracker.observe(notification)
/// for range in missed { _ = try await client.events(subscriptionID: id, since: range.lowerBound, until: range.upperBound) }
/// ```
public struct SubscriptionEventTracker: Sendable, Hashable {
    /// The highest event number seen or recovered so far (0 before any).
    public private(set) var lastEventNumber: Int64

    /// Creates a tracker.
    /// - Parameter lastEventNumber: The last event number already processed (default 0).
    public init(lastEventNumber: Int64 = 0) {
        self.lastEventNumber = lastEventNumber
    }

    /// Records a notification.
    /// - Parameter notification: The notification.
    /// - Returns: The event numbers missed before it, as ranges; empty when none.
    public mutating func observe(_ notification: SubscriptionNotification) -> [ClosedRange<Int64>] {
        let missed = notification.missedEventNumbers(after: lastEventNumber)
        let numbers = notification.events.map(\.eventNumber) + [missed.last?.upperBound ?? lastEventNumber]
        lastEventNumber = max(lastEventNumber, numbers.max() ?? lastEventNumber)
        return missed
    }

    /// Marks events up to `number` as processed (after recovering them with `$events`).
    /// - Parameter number: The highest event number recovered.
    public mutating func markRecovered(through number: Int64) {
        lastEventNumber = max(lastEventNumber, number)
    }
}
