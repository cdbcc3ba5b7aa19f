public import Foundation

/// Where each service of France's e-health platform lives.
///
/// An environment names the endpoints SanteKit talks to. Use ``production``, ``sandbox``, or
/// ``localMock(baseURL:)`` for a `sante-mock` (or an in-process `SanteMockPlatform`); or build
/// a custom one, endpoint by endpoint. A service with no endpoint (`nil`) is not offered by that
/// environment: the DMP FHIR endpoint, for example, is given by each DMP agreement and is not public.
public struct SanteEnvironment: Sendable, Hashable, CustomStringConvertible {
    /// A short name for logs and messages, such as `"production"`.
    public var name: String
    /// The Pro Santé Connect discovery document URL. It is explicit: PSC publishes it under a
    /// non-standard name, so it is never derived from the issuer.
    public var proSanteConnectDiscoveryURL: URL?
    /// The base URL of the DMP's FHIR (PDSm) API.
    public var dmpBaseURL: URL?
    /// The base URL of the data.gouv.fr-compatible catalogue (the part before `/api/1`).
    public var openDataBaseURL: URL?
    /// The base URL of the Annuaire Santé FHIR API (ending in `/fhir/v2`).
    public var annuaireBaseURL: URL?
    /// The base URL of the Notify-compatible notification API.
    public var notifyBaseURL: URL?

    /// Creates an environment from explicit endpoints.
    public init(
        name: String,
        proSanteConnectDiscoveryURL: URL? = nil,
        dmpBaseURL: URL? = nil,
        openDataBaseURL: URL? = nil,
        annuaireBaseURL: URL? = nil,
        notifyBaseURL: URL? = nil
    ) {
        self.name = name
        self.proSanteConnectDiscoveryURL = proSanteConnectDiscoveryURL
        self.dmpBaseURL = dmpBaseURL
        self.openDataBaseURL = openDataBaseURL
        self.annuaireBaseURL = annuaireBaseURL
        self.notifyBaseURL = notifyBaseURL
    }

    /// The name of the environment.
    public var description: String { name }
}

extension SanteEnvironment {
    /// The public production endpoints.
    ///
    /// PSC production (`auth.esw.esante.gouv.fr`), data.gouv.fr and the Annuaire Santé gateway.
    /// The DMP FHIR endpoint comes with a DMP agreement, and France has no public notification API:
    /// set ``dmpBaseURL`` and ``notifyBaseURL`` yourself.
    public static let production = SanteEnvironment(
        name: "production",
        proSanteConnectDiscoveryURL: URL(
            string: "https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet/.well-known/wallet-openid-configuration"),
        openDataBaseURL: URL(string: "https://www.data.gouv.fr"),
        annuaireBaseURL: URL(string: "https://gateway.api.esante.gouv.fr/fhir/v2")
    )

    /// The public test endpoints: the PSC "BAS" sandbox and data.gouv.fr's demo instance.
    public static let sandbox = SanteEnvironment(
        name: "sandbox",
        proSanteConnectDiscoveryURL: URL(
            string:
                "https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet/.well-known/wallet-openid-configuration"),
        openDataBaseURL: URL(string: "https://demo.data.gouv.fr")
    )

    /// Every service of a SanteKit mock platform (`sante-mock` or an in-process `SanteMockPlatform`).
    ///
    /// - Parameter baseURL: The mock's root URL, such as `http://127.0.0.1:8080`.
    public static func localMock(baseURL: URL) -> SanteEnvironment {
        SanteEnvironment(
            name: "local mock",
            proSanteConnectDiscoveryURL: baseURL.appending(
                path: "psc/auth/realms/esante-wallet/.well-known/wallet-openid-configuration"),
            dmpBaseURL: baseURL.appending(path: "dmp/fhir"),
            openDataBaseURL: baseURL.appending(path: "data"),
            annuaireBaseURL: baseURL.appending(path: "annuaire/fhir/v2"),
            notifyBaseURL: baseURL.appending(path: "notify")
        )
    }
}
