/// A fault installed on the platform, as listed by ``MockFaultInjector/injections``.
public struct MockFaultInjection: Sendable, Hashable, Identifiable {
    /// The injection's identifier, unique for the life of the platform.
    public let id: Int
    /// The fault.
    public let fault: MockFault
    /// The requests it applies to.
    public let route: MockRoute
    /// How many more requests it applies to, or `nil` when it is permanent.
    public internal(set) var remaining: Int?
}
