import Foundation
import SanteMockPlatform
import Testing

/// The tabular API: filters, sort, paging with absolute links, profile, errors.
@Suite struct OpenDataTabularTests {
    static let vacsiFra = "efe23314-67c4-45d3-89a2-3faef82fae90"

    static func data(_ platform: MockPlatform, _ query: String) async throws -> [String: Any] {
        try await OpenDataHTTP.json(try platform.dataURL("/tabular/api/resources/\(vacsiFra)/data/?\(query)"))
    }

    static func rows(_ page: [String: Any]) throws -> [[String: Any]] {
        try #require(page["data"] as? [[String: Any]])
    }

    @Test(.timeLimit(.minutes(3)))
    func filtersSortAndPagesFollowAbsoluteLinks() async throws {
        try await withPlatform { platform in
            let first = try await Self.data(platform, "n_dose1__greater=100000&jour__sort=desc&page_size=7")
            let meta = try #require(first["meta"] as? [String: Int])
            let total = try #require(meta["total"])
            #expect(total > 7)
            #expect(meta["page_size"] == 7 && meta["page"] == 1)
            var next = (first["links"] as? [String: Any])?["next"] as? String
            #expect(next?.hasPrefix(platform.baseURL.absoluteString + "/data/tabular/api/resources/") == true)
            #expect(next?.hasSuffix("n_dose1__greater=100000&jour__sort=desc&page=2&page_size=7") == true)
            var rows = try Self.rows(first)
            while let link = next {
                let page = try await OpenDataHTTP.json(try #require(URL(string: link)))
                rows += try Self.rows(page)
                next = (page["links"] as? [String: Any])?["next"] as? String
                #expect((page["links"] as? [String: Any])?["prev"] is String)
            }
            #expect(rows.count == total)
            #expect(rows.allSatisfy { ($0["n_dose1"] as? Int ?? 0) >= 100_000 })
            let days = rows.compactMap { $0["jour"] as? String }
            #expect(days == days.sorted(by: >))
            #expect(Set(rows.compactMap { $0["__id"] as? Int }).count == total)
        }
    }

    @Test(
        .timeLimit(.minutes(3)),
        arguments: [
            ("jour__exact=2021-03-01", 1), ("jour__less=2021-01-01", 6), ("jour__strictly_less=2021-01-01", 5),
            ("jour__greater=2023-07-10", 3), ("jour__strictly_greater=2023-07-10", 2),
            ("jour__in=2021-01-01,2021-01-02,1999-01-01", 2), ("jour__contains=2020-12", 5),
            ("jour__notcontains=2020-12", 923), ("fra__differs=FR", 0), ("fra__isnotnull", 928), ("fra__isnull", 0),
        ])
    func filtersSelectTheExpectedRows(query: String, expected: Int) async throws {
        try await withPlatform { platform in
            let page = try await Self.data(platform, query)
            #expect((page["meta"] as? [String: Int])?["total"] == expected, "\(query)")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func columnsAndProfile() async throws {
        try await withPlatform { platform in
            let page = try await Self.data(platform, "columns=jour,n_dose1&page_size=3")
            let rows = try Self.rows(page)
            #expect(rows.count == 3)
            #expect(rows.allSatisfy { Set($0.keys) == ["jour", "n_dose1"] })

            let profile = try await OpenDataHTTP.json(
                try platform.dataURL("/tabular/api/resources/\(Self.vacsiFra)/profile/"))
            let body = try #require(profile["profile"] as? [String: Any])
            let header = try #require(body["header"] as? [String])
            #expect(header.first == "fra" && header.count == 14)
            #expect(
                ((body["columns"] as? [String: Any])?["n_dose1"] as? [String: Any])?["python_type"] as? String == "int")
            #expect(profile["dataset_id"] as? String == "6010206e7aa742eb447930f7")

            let meta = try await OpenDataHTTP.json(try platform.dataURL("/tabular/api/resources/\(Self.vacsiFra)/"))
            #expect(
                (meta["links"] as? [[String: Any]])?.compactMap { $0["rel"] as? String } == [
                    "profile", "data", "swagger",
                ])
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func errorsFollowTheTabularAPI() async throws {
        try await withPlatform { platform in
            let base = "/tabular/api/resources/\(Self.vacsiFra)/data/"
            let tooLarge = try await OpenDataHTTP.get(try platform.dataURL(base + "?page_size=51"))
            #expect(tooLarge.status == 400)
            let errors = try #require(try tooLarge.jsonObject()["errors"] as? [[String: Any]])
            #expect(errors.first?["detail"] as? String == "Page size exceeds allowed maximum: 50")
            #expect(try await OpenDataHTTP.get(try platform.dataURL(base + "?nope__exact=1")).status == 400)
            #expect(try await OpenDataHTTP.get(try platform.dataURL(base + "?jour__frobnicate=1")).status == 400)
            #expect(try await OpenDataHTTP.get(try platform.dataURL(base + "?n_dose1__less=abc")).status == 400)
            // A resource the tabular API does not serve (GeoJSON) and an unknown one.
            let geojson = "/tabular/api/resources/d0566522-604d-4af6-be44-a26eefa01756/data/"
            #expect(try await OpenDataHTTP.get(try platform.dataURL(geojson)).status == 404)
            #expect(try await OpenDataHTTP.get(try platform.dataURL("/tabular/api/resources/nope/data/")).status == 404)
        }
    }
}
