public import Foundation

/// The public endpoints of the open-data services this module talks to.
///
/// Each client takes a `SanteHTTPClient` based at one of these URLs (or at the matching path of a mock
/// platform: see ``mockEndpoints(platformBaseURL:)``).
public enum SanteOpenData {
    /// The data.gouv.fr catalogue: the part before `/api/1` and `/api/2`.
    public static let dataGouvProductionURL = URL(string: "https://www.data.gouv.fr")
    /// The data.gouv.fr demo catalogue, for tests against a real server.
    public static let dataGouvDemoURL = URL(string: "https://demo.data.gouv.fr")
    /// The tabular API: the part before `/resources/`.
    public static let tabularProductionURL = URL(string: "https://tabular-api.data.gouv.fr/api")
    /// The Vite Ma Dose static files (`{département}.json`, `stats.json`, …).
    public static let viteMaDoseURL = URL(string: "https://vitemadose.gitlab.io/vitemadose")
    /// The Annuaire Santé FHIR API, version 2.
    public static let annuaireProductionURL = URL(string: "https://gateway.api.esante.gouv.fr/fhir/v2")

    /// Where each service lives on a SanteKit mock platform.
    public struct Endpoints: Sendable, Hashable {
        /// The catalogue (before `/api/1`).
        public var dataGouv: URL
        /// The tabular API (before `/resources/`).
        public var tabular: URL
        /// The Vite Ma Dose files.
        public var viteMaDose: URL
        /// The Annuaire Santé FHIR API.
        public var annuaire: URL

        /// Creates a set of endpoints.
        /// - Parameters:
        ///   - dataGouv: The catalogue.
        ///   - tabular: The tabular API.
        ///   - viteMaDose: The Vite Ma Dose files.
        ///   - annuaire: The Annuaire Santé FHIR API.
        public init(dataGouv: URL, tabular: URL, viteMaDose: URL, annuaire: URL) {
            self.dataGouv = dataGouv
            self.tabular = tabular
            self.viteMaDose = viteMaDose
            self.annuaire = annuaire
        }
    }

    /// The endpoints of a SanteKit mock platform (`sante-mock` or an in-process `SanteMockPlatform`):
    /// open data under `/data` (catalogue, `/data/tabular/api`, `/data/vitemadose`) and the Annuaire under
    /// `/annuaire/fhir/v2`.
    /// - Parameter platformBaseURL: The mock's root URL, such as `http://127.0.0.1:8080`.
    /// - Returns: The endpoints.
    public static func mockEndpoints(platformBaseURL: URL) -> Endpoints {
        Endpoints(
            dataGouv: platformBaseURL.appending(path: "data"),
            tabular: platformBaseURL.appending(path: "data/tabular/api"),
            viteMaDose: platformBaseURL.appending(path: "data/vitemadose"),
            annuaire: platformBaseURL.appending(path: "annuaire/fhir/v2")
        )
    }
}
