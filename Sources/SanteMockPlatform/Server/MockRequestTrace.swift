import Synchronization

/// What happened to one request while it crossed the mock, shared by the middlewares that handle it.
///
/// Request contexts are values that travel down the middleware chain; this reference lets the outer
/// request-log middleware read what the inner fault middleware decided.
final class MockRequestTrace: Sendable {
    private struct State {
        var handlerRan = false
        var faultApplied: String?
    }

    private let state = Mutex(State())

    /// Whether the request reached the routing layer (no before-handler fault stopped it).
    var handlerRan: Bool { state.withLock { $0.handlerRan } }

    /// The name of the fault applied to the request, if any.
    var faultApplied: String? { state.withLock { $0.faultApplied } }

    /// Records that the request reached the routing layer.
    func markHandlerRan() {
        state.withLock { $0.handlerRan = true }
    }

    /// Records the fault applied to the request.
    func markFaultApplied(_ name: String) {
        state.withLock { $0.faultApplied = name }
    }
}
