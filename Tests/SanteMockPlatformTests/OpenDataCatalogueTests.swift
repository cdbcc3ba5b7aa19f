import Foundation
import SanteMockPlatform
import Testing

/// The data.gouv.fr API: shapes compared key by key with responses recorded from the real udata, paging, errors,
/// API key and field masks.
@Suite struct OpenDataCatalogueTests {
    static let vacsiID = "6010206e7aa742eb447930f7"
    static let vacsiSlug = "donnees-relatives-aux-personnes-vaccinees-contre-la-covid-19-1"

    @Test(
        .timeLimit(.minutes(3)), .enabled(if: OpenDataSamples.hasRecordedResponses, "recorded udata responses absent"))
    func siteMatchesTheRecordedKeys() async throws {
        try await withPlatform { platform in
            let site = try await OpenDataHTTP.json(try platform.dataURL("/api/1/site/"))
            let recorded = try OpenDataSamples.recordedBody("v1_site.json")
            #expect(site.keySet == recorded.keySet)
            let metrics = try #require(site["metrics"] as? [String: Any])
            #expect(metrics.keySet == (recorded["metrics"] as? [String: Any])?.keySet)
            #expect(metrics["datasets"] as? Int == 5)
        }
    }

    @Test(
        .timeLimit(.minutes(3)), .enabled(if: OpenDataSamples.hasRecordedResponses, "recorded udata responses absent"))
    func datasetPageMatchesTheRecordedKeys() async throws {
        try await withPlatform { platform in
            let page = try await OpenDataHTTP.json(try platform.dataURL("/api/1/datasets/?page_size=2"))
            let recorded = try OpenDataSamples.recordedBody("v1_datasets_page.json")
            #expect(page.keySet == recorded.keySet)
            let datasets = try #require(page["data"] as? [[String: Any]])
            let recordedDatasets = try #require(recorded["data"] as? [[String: Any]])
            #expect(datasets.count == 2)
            for dataset in datasets {
                #expect(dataset.keySet == recordedDatasets[0].keySet)
                try Self.expectNestedKeys(dataset, like: recordedDatasets[0])
            }
            #expect(page["page"] as? Int == 1)
            #expect(page["page_size"] as? Int == 2)
            #expect(page["total"] as? Int == 5)
            #expect(page["previous_page"] is NSNull)
            #expect(
                page["next_page"] as? String == platform.baseURL.absoluteString
                    + "/data/api/1/datasets/?page_size=2&page=2")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func pagingFollowsAbsoluteNextLinks() async throws {
        try await withPlatform { platform in
            var next: String? = try platform.dataURL("/api/1/datasets/?page_size=2").absoluteString
            var ids: [String] = []
            var pages = 0
            while let link = next {
                #expect(link.hasPrefix(platform.baseURL.absoluteString + "/data/api/1/datasets/?"))
                let page = try await OpenDataHTTP.json(try #require(URL(string: link)))
                pages += 1
                ids += try #require(page["data"] as? [[String: Any]]).compactMap { $0["id"] as? String }
                #expect(page["total"] as? Int == 5)
                if pages == 2 {
                    #expect(
                        page["previous_page"] as? String
                            == platform.baseURL.absoluteString + "/data/api/1/datasets/?page_size=2&page=1")
                }
                next = page["next_page"] as? String
            }
            #expect(pages == 3)
            #expect(ids.count == 5)
            #expect(Set(ids).count == 5)
            #expect(ids.contains(Self.vacsiID))

            // The page argument is replaced where it stands, as udata does.
            let second = try await OpenDataHTTP.json(try platform.dataURL("/api/1/datasets/?page=2&page_size=2"))
            #expect(
                second["next_page"] as? String
                    == platform.baseURL.absoluteString + "/data/api/1/datasets/?page=3&page_size=2")
        }
    }

    @Test(
        .timeLimit(.minutes(3)), .enabled(if: OpenDataSamples.hasRecordedResponses, "recorded udata responses absent"))
    func vacsiDatasetByIdAndSlugMatchesTheRecording() async throws {
        try await withPlatform { platform in
            let recorded = try OpenDataSamples.recordedBody("v1_dataset_vacsi.json")
            for key in [Self.vacsiID, Self.vacsiSlug] {
                let dataset = try await OpenDataHTTP.json(try platform.dataURL("/api/1/datasets/\(key)/"))
                #expect(dataset["id"] as? String == Self.vacsiID)
                #expect(dataset["slug"] as? String == Self.vacsiSlug)
                #expect(dataset.keySet == recorded.keySet)
                try Self.expectNestedKeys(dataset, like: recorded)
                let resources = try #require(dataset["resources"] as? [[String: Any]])
                #expect(resources.count == 6)
                for resource in resources {
                    let checksum = try #require(resource["checksum"] as? [String: Any])
                    #expect(checksum["type"] as? String == "sha1")
                    #expect((resource["latest"] as? String)?.hasPrefix(platform.baseURL.absoluteString) == true)
                }
                #expect(resources.contains { $0["id"] as? String == "efe23314-67c4-45d3-89a2-3faef82fae90" })
            }
        }
    }

