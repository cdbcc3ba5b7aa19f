import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP
import SanteOpenData
import Testing

@Suite("TabularClient on the stub transport")
struct TabularStubTests {
    private let resource = "efe23314-67c4-45d3-89a2-3faef82fae90"

    @Test("writes filters, sort, columns and a clamped page size in the API's syntax")
    func querySyntax() {
        let query = TabularQuery(
            filters: [
                TabularFilter("dep", .exact, "75"), TabularFilter("nom", .contains, "centre"),
                TabularFilter("n_dose1", .greater, "10"), TabularFilter("n_dose1", .strictlyLess, "99"),
                TabularFilter("dep", .in, ["75", "2A"]), .isNull("date_fermeture"), .isNotNull("jour"),
            ],
            sort: [.descending("jour"), .ascending("dep")], columns: ["dep", "jour"], pageSize: 500)
        let text = query.queryItems.map { item in item.value.map { "\(item.name)=\($0)" } ?? item.name }
        #expect(
            text == [
                "dep__exact=75", "nom__contains=centre", "n_dose1__greater=10", "n_dose1__strictly_less=99",
                "dep__in=75,2A", "date_fermeture__isnull", "jour__isnotnull", "jour__sort=desc", "dep__sort=asc",
                "columns=dep,jour", "page_size=50",
            ])
        #expect(TabularQuery(pageSize: 0).queryItems.first?.value == "1")
    }

    @Test("follows the next links and reads rows with their __id")
    func paging() async throws {
        let stub = StubTransport()
        stub.expect(
            .get, "/api/resources/\(resource)/data/", query: ["dep__exact": "75", "page_size": "2"],
            respond: .json(
                #"""
                {"data": [{"__id": 1, "dep": "75", "n_dose1": 10, "taux": "12,5"}, {"__id": 2, "dep": "75", "n_dose1": 12.5, "taux": null}],
                 "links": {"next": "https://tabular-api.data.gouv.fr/api/resources/\#(resource)/data/?dep__exact=75&page_size=2&page=2", "prev": null},
                 "meta": {"page": 1, "page_size": 2, "total": 3}}
                """#))
        stub.expect(
            .get, "/api/resources/\(resource)/data/", query: ["dep__exact": "75", "page_size": "2", "page": "2"],
            respond: .json(
                #"{"data": [{"__id": 3, "dep": "75"}], "links": {"next": null}, "meta": {"page": 2, "page_size": 2, "total": 3}}"#
            ))
        let client = TabularClient(http: TestSupport.http(stub, baseURL: "https://tabular-api.data.gouv.fr/api"))
        let rows = try await TestSupport.collect(
            client.rows(of: resource, query: TabularQuery(filters: [TabularFilter("dep", .exact, "75")], pageSize: 2)))
        #expect(rows.map(\.id) == [1, 2, 3])
        #expect(rows[0].string("dep") == "75")
        #expect(rows[0].double("n_dose1") == 10)
        #expect(rows[0].double("taux") == 12.5)
        #expect(rows[1].double("n_dose1") == 12.5)
        #expect(rows[1].string("taux") == nil)
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("reads one page with its total, decodes rows into a type")
    func typedPage() async throws {
        struct Row: Decodable, Sendable {
            let dep: String
        }
        let stub = StubTransport()
        stub.expect(
            .get, "/api/resources/\(resource)/data/", query: ["page": "3"],
            respond: .json(
                #"{"data": [{"__id": 41, "dep": "01"}], "links": {"next": null, "prev": "x"}, "meta": {"page": 3, "page_size": 20, "total": 41}}"#
            ))
        let client = TabularClient(http: TestSupport.http(stub, baseURL: "https://tabular-api.data.gouv.fr/api"))
        let page = try await client.page(of: resource, page: 3, as: Row.self)
        #expect(page.total == 41)
        #expect(page.page == 3)
        #expect(page.data.map(\.dep) == ["01"])
        #expect(page.next == nil)
    }

    @Test("reads the resource description and profile")
    func profile() async throws {
        let stub = StubTransport()
        stub.expect(
            .get, "/api/resources/\(resource)/",
            respond: .json(
                #"{"created_at": "2023-04-21T22:54:22.043492+00:00", "url": "https://x/f.csv", "links": [{"href": "/api/resources/x/profile/", "type": "GET", "rel": "profile"}]}"#
            ))
        stub.expect(
            .get, "/api/resources/\(resource)/profile/",
            respond: .json(
                #"{"profile": {"header": ["dep", "jour", "n_dose1"], "columns": {"n_dose1": {"python_type": "int"}, "jour": {"python_type": "date"}}, "separator": ";"}}"#
            ))
        let client = TabularClient(http: TestSupport.http(stub, baseURL: "https://tabular-api.data.gouv.fr/api"))
        let info = try await client.resourceInfo(resource)
        #expect(info.links.first?.rel == "profile")
        #expect(info.createdAt?.date != nil)
        let profile = try await client.profile(resource)
        #expect(profile.header == ["dep", "jour", "n_dose1"])
        #expect(profile.columnTypes == ["n_dose1": "int", "jour": "date"])
        #expect(profile.raw["profile"]?["separator"]?.stringValue == ";")
    }

    @Test("types the API's error list")
    func errors() async throws {
        let stub = StubTransport()
        stub.expect(
            .get, "/api/resources/\(resource)/data/",
            respond: .json(
                #"{"errors": [{"code": null, "title": "Invalid query string", "detail": "Unknown column: nope"}]}"#,
                status: 400))
        stub.expect(
            .get, "/api/resources/missing/",
            respond: .json(
                #"{"errors": [{"code": 404, "title": "Resource not found", "detail": "missing"}]}"#, status: 404))
        let client = TabularClient(http: TestSupport.http(stub, baseURL: "https://tabular-api.data.gouv.fr/api"))
        let bad = await TestSupport.openDataError {
            _ = try await client.page(of: resource, query: TabularQuery(filters: [TabularFilter("nope", .exact, "1")]))
        }
        #expect(bad?.reason == .badRequest)
        #expect(bad?.apiError?.errors.first?.title == "Invalid query string")
        #expect(bad?.serverMessage == "Unknown column: nope")
        let missing = await TestSupport.openDataError { _ = try await client.resourceInfo("missing") }
        #expect(missing?.reason == .notFound)
        #expect(missing?.apiError?.errors.first?.code == "404")
    }
}
