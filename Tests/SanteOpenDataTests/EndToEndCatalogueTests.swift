import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP
import SanteMockPlatform
import SanteOpenData
import Testing

@Suite("End to end: the catalogue and tabular clients against the mock platform")
struct EndToEndCatalogueTests {
    @Test("pages through the datasets by following next_page", .timeLimit(.minutes(3)))
    func pagination() async throws {
        try await withMockPlatform { platform in
            let catalogue = platform.catalogue()
            let datasets = try await TestSupport.collect(catalogue.datasets(DataGouvQuery(pageSize: 2)))
            #expect(datasets.count == 5)
            #expect(Set(datasets.map(\.id)).count == 5)
            #expect(datasets.contains { $0.id == "6010206e7aa742eb447930f7" && $0.acronym == "VAC-SI" })
            let log = await platform.requestLog.entries(forPath: "/data/api/1/datasets/")
            #expect(log.count == 3)
            #expect(log.allSatisfy { $0.status == 200 })

            let first = try await catalogue.datasetsPage(DataGouvQuery(pageSize: 2))
            #expect(first.total == 5)
            #expect(first.nextPage?.host == "127.0.0.1")

            let resources = try await TestSupport.collect(
                catalogue.resources(ofDataset: "vite-ma-dose-centres-et-creneaux-de-vaccination", pageSize: 50))
            #expect(resources.count == 104)
            #expect(resources.contains { $0.title == "2A.json" })
        }
    }

    @Test("trims answers with X-Fields, keeping next_page", .timeLimit(.minutes(3)))
    func fieldMask() async throws {
        try await withMockPlatform { platform in
            let catalogue = platform.catalogue()
            let datasets = try await TestSupport.collect(
                catalogue.datasets(DataGouvQuery(pageSize: 2), fields: "data{id,title}"))
            #expect(datasets.count == 5)
            #expect(datasets.allSatisfy { $0.title != nil && $0.resources.isEmpty && $0.slug == nil })
            let log = await platform.requestLog.entries(forPath: "/data/api/1/datasets/")
            #expect(log.first?.headers[TestSupport.field("X-Fields")] == "data{id,title},next_page")
        }
    }

    @Test("types the 404, the 400 of page_size=0 and the 401 of a bad key", .timeLimit(.minutes(3)))
    func errors() async throws {
        try await withMockPlatform { platform in
            let catalogue = platform.catalogue()
            let missing = await TestSupport.openDataError { _ = try await catalogue.dataset("does-not-exist") }
            #expect(missing?.reason == .notFound)
            #expect(missing?.apiError?.message?.isEmpty == false)

            let zero = await TestSupport.openDataError {
                _ = try await catalogue.datasetsPage(DataGouvQuery(pageSize: 0))
            }
            #expect(zero?.reason == .badRequest)
            #expect(zero?.apiError?.fieldErrors["page_size"]?.contains("positive integer") == true)

            let bad = await TestSupport.openDataError { _ = try await platform.catalogue(apiKey: "udata_wrong").me() }
            #expect(bad?.reason == .unauthorized)
            #expect(bad?.apiError?.message == "Invalid API token")
            #expect(bad?.description.contains("udata_wrong") == false)

            let user = try await platform.catalogue(apiKey: MockDataGouvAPI.apiKey).me()
            #expect(!user.id.isEmpty)
            let log = await platform.requestLog.entries(forPath: "/data/api/1/me/")
            #expect(log.map(\.status) == [401, 200])
        }
    }

    @Test("reads a resource and its dataset id through API v2", .timeLimit(.minutes(3)))
    func resourceV2() async throws {
        try await withMockPlatform { platform in
            let resource = try await platform.catalogue().resource("efe23314-67c4-45d3-89a2-3faef82fae90")
            #expect(resource.datasetID == "6010206e7aa742eb447930f7")
            #expect(resource.checksum?.algorithm == .sha1)
            #expect(resource.filesize.map { $0 > 0 } == true)
        }
    }

    @Test("queries the tabular API with filters, sort and paging", .timeLimit(.minutes(3)))
    func tabular() async throws {
        try await withMockPlatform { platform in
            let tabular = TabularClient(http: platform.openDataHTTP("data/tabular/api"))
            let resource = "efe23314-67c4-45d3-89a2-3faef82fae90"
            let profile = try await tabular.profile(resource)
            #expect(profile.header.contains("jour"))
            #expect(profile.header.contains("n_dose1"))
            let first = try await tabular.page(of: resource, query: TabularQuery(pageSize: 5))
            let total = try #require(first.total)
            #expect(first.data.count == 5)
            let sorted = try await TestSupport.collect(
                tabular.rows(of: resource, query: TabularQuery(sort: [.descending("jour")], pageSize: 50)))
            #expect(sorted.count == total)
            let days = sorted.compactMap { $0.string("jour") }
            #expect(days == days.sorted(by: >))
            let day = try #require(days.last)
            let filtered = try await TestSupport.collect(
                tabular.rows(of: resource, query: TabularQuery(filters: [TabularFilter("jour", .exact, day)])))
            #expect(filtered.count == 1)
            #expect(filtered.first?.string("jour") == day)
        }
    }
}