    @Test(
        .timeLimit(.minutes(3)), .enabled(if: OpenDataSamples.hasRecordedResponses, "recorded udata responses absent"))
    func v2DatasetAndPaginatedResourcesMatchTheRecording() async throws {
        try await withPlatform { platform in
            let recorded = try OpenDataSamples.recordedBody("v2_dataset_vacsi.json")
            let dataset = try await OpenDataHTTP.json(try platform.dataURL("/api/2/datasets/\(Self.vacsiSlug)/"))
            #expect(dataset.keySet == recorded.keySet)
            let link = try #require(dataset["resources"] as? [String: Any])
            #expect(link.keySet == (recorded["resources"] as? [String: Any])?.keySet)
            #expect(
                link["href"] as? String
                    == platform.baseURL.absoluteString
                    + "/data/api/2/datasets/\(Self.vacsiID)/resources/?page=1&page_size=50")

            let recordedPage = try OpenDataSamples.recordedBody("v2_dataset_resources.json")
            let page = try await OpenDataHTTP.json(
                try platform.dataURL("/api/2/datasets/\(Self.vacsiSlug)/resources/?page_size=3"))
            #expect(page.keySet == recordedPage.keySet)
            let resources = try #require(page["data"] as? [[String: Any]])
            let recordedResources = try #require(recordedPage["data"] as? [[String: Any]])
            #expect(resources.count == 3)
            #expect(resources[0].keySet == recordedResources[0].keySet)
            #expect(
                page["next_page"] as? String
                    == platform.baseURL.absoluteString
                    + "/data/api/2/datasets/\(Self.vacsiID)/resources/?page=2&page_size=3")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func v2ResourcesOfTheViteMaDoseDatasetSpanThreePages() async throws {
        try await withPlatform { platform in
            let dataset = try await OpenDataHTTP.json(
                try platform.dataURL("/api/2/datasets/vite-ma-dose-centres-et-creneaux-de-vaccination/"))
            let link = try #require(dataset["resources"] as? [String: Any])
            #expect(link["total"] as? Int == 104)
            var next = link["href"] as? String
            var titles: [String] = []
            var pages = 0
            while let url = next {
                let page = try await OpenDataHTTP.json(try #require(URL(string: url)))
                pages += 1
                #expect(page["page_size"] as? Int == 50)
                titles += try #require(page["data"] as? [[String: Any]]).compactMap { $0["title"] as? String }
                next = page["next_page"] as? String
            }
            #expect(pages == 3)
            #expect(titles.count == 104)
            #expect(titles.contains("2A.json") && titles.contains("976.json") && !titles.contains("975.json"))
        }
    }

    @Test(
        .timeLimit(.minutes(3)), .enabled(if: OpenDataSamples.hasRecordedResponses, "recorded udata responses absent"))
    func errorsMatchTheRecordedShapes() async throws {
        try await withPlatform { platform in
            let missing = try await OpenDataHTTP.get(try platform.dataURL("/api/1/datasets/does-not-exist/"))
            #expect(missing.status == 404)
            #expect(try missing.jsonObject().keySet == OpenDataSamples.recordedBody("v1_dataset_404.json").keySet)
            #expect(missing.header("Content-Type") == "application/json")

            let zero = try await OpenDataHTTP.get(try platform.dataURL("/api/1/datasets/?page_size=0"))
            #expect(zero.status == 400)
            let recordedZero = try OpenDataSamples.recordedBody("v1_page_size_0.json")
            let body = try zero.jsonObject()
            #expect(body.keySet == recordedZero.keySet)
            #expect(body["message"] as? String == recordedZero["message"] as? String)
            #expect(
                (body["errors"] as? [String: String])?["page_size"]
                    == (recordedZero["errors"] as? [String: String])?["page_size"])

            let badKey = try await OpenDataHTTP.get(
                try platform.dataURL("/api/1/me/"), headers: ["X-API-KEY": "udata_not-a-key"])
            #expect(badKey.status == 401)
            #expect(try badKey.jsonObject()["message"] as? String == "Invalid API token")
            #expect(
                badKey.header("WWW-Authenticate")
                    == (try OpenDataSamples.recordedHeader("v1_bad_apikey.json", "WWW-Authenticate")))

            let unknownRoute = try await OpenDataHTTP.get(try platform.dataURL("/api/1/nothing-here/"))
            #expect(unknownRoute.status == 404)
            #expect(try unknownRoute.jsonObject().keySet == ["message"])
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func aBadKeyIsRefusedEverywhereAndMeNeedsTheDocumentedKey() async throws {
        try await withPlatform { platform in
            let url = try platform.dataURL("/api/1/me/")
            #expect(try await OpenDataHTTP.get(url).status == 401)
            #expect(try await OpenDataHTTP.get(url, headers: ["X-API-KEY": "wrong"]).status == 401)
            let me = try await OpenDataHTTP.get(url, headers: [MockDataGouvAPI.apiKeyHeader: MockDataGouvAPI.apiKey])
            #expect(me.status == 200)
            #expect(try me.jsonObject()["slug"] as? String == "santekit-mock")

            let list = try platform.dataURL("/api/1/datasets/")
            #expect(try await OpenDataHTTP.get(list, headers: ["X-API-KEY": "wrong"]).status == 401)
            #expect(try await OpenDataHTTP.get(list, headers: ["X-API-KEY": MockDataGouvAPI.apiKey]).status == 200)
        }
    }

    @Test(
        .timeLimit(.minutes(3)),
        arguments: [("vaccination", 3), ("SI-DEP", 2), ("Vaccinées COVID", 1), ("zzzz", 0), ("sante-publique", 3)])
    func searchFiltersDatasets(query: String, expected: Int) async throws {
        try await withPlatform { platform in
            let encoded = try #require(query.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let page = try await OpenDataHTTP.json(try platform.dataURL("/api/1/datasets/?q=\(encoded)"))
            #expect(page["total"] as? Int == expected)
            #expect((page["data"] as? [Any])?.count == expected)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func fieldMasksTrimThePayload() async throws {
        try await withPlatform { platform in
            let url = try platform.dataURL("/api/1/datasets/?page_size=2")
            let page = try await OpenDataHTTP.json(
                url, headers: ["X-Fields": "data{id,title,last_update},next_page,total"])
            #expect(page.keySet == ["data", "next_page", "total"])
            let datasets = try #require(page["data"] as? [[String: Any]])
            #expect(datasets.count == 2)
            #expect(datasets.allSatisfy { $0.keySet == ["id", "title", "last_update"] })
            #expect((page["next_page"] as? String)?.hasSuffix("page_size=2&page=2") == true)

            let dataset = try await OpenDataHTTP.json(
                try platform.dataURL("/api/1/datasets/\(Self.vacsiID)/"), headers: ["X-Fields": "id,resources{id},*"])
            #expect(dataset["title"] is String)
            #expect((dataset["resources"] as? [[String: Any]])?.first?.keySet == ["id"])

            let bad = try await OpenDataHTTP.get(url, headers: ["X-Fields": "data{id"])
            #expect(bad.status == 400)
        }
    }

    @Test(
        .timeLimit(.minutes(3)), .enabled(if: OpenDataSamples.hasRecordedResponses, "recorded udata responses absent"))
    func organizationsReusesAndDataservicesMatchTheRecordedKeys() async throws {
        try await withPlatform { platform in
            for (path, file, total) in [
                ("/api/1/organizations/?page_size=1", "v1_organizations.json", 5),
                ("/api/1/reuses/?page_size=1", "v1_reuses.json", 2),
                ("/api/1/dataservices/?page_size=1", "v1_dataservices.json", 2),
            ] {
                let page = try await OpenDataHTTP.json(try platform.dataURL(path))
                let recorded = try OpenDataSamples.recordedBody(file)
                #expect(page.keySet == recorded.keySet)
                #expect(page["total"] as? Int == total)
                let item = try #require((page["data"] as? [[String: Any]])?.first)
                let recordedItem = try #require((recorded["data"] as? [[String: Any]])?.first)
                #expect(item.keySet == recordedItem.keySet, "\(path)")
                #expect(
                    (item["organization"] as? [String: Any])?.keySet
                        == (recordedItem["organization"] as? [String: Any])?.keySet)
            }
            let services = try await OpenDataHTTP.json(try platform.dataURL("/api/1/dataservices/"))
            let annuaire = try #require(
                (services["data"] as? [[String: Any]])?.first { $0["slug"] as? String == "api-annuaire-sante" })
            #expect(annuaire["base_api_url"] as? String == platform.baseURL(for: .annuaire).absoluteString)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func latestRedirectsToTheFile() async throws {
        try await withPlatform { platform in
            let dataset = try await OpenDataHTTP.json(try platform.dataURL("/api/1/datasets/\(Self.vacsiID)/"))
            let resource = try #require(
                (dataset["resources"] as? [[String: Any]])?.first {
                    $0["id"] as? String == "efe23314-67c4-45d3-89a2-3faef82fae90"
                })
            let latest = try #require(resource["latest"] as? String)
            let redirect = try await OpenDataHTTP.get(try #require(URL(string: latest)))
            #expect(redirect.status == 302)
            #expect(redirect.header("Location") == resource["url"] as? String)

            let unknown = try await OpenDataHTTP.get(
                try platform.dataURL("/api/1/datasets/r/00000000-0000-4000-8000-000000000000"))
            #expect(unknown.status == 404)
        }
    }

    /// The keys of the nested objects udata always writes (organization, resources, quality, internal, metrics).
    static func expectNestedKeys(_ value: [String: Any], like recorded: [String: Any]) throws {
        for key in ["organization", "internal", "permissions"] {
            #expect((value[key] as? [String: Any])?.keySet == (recorded[key] as? [String: Any])?.keySet, "\(key)")
        }
        if let resources = value["resources"] as? [[String: Any]],
            let recordedResource = (recorded["resources"] as? [[String: Any]])?.first
        {
            for resource in resources {
                #expect(resource.keySet == recordedResource.keySet)
                #expect(
                    (resource["internal"] as? [String: Any])?.keySet
                        == (recordedResource["internal"] as? [String: Any])?.keySet)
            }
        }
    }
}
