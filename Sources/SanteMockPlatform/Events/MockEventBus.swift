public import SanteCore
import Synchronization

/// The mock's internal event bus: every event published reaches every current subscriber, in order.
///
/// ```swift
/// let events = await platform.events.subscribe()
/// await platform.events.publish(kind: "dmp.document.stored", payload: ["id": "doc-1"])
/// for await event in events { ... }
/// ```
///
/// A subscription ends when its stream is dropped or its consuming task is cancelled; events published
/// before a subscription started are not replayed. Streams buffer without limit.
public actor MockEventBus {
    private let clock: any SanteClock
    // Kept behind a lock (not only actor state) so that a stream's termination handler can unsubscribe
    // synchronously, from whatever context ends the stream.
    private let subscribers = SubscriberRegistry()
    private var nextID = 0

    /// Creates a bus.
    /// - Parameter clock: The clock that stamps events published with ``publish(kind:payload:)``.
    public init(clock: any SanteClock) {
        self.clock = clock
    }

    /// The number of live subscriptions.
    public var subscriberCount: Int {
        subscribers.count
    }

    /// Starts a subscription: the stream yields every event published from now on.
    /// - Returns: The stream of events; drop it (or cancel the task iterating it) to unsubscribe.
    public func subscribe() -> AsyncStream<MockEvent> {
        nextID += 1
        let id = nextID
        let (stream, continuation) = AsyncStream<MockEvent>.makeStream(bufferingPolicy: .unbounded)
        let subscribers = self.subscribers
        continuation.onTermination = { _ in
            subscribers.remove(id)
        }
        subscribers.add(continuation, id: id)
        return stream
    }

    /// Delivers an event to every current subscriber.
    /// - Parameter event: The event.
    public func publish(_ event: MockEvent) {
        for continuation in subscribers.all {
            continuation.yield(event)
        }
    }

    /// Delivers an event stamped with the platform clock's current time.
    /// - Parameters:
    ///   - kind: What happened.
    ///   - payload: The details, as JSON.
    public func publish(kind: String, payload: JSONValue = .null) {
        publish(MockEvent(kind: kind, payload: payload, time: clock.now()))
    }
}

/// The continuations of live subscriptions, behind a lock.
private final class SubscriberRegistry: Sendable {
    private let storage = Mutex<[Int: AsyncStream<MockEvent>.Continuation]>([:])

    var count: Int { storage.withLock { $0.count } }

    var all: [AsyncStream<MockEvent>.Continuation] {
        storage.withLock { $0.sorted { $0.key < $1.key }.map(\.value) }
    }

    func add(_ continuation: AsyncStream<MockEvent>.Continuation, id: Int) {
        storage.withLock { $0[id] = continuation }
    }

    func remove(_ id: Int) {
        _ = storage.withLock { $0.removeValue(forKey: id) }
    }
}
