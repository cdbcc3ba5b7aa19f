import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP
import SanteMockPlatform
import SanteOpenData
import Testing

/// The API-key errors that the other end-to-end suites leave out: a key that is missing on the client side is
/// refused before anything is sent, and a key sent on reads is checked by the mock like on `me`.
@Suite("End to end: API keys against the mock platform")
struct EndToEndAPIKeyTests {
    /// A key provider that cannot give a key (a secrets store that is down, say).
    private struct UnavailableKey: OpenDataAPIKeyProvider {
        struct Unavailable: Error {}
        func apiKey() async throws -> String { throw Unavailable() }
    }

    @Test(
        "data.gouv.fr: me() without a key provider fails with missingAPIKey and sends nothing", .timeLimit(.minutes(1)))
    func catalogueWithoutKey() async throws {
        try await withMockPlatform { platform in
            let error = await TestSupport.openDataError { _ = try await platform.catalogue().me() }
            #expect(error?.reason == .missingAPIKey)
            #expect(error?.httpStatus == nil)
            #expect(await platform.requestLog.entries(forPath: "/data/api/1/me/").isEmpty)
        }
    }

    @Test("data.gouv.fr: a wrong key sent on a read is refused with the typed 401", .timeLimit(.minutes(1)))
    func catalogueWrongKeyOnRead() async throws {
        try await withMockPlatform { platform in
            let catalogue = DataGouvClient(
                http: platform.openDataHTTP("data"), apiKeyProvider: OpenDataStaticAPIKey("udata_revoked"),
                sendsAPIKeyOnReads: true)
            let error = await TestSupport.openDataError { _ = try await catalogue.dataset("6010206e7aa742eb447930f7") }
            #expect(error?.reason == .unauthorized)
            #expect(error?.httpStatus == 401)
            #expect(error?.apiError?.message == "Invalid API token")
            #expect(error?.description.contains("udata_revoked") == false)
            let log = await platform.requestLog.entries(forPath: "/data/api/1/datasets/6010206e7aa742eb447930f7/")
            #expect(log.map(\.status) == [401])
            #expect(log.first?.headers[TestSupport.field("X-API-KEY")] == "udata_revoked")
        }
    }

    @Test("Annuaire Santé: a provider that fails gives missingAPIKey and sends nothing", .timeLimit(.minutes(1)))
    func annuaireProviderFails() async throws {
        try await withMockPlatform { platform in
            let http = SanteHTTPClient(baseURL: platform.baseURL(for: .annuaire), transport: URLSessionTransport())
            let annuaire = AnnuaireSanteClient(http: http, apiKeyProvider: UnavailableKey())
            let error = await TestSupport.openDataError {
                _ = try await annuaire.practitioner(rpps: RPPS("99990000012"))
            }
            #expect(error?.reason == .missingAPIKey)
            #expect(error?.underlyingError is UnavailableKey.Unavailable)
            #expect(await platform.requestLog.entries.filter { $0.path.hasPrefix("/annuaire/") }.isEmpty)
        }
    }

    @Test("Annuaire Santé: a wrong key on a search is a typed 401 with its OperationOutcome", .timeLimit(.minutes(1)))
    func annuaireWrongKeyOnSearch() async throws {
        try await withMockPlatform { platform in
            let http = SanteHTTPClient(baseURL: platform.baseURL(for: .annuaire), transport: URLSessionTransport())
            let annuaire = AnnuaireSanteClient(http: http, apiKeyProvider: OpenDataStaticAPIKey("not-the-key"))
            let error = await TestSupport.openDataError {
                _ = try await TestSupport.collect(
                    annuaire.practitioners(AnnuairePractitionerQuery(options: AnnuaireSearchOptions(count: 2))))
            }
            #expect(error?.reason == .unauthorized)
            #expect(error?.httpStatus == 401)
            #expect(error?.operationOutcome != nil)
            #expect(error?.description.contains("not-the-key") == false)
            let log = await platform.requestLog.entries.filter { $0.path.hasPrefix("/annuaire/") }
            #expect(log.map(\.status) == [401])
        }
    }
}
