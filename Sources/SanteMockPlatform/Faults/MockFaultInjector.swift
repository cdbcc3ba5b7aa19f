import HTTPTypes

/// The faults installed on a platform, consulted by its one fault-injection middleware.
///
/// When several injections match a request, the oldest one applies. A count-limited injection is
/// consumed by each request it applies to and disappears when its count reaches zero.
///
/// The controls (`/_mock/faults`, `/_mock/requests`, `/_mock/clock`, `/_mock/identities`) are never faulted,
/// so that a test can always remove what it installed; `/_mock/echo`, `/_mock/bytes` and the health routes are.
public actor MockFaultInjector {
    private var installed: [MockFaultInjection] = []
    private var nextID = 1
    private var generator: SeededRandomNumberGenerator

    /// Creates an injector without faults.
    /// - Parameter seed: The seed of the generator that draws random latencies.
    public init(seed: UInt64) {
        self.generator = SeededRandomNumberGenerator(seed: seed)
    }

    /// The installed faults, oldest first.
    public var injections: [MockFaultInjection] { installed }

    /// Installs a fault.
    /// - Parameters:
    ///   - fault: The fault.
    ///   - route: The requests it applies to.
    ///   - count: How many requests it applies to, or `nil` (the default) to apply to every matching request
    ///     until removed. A count below 1 installs nothing and returns `nil`.
    /// - Returns: The installed injection, or `nil` when `count` is below 1.
    @discardableResult
    public func inject(_ fault: MockFault, on route: MockRoute, count: Int? = nil) -> MockFaultInjection? {
        if let count, count < 1 {
            return nil
        }
        let injection = MockFaultInjection(id: nextID, fault: fault, route: route, remaining: count)
        nextID += 1
        installed.append(injection)
        return injection
    }

    /// Removes one injection.
    /// - Parameter id: The injection's identifier.
    /// - Returns: Whether an injection was removed.
    @discardableResult
    public func remove(id: Int) -> Bool {
        let before = installed.count
        installed.removeAll { $0.id == id }
        return installed.count != before
    }

    /// Removes every injection.
    public func clear() {
        installed.removeAll()
    }

    /// Takes the fault that applies to a request, consuming one use of a count-limited injection, and draws
    /// the delay of a random latency.
    func take(method: HTTPRequest.Method, path: String) -> ResolvedFault? {
        if Self.isExempt(path) {
            return nil
        }
        guard let index = installed.firstIndex(where: { $0.route.matches(method: method, path: path) }) else {
            return nil
        }
        let fault = installed[index].fault
        if let remaining = installed[index].remaining {
            if remaining <= 1 {
                installed.remove(at: index)
            } else {
                installed[index].remaining = remaining - 1
            }
        }
        return ResolvedFault(fault: fault, delay: delay(for: fault.kind))
    }

    private func delay(for kind: MockFault.Kind) -> Duration? {
        switch kind {
        case .latency(let duration):
            return max(duration, .zero)
        case .randomLatency(let range):
            let lower = max(range.lowerBound, .zero).nanoseconds
            let upper = max(range.upperBound, .zero).nanoseconds
            guard upper > lower else { return .nanoseconds(lower) }
            return .nanoseconds(Int64.random(in: lower...upper, using: &generator))
        default:
            return nil
        }
    }

    /// Paths under `/_mock` that drive the mock itself and are therefore never faulted.
    private static let exemptPrefixes = ["/_mock/faults", "/_mock/requests", "/_mock/clock", "/_mock/identities"]

    private static func isExempt(_ path: String) -> Bool {
        exemptPrefixes.contains { path == $0 || path.hasPrefix($0 + "/") }
    }
}

/// A fault chosen for one request, with its delay already drawn.
struct ResolvedFault: Sendable {
    /// The fault.
    let fault: MockFault
    /// The delay of a latency fault (fixed, or drawn for a random latency); `nil` for other kinds.
    let delay: Duration?
}

extension Duration {
    /// The duration in whole nanoseconds, saturating at the bounds of `Int64`.
    var nanoseconds: Int64 {
        let parts = components
        let (secondsPart, overflow) = parts.seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow {
            return parts.seconds < 0 ? .min : .max
        }
        let (total, overflowSum) = secondsPart.addingReportingOverflow(parts.attoseconds / 1_000_000_000)
        if overflowSum {
            return parts.seconds < 0 ? .min : .max
        }
        return total
    }
}
