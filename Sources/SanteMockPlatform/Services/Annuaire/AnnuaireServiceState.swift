/// The mutable state of the Annuaire Santé service, isolated in its own actor: the directory, built on first use.
actor AnnuaireServiceState {
    /// What the service shares with the rest of the platform (clock, identities, event bus, seed).
    let environment: MockServiceEnvironment
    private var built: AnnuaireDirectory?

    /// Creates the service's initial state (the directory is built by the first request, not at start-up).
    init(environment: MockServiceEnvironment) {
        self.environment = environment
    }

    /// The directory: the seeded identities' resources and the generated extras.
    func directory() -> AnnuaireDirectory {
        if let built {
            return built
        }
        let directory = AnnuaireDirectory(identities: environment.identities, seed: environment.seed)
        built = directory
        return directory
    }
}
