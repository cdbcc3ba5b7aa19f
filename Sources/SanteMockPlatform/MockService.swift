/// One service of the mock platform, each served under its own path prefix.
public enum MockService: String, Sendable, Hashable, CaseIterable {
    /// Pro Santé Connect (OpenID Connect), under `/psc`; the issuer is `/psc/auth/realms/esante-wallet`.
    case identity
    /// The DMP FHIR API (PDSm), under `/dmp/fhir`.
    case dmp
    /// Open data (data.gouv.fr catalogue, tabular API and files), under `/data`.
    case openData
    /// The Annuaire Santé FHIR API, under `/annuaire/fhir/v2`.
    case annuaire
    /// The Notify API, under `/notify` (and also at the root, `/v2/...`).
    case notify
    /// The mock's own controls and test-support routes, under `/_mock`.
    case controls

    /// The path prefix of the service, starting with `/` and without a trailing slash.
    public var pathPrefix: String {
        switch self {
        case .identity: "/psc"
        case .dmp: "/dmp/fhir"
        case .openData: "/data"
        case .annuaire: "/annuaire/fhir/v2"
        case .notify: "/notify"
        case .controls: "/_mock"
        }
    }
}
