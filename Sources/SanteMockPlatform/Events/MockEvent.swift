public import Foundation
public import SanteCore

/// Something that happened inside the mock, announced on the ``MockEventBus`` so that other services
/// can react (the DMP announces a stored document; the subscription service notifies its subscribers).
public struct MockEvent: Sendable, Hashable {
    /// What happened, such as `"dmp.document.stored"`.
    public var kind: String
    /// The details, as JSON.
    public var payload: JSONValue
    /// When it happened, read from the platform clock.
    public var time: Date

    /// Creates an event.
    /// - Parameters:
    ///   - kind: What happened, such as `"dmp.document.stored"`.
    ///   - payload: The details, as JSON; `null` by default.
    ///   - time: When it happened; pass the platform clock's `now()`.
    public init(kind: String, payload: JSONValue = .null, time: Date) {
        self.kind = kind
        self.payload = payload
        self.time = time
    }
}
