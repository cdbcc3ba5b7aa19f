import Foundation
import SanteKit
import Testing

@Suite("SanteEnvironment")
struct SanteEnvironmentTests {
    @Test("The local mock environment uses the mock platform's fixed prefixes")
    func localMockPrefixes() throws {
        let base = try #require(URL(string: "http://127.0.0.1:8080"))
        let environment = SanteEnvironment.localMock(baseURL: base)
        #expect(
            environment.endpoint(for: .proSanteConnect)?.absoluteString
                == "http://127.0.0.1:8080/psc/auth/realms/esante-wallet/.well-known/wallet-openid-configuration")
        #expect(environment.endpoint(for: .dmp)?.absoluteString == "http://127.0.0.1:8080/dmp/fhir")
        #expect(environment.endpoint(for: .openData)?.absoluteString == "http://127.0.0.1:8080/data")
        #expect(environment.endpoint(for: .annuaire)?.absoluteString == "http://127.0.0.1:8080/annuaire/fhir/v2")
        #expect(environment.endpoint(for: .notify)?.absoluteString == "http://127.0.0.1:8080/notify")
    }

    @Test("Production names PSC's explicit discovery document, never one derived from the issuer")
    func productionDiscovery() {
        let discovery = SanteEnvironment.production.endpoint(for: .proSanteConnect)?.absoluteString
        #expect(
            discovery
                == "https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet/.well-known/wallet-openid-configuration")
        #expect(SanteEnvironment.production.endpoint(for: .dmp) == nil)
        #expect(SanteEnvironment.production.endpoint(for: .notify) == nil)
        #expect(SanteEnvironment.sandbox.endpoint(for: .proSanteConnect)?.host == "auth.bas.psc.esante.gouv.fr")
    }

    @Test("Asking for a service the environment does not offer is a configuration error")
    func missingService() throws {
        let platform = SantePlatform(environment: .production)
        let error = try #require(throws: SantePlatformError.self) { try platform.httpClient(for: .dmp) }
        #expect(error.code == .configuration)
        #expect(error.description.contains("production environment has no endpoint for dmp"))
    }

    @Test("An invalid application product token is refused before any request")
    func invalidAppProduct() throws {
        let platform = SantePlatform(environment: .production, appProduct: "not a token/1 2")
        #expect(throws: SantePlatformError.self) { try platform.httpClient(for: .openData) }
    }
}
