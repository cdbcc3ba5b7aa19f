import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP
import SanteOpenData
import Testing

@Suite("DataGouvClient on the stub transport")
struct CatalogueStubTests {
    private static func page(_ ids: [String], page: Int, next: String?) -> String {
        let data = ids.map { #"{"id": "\#($0)", "title": "Dataset \#($0)", "resources": []}"# }.joined(separator: ",")
        let nextText = next.map { "\"\($0)\"" } ?? "null"
        return
            #"{"data": [\#(data)], "page": \#(page), "page_size": 2, "total": 5, "next_page": \#(nextText), "previous_page": null}"#
    }

    @Test("follows the absolute next_page links, page after page, and stops after the last")
    func paging() async throws {
        let stub = StubTransport()
        stub.expect(
            .get, "/api/1/datasets/", query: ["q": "vaccin", "page_size": "2", "tag": "covid"],
            respond: .json(
                Self.page(
                    ["a", "b"], page: 1,
                    next: "https://www.data.gouv.fr/api/1/datasets/?q=vaccin&page_size=2&tag=covid&page=2")))
        stub.expect(
            .get, "/api/1/datasets/", query: ["q": "vaccin", "page_size": "2", "tag": "covid", "page": "2"],
            respond: .json(
                Self.page(
                    ["c", "d"], page: 2,
                    next: "https://www.data.gouv.fr/api/1/datasets/?q=vaccin&page_size=2&tag=covid&page=3")))
        stub.expect(
            .get, "/api/1/datasets/", query: ["q": "vaccin", "page_size": "2", "tag": "covid", "page": "3"],
            respond: .json(Self.page(["e"], page: 3, next: nil)))
        let client = DataGouvClient(http: TestSupport.http(stub))
        let datasets = try await TestSupport.collect(
            client.datasets(DataGouvQuery(text: "vaccin", pageSize: 2, tags: ["covid"])))
        #expect(datasets.map(\.id) == ["a", "b", "c", "d", "e"])
        #expect(datasets.first?.title == "Dataset a")
        try stub.verifyAllExpectationsConsumed()
        #expect(stub.recordedRequests.allSatisfy { $0.request.headerFields[TestSupport.field("X-API-KEY")] == nil })
    }

    @Test("fetches nothing until iterated, and nothing more after a break")
    func lazyPaging() async throws {
        let stub = StubTransport()
        stub.expect(
            .get, "/api/1/reuses/",
            respond: .json(
                #"{"data": [{"id": "r1"}, {"id": "r2"}], "next_page": "https://www.data.gouv.fr/api/1/reuses/?page=2"}"#
            ))
        let client = DataGouvClient(http: TestSupport.http(stub))
        let reuses = client.reuses()
        #expect(stub.recordedRequests.isEmpty)
        for try await reuse in reuses {
            #expect(reuse.id == "r1")
            break
        }
        #expect(stub.recordedRequests.count == 1)
    }

    @Test("reads the recorded udata pages, following their absolute links", .enabled(if: OpenDataSamples.folderExists))
    func recordedPages() async throws {
        let first = try OpenDataSamples.recorded("v1_datasets_page")
        let second = try OpenDataSamples.recorded("v1_datasets_page2")
        let stub = StubTransport()
        stub.expect(.get, "/api/1/datasets/", query: ["page_size": "2"], respond: .json(first.bodyText))
        stub.expect(.get, "/api/1/datasets/", query: ["page_size": "2", "page": "2"], respond: .json(second.bodyText))
        stub.expect(
            .get, "/api/1/datasets/", query: ["page": "3", "page_size": "2"],
            respond: .json(Self.page([], page: 3, next: nil)))
        let client = DataGouvClient(http: TestSupport.http(stub, baseURL: "http://127.0.0.1:7000"))
        let datasets = try await TestSupport.collect(client.datasets(DataGouvQuery(pageSize: 2)))
        #expect(datasets.count == 4)
        #expect(datasets.first?.slug == "marches-publics-de-la-metropole-de-lyon")
        #expect(stub.recordedRequests.map { $0.request.authority } == Array(repeating: "127.0.0.1:7000", count: 3))
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("types the 404 body", .enabled(if: OpenDataSamples.folderExists))
    func notFound() async throws {
        let recorded = try OpenDataSamples.recorded("v1_dataset_404")
        let stub = StubTransport()
        stub.expect(.get, "/api/1/datasets/does-not-exist/", respond: .json(recorded.bodyText, status: 404))
        let client = DataGouvClient(http: TestSupport.http(stub))
        let error = await TestSupport.openDataError { _ = try await client.dataset("does-not-exist") }
        #expect(error?.reason == .notFound)
        #expect(error?.code == .httpStatus)
        #expect(error?.httpStatus == 404)
        #expect(error?.operation == "datagouv.dataset")
        #expect(error?.apiError?.message?.hasPrefix("The requested URL was not found") == true)
        #expect(error?.isRetryable == false)
    }

    @Test("types the 400 of page_size=0 with its field errors")
    func pageSizeZero() async throws {
        let body =
            #"{"errors": {"page_size": "The page size to fetch Invalid page_size: 0. page_size must be a positive integer"}, "message": "Input payload validation failed"}"#
        let stub = StubTransport()
        stub.expect(.get, "/api/1/datasets/", query: ["page_size": "0"], respond: .json(body, status: 400))
        let client = DataGouvClient(http: TestSupport.http(stub))
        let error = await TestSupport.openDataError { _ = try await client.datasetsPage(DataGouvQuery(pageSize: 0)) }
        #expect(error?.reason == .badRequest)
        #expect(error?.apiError?.message == "Input payload validation failed")
        #expect(error?.apiError?.fieldErrors["page_size"]?.contains("positive integer") == true)
        #expect(error?.description.contains("Input payload validation failed") == true)
    }

    @Test("sends X-API-KEY only where needed, and types the 401 of a bad key")
    func apiKey() async throws {
        let stub = StubTransport()
        stub.expect(
            .get, "/api/1/me/", headerFields: [TestSupport.field("X-API-KEY"): "udata_bad"],
            respond: .json(
                #"{"message": "Invalid API token"}"#, status: 401,
                headerFields: [.wwwAuthenticate: #"Bearer realm="uData""#]))
        stub.expect(
            .get, "/api/1/me/", headerFields: [TestSupport.field("X-API-KEY"): "udata_good"],
            respond: .json(#"{"id": "u1", "first_name": "Ada", "organizations": []}"#))
        let bad = DataGouvClient(http: TestSupport.http(stub), apiKeyProvider: OpenDataStaticAPIKey("udata_bad"))
        let error = await TestSupport.openDataError { _ = try await bad.me() }
        #expect(error?.reason == .unauthorized)
        #expect(error?.isAuthError == true)
        #expect(error?.apiError?.message == "Invalid API token")
        #expect(error?.responseHeaders[.wwwAuthenticate] == #"Bearer realm="uData""#)
        #expect(error?.description.contains("udata_bad") == false)

        let good = DataGouvClient(http: TestSupport.http(stub), apiKeyProvider: OpenDataStaticAPIKey("udata_good"))
        #expect(try await good.me().firstName == "Ada")
        #expect(String(describing: OpenDataStaticAPIKey("udata_good")).contains("udata_good") == false)

        let none = DataGouvClient(http: TestSupport.http(stub))
        let missing = await TestSupport.openDataError { _ = try await none.me() }
        #expect(missing?.reason == .missingAPIKey)
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("sends the key on reads only when asked to")
    func apiKeyOnReads() async throws {
        let stub = StubTransport()
        stub.expect(
            .get, "/api/1/datasets/x/", headerFields: [TestSupport.field("X-API-KEY"): "udata_k"],
            respond: .json(#"{"id": "x"}"#))
        let client = DataGouvClient(
            http: TestSupport.http(stub), apiKeyProvider: OpenDataStaticAPIKey("udata_k"), sendsAPIKeyOnReads: true)
        #expect(try await client.dataset("x").id == "x")
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("sends X-Fields, keeping next_page when paging")
    func fieldMasks() async throws {
        let stub = StubTransport()
        stub.expect(
            .get, "/api/1/datasets/",
            headerFields: [TestSupport.field("X-Fields"): "data{id,title,last_update},total,next_page"],
            respond: .json(#"{"data": [{"id": "a", "title": "A"}], "total": 1, "next_page": null}"#))
        stub.expect(
            .get, "/api/1/organizations/",
            headerFields: [TestSupport.field("X-Fields"): "data{id,name},next_page,page,page_size,total"],
            respond: .json(#"{"data": [{"id": "o", "name": "O"}], "next_page": null}"#))
        stub.expect(
            .get, "/api/1/datasets/abc/", headerFields: [TestSupport.field("X-Fields"): "id,title"],
            respond: .json(#"{"id": "abc", "title": "T"}"#))
        let client = DataGouvClient(http: TestSupport.http(stub))
        let datasets = try await TestSupport.collect(client.datasets(fields: "data{id,title,last_update},total"))
        #expect(datasets.map(\.title) == ["A"])
        let organizations = try await TestSupport.collect(client.organizations(fields: .page(of: ["name"])))
        #expect(organizations.map(\.name) == ["O"])
        #expect(try await client.dataset("abc", fields: .object(["title"])).title == "T")
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("reads v2 resources page after page, and one resource with its dataset id")
    func resourcesV2() async throws {
        let stub = StubTransport()
        stub.expect(
            .get, "/api/2/datasets/ds1/resources/", query: ["page_size": "1", "type": "main"],
            respond: .json(
                #"{"data": [{"id": "r1", "checksum": {"type": "sha1", "value": "aa"}}], "next_page": "https://www.data.gouv.fr/api/2/datasets/ds1/resources/?page=2&page_size=1&type=main", "total": 2}"#
            ))
        stub.expect(
            .get, "/api/2/datasets/ds1/resources/", query: ["page": "2", "page_size": "1", "type": "main"],
            respond: .json(
                #"{"data": [{"id": "r2"}], "next_page": null, "total": 2}"#))
        stub.expect(
            .get, "/api/2/datasets/resources/r1/",
            respond: .json(
                #"{"resource": {"id": "r1", "filesize": 12}, "dataset_id": "ds1"}"#))
        let client = DataGouvClient(http: TestSupport.http(stub))
        let resources = try await TestSupport.collect(client.resources(ofDataset: "ds1", type: "main", pageSize: 1))
        #expect(resources.map(\.id) == ["r1", "r2"])
        #expect(resources.first?.checksum?.algorithm == .sha1)
        let resource = try await client.resource("r1")
        #expect(resource.datasetID == "ds1")
        #expect(resource.filesize == 12)
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("refuses an empty id before sending anything, and percent-encodes ids")
    func ids() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/api/1/organizations/a%20b/", respond: .json(#"{"id": "a b"}"#))
        let client = DataGouvClient(http: TestSupport.http(stub))
        let error = await TestSupport.openDataError { _ = try await client.dataset("  ") }
        #expect(error?.reason == .invalidInput)
        #expect(error?.code == .validation)
        #expect(try await client.organization("a b").id == "a b")
        #expect(stub.recordedRequests.count == 1)
        let emptyList = await TestSupport.openDataError {
            _ = try await TestSupport.collect(client.resources(ofDataset: ""))
        }
        #expect(emptyList?.reason == .invalidInput)
    }

    @Test("a 5xx after the retries is a retryable server error, and a broken body a decoding error")
    func serverAndDecodingErrors() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/api/1/dataservices/", respond: .json(#"{"message": "Internal Server Error"}"#, status: 500))
        stub.expect(.get, "/api/1/dataservices/d/", respond: .json(#"{"title": "no id"}"#))
        let client = DataGouvClient(http: TestSupport.http(stub))
        let server = await TestSupport.openDataError { _ = try await TestSupport.collect(client.dataservices()) }
        #expect(server?.reason == .serverError)
        #expect(server?.isRetryable == true)
        #expect(server?.apiError?.message == "Internal Server Error")
        let decoding = await TestSupport.openDataError { _ = try await client.dataservice("d") }
        #expect(decoding?.reason == .decoding)
        #expect(decoding?.code == .decoding)
    }
}
