/// The state actors of every service, created once per platform.
struct MockServiceStates: Sendable {
    let identity: IdentityServiceState
    let dmp: DMPServiceState
    let openData: OpenDataServiceState
    let annuaire: AnnuaireServiceState
    let notify: NotifyServiceState

    /// Creates every service's initial state.
    init(environment: MockServiceEnvironment) {
        identity = IdentityServiceState(environment: environment)
        dmp = DMPServiceState(environment: environment)
        openData = OpenDataServiceState(environment: environment)
        annuaire = AnnuaireServiceState(environment: environment)
        notify = NotifyServiceState(environment: environment)
    }
}
