/// The mutable state of the open data service, isolated in its own actor.
actor OpenDataServiceState {
    /// What the service shares with the rest of the platform (clock, identities, event bus, seed).
    let environment: MockServiceEnvironment

    /// Creates the service's initial state.
    init(environment: MockServiceEnvironment) {
        self.environment = environment
    }
}
