public import Foundation

/// Remembers the ids of accepted webhook messages, so that a replayed message is refused.
///
/// The ``WebhookVerifier`` calls ``insertIfAbsent(_:until:now:)`` after a signature verified; an id need only
/// be remembered until its message's timestamp leaves the tolerance window, after which the timestamp check
/// refuses it anyway. Implement it over a shared store (Redis `SET NX PX`, a database table with a unique
/// key) when several processes receive webhooks; ``InMemoryWebhookReplayStore`` serves a single process.
public protocol WebhookReplayStore: Sendable {
    /// Records `id` unless it is already known.
    /// - Parameters:
    ///   - id: The message id.
    ///   - expiry: When the id may be forgotten.
    ///   - now: The verifier's current time.
    /// - Returns: `true` when the id was new (and is now recorded), `false` when it was already known.
    /// - Throws: When the store cannot be reached; the verification then fails with
    ///   ``WebhookError/Reason/replayStoreFailure``.
    func insertIfAbsent(_ id: String, until expiry: Date, now: Date) async throws -> Bool

    /// Forgets `id`, so that a redelivery of the message is accepted (call it when handling a verified
    /// message failed and you answer the sender with an error so that it retries).
    /// - Parameter id: The message id.
    func remove(_ id: String) async throws
}

/// A ``WebhookReplayStore`` in memory, for a single process; ids are forgotten once their expiry passes.
public actor InMemoryWebhookReplayStore: WebhookReplayStore {
    private var expiries: [String: Date] = [:]
    /// The size at which expired ids are purged next: purging on every insert would cost a pass over every id
    /// remembered; purging when the store has doubled since the last purge keeps inserts O(1) amortised, and the
    /// store at most about twice the ids still in their window.
    private var purgeThreshold = InMemoryWebhookReplayStore.minimumPurgeThreshold
    private static let minimumPurgeThreshold = 1024

    /// Creates an empty store.
    public init() {}

    /// Records `id` unless it is known and not yet expired.
    public func insertIfAbsent(_ id: String, until expiry: Date, now: Date) -> Bool {
        if let known = expiries[id], known > now { return false }
        if expiries.count >= purgeThreshold {
            expiries = expiries.filter { $0.value > now }
            purgeThreshold = max(Self.minimumPurgeThreshold, expiries.count * 2)
        }
        expiries[id] = expiry
        return true
    }

    /// Forgets `id`.
    public func remove(_ id: String) {
        expiries[id] = nil
    }

    /// The number of ids remembered and not expired at `now`.
    /// - Parameter now: The current time.
    /// - Returns: The count.
    public func count(at now: Date) -> Int {
        expiries.values.filter { $0 > now }.count
    }
}
