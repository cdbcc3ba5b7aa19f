/// The mutable state of the DMP service, isolated in its own actor.
actor DMPServiceState {
    /// What the service shares with the rest of the platform (clock, identities, event bus, seed).
    let environment: MockServiceEnvironment

    /// Creates the service's initial state.
    init(environment: MockServiceEnvironment) {
        self.environment = environment
    }
}
