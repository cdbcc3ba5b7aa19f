import Foundation
import SanteCore
import SanteMockPlatform
import Testing

/// The Annuaire Santé FHIR API v2: key check, searches built from the seeded identities, paging through absolute
/// `_page` links, includes, reads and errors.
@Suite struct AnnuaireTests {
    static let key = [MockAnnuaireSanteAPI.apiKeyHeader: MockAnnuaireSanteAPI.apiKey]

    static func bundle(_ platform: MockPlatform, _ path: String) async throws -> FHIRBundle {
        let result = try await OpenDataHTTP.get(try platform.url("/annuaire/fhir/v2" + path), headers: key)
        #expect(result.status == 200, "\(path): \(String(decoding: result.body, as: UTF8.self))")
        #expect(result.header("Content-Type") == "application/fhir+json;charset=UTF-8")
        return try FHIRJSON.decode(FHIRBundle.self, from: result.body)
    }

    @Test(.timeLimit(.minutes(3)), arguments: [nil, "wrong-key"])
    func requestsWithoutTheKeyAre401(key: String?) async throws {
        try await withPlatform { platform in
            let headers = key.map { [MockAnnuaireSanteAPI.apiKeyHeader: $0] } ?? [:]
            let result = try await OpenDataHTTP.get(
                try platform.url("/annuaire/fhir/v2/Practitioner?identifier=99990000012"), headers: headers)
            #expect(result.status == 401)
            let outcome = try FHIRJSON.decode(FHIROperationOutcome.self, from: result.body)
            #expect(outcome.issue.first?.code == .security)
            #expect(outcome.hasErrors)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func practitionersAreFoundByRPPS() async throws {
        try await withPlatform { platform in
            for professional in platform.identities.professionals {
                guard let rpps = professional.rpps else { continue }
                for query in ["identifier=\(rpps)", "identifier=https://rpps.esante.gouv.fr%7C\(rpps)"] {
                    let bundle = try await Self.bundle(platform, "/Practitioner?\(query)")
                    #expect(bundle.type == .searchset)
                    #expect(bundle.total == 1)
                    let practitioner = try #require(bundle.entry.first?.resource)
                    let name = practitioner[member: "name"]?.arrayValue?.first
                    #expect(name?["family"]?.stringValue == professional.familyName)
                    #expect(bundle.entry.first?.fullUrl?.hasPrefix(platform.baseURL.absoluteString) == true)
                }
            }
            let byNational = try await Self.bundle(
                platform, "/Practitioner?identifier=urn:oid:1.2.250.1.71.4.2.1%7C0759300122")
            #expect(byNational.total == 1)
            let none = try await Self.bundle(
                platform, "/Practitioner?identifier=https://finess.esante.gouv.fr%7C99990000012")
            #expect(none.total == 0 && none.entry.isEmpty)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func rolesOfAPractitionerIncludeTheirOrganizations() async throws {
        try await withPlatform { platform in
            let nurse = try await Self.bundle(platform, "/Practitioner?identifier=99990000038")
            let id = try #require(nurse.entry.first?.resource?.id)
            let roles = try await Self.bundle(
                platform, "/PractitionerRole?practitioner=Practitioner/\(id)&_include=PractitionerRole:organization")
            #expect(roles.total == 2)
            let matches = roles.entry.filter { $0.search?.mode == .match }
            let included = roles.entry.filter { $0.search?.mode == .include }
            #expect(matches.count == 2 && included.count == 2)
            #expect(included.allSatisfy { $0.resource?.resourceType == "Organization" })
            let names = Set(included.compactMap { $0.resource?[member: "name"]?.stringValue })
            #expect(names == ["CENTRE DE SANTE DES TERREAUX", "CABINET INFIRMIER GIRARD"])
            let bare = try await Self.bundle(platform, "/PractitionerRole?practitioner=\(id)")
            #expect(bare.total == 2)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func organizationsAreFoundByFinessAndSiret() async throws {
        try await withPlatform { platform in
            let hospital = try await Self.bundle(
                platform, "/Organization?identifier=https://finess.esante.gouv.fr%7C750999997")
            #expect(hospital.total == 1)
            let organization = try #require(hospital.entry.first?.resource)
            #expect(organization[member: "name"]?.stringValue == "CENTRE HOSPITALIER SANTEKIT")
            let partOf = try #require(organization[member: "partOf"]?["reference"]?.stringValue)
            let legal = try await Self.bundle(platform, "/Organization?identifier=750999989")
            #expect("Organization/\(legal.entry.first?.resource?.id ?? "")" == partOf)
            let byPartOf = try await Self.bundle(platform, "/Organization?partof=\(partOf)")
            #expect(byPartOf.entry.first?.resource?.id == organization.id)

            let practice = try await Self.bundle(
                platform, "/Organization?identifier=https://sirene.fr%7C99999001300016")
            #expect(practice.entry.first?.resource?[member: "name"]?.stringValue == "CABINET DU DR LEFEBVRE")

            let services = try await Self.bundle(platform, "/HealthcareService?organization=\(organization.id ?? "")")
            #expect((services.total ?? 0) > 0)
            #expect(
                services.entry.allSatisfy {
                    $0.resource?[member: "providedBy"]?["reference"]?.stringValue
                        == "Organization/\(organization.id ?? "")"
                })
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func pagingFollowsAbsoluteNextLinksSortedById() async throws {
        try await withPlatform { platform in
            var bundle = try await Self.bundle(platform, "/Practitioner?_count=7")
            let total = try #require(bundle.total)
            #expect(total == platform.identities.professionals.count + 60)
            var ids = bundle.entry.compactMap { $0.resource?.id }
            var pages = 1
            while let next = bundle.nextURL {
                #expect(next.absoluteString.hasPrefix(platform.baseURL.absoluteString + "/annuaire/fhir/v2/_page?id="))
                let result = try await OpenDataHTTP.get(next, headers: Self.key)
                #expect(result.status == 200)
                bundle = try FHIRJSON.decode(FHIRBundle.self, from: result.body)
                #expect(bundle.entry.count <= 7)
                ids += bundle.entry.compactMap { $0.resource?.id }
                pages += 1
            }
            #expect(ids.count == total)
            #expect(Set(ids).count == total)
            #expect(ids == ids.sorted())
            #expect(pages == (total + 6) / 7)

            let countOnly = try await Self.bundle(platform, "/Practitioner?_count=0")
            #expect(countOnly.total == total && countOnly.entry.isEmpty && countOnly.nextURL == nil)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func searchesByNameAndPostedForms() async throws {
        try await withPlatform { platform in
            let byFamily = try await Self.bundle(platform, "/Practitioner?family=lefeb")
            #expect(
                byFamily.entry.contains {
                    $0.resource?[member: "name"]?.arrayValue?.first?["family"]?.stringValue == "LEFEBVRE"
                })
            let exact = try await Self.bundle(platform, "/Practitioner?family:exact=lefeb")
            #expect(exact.total == 0)
            let posted = try await OpenDataHTTP.getWithBody(
                try platform.url("/annuaire/fhir/v2/Practitioner/_search"), body: "identifier=99990000020",
                headers: Self.key)
            #expect(posted.status == 200)
            #expect(try FHIRJSON.decode(FHIRBundle.self, from: posted.body).total == 1)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func readsAndErrors() async throws {
        try await withPlatform { platform in
            let search = try await Self.bundle(platform, "/Practitioner?identifier=99990000012")
            let id = try #require(search.entry.first?.resource?.id)
            let read = try await OpenDataHTTP.get(
                try platform.url("/annuaire/fhir/v2/Practitioner/\(id)"), headers: Self.key)
            #expect(read.status == 200)
            #expect(try FHIRJSON.decode(AnyFHIRResource.self, from: read.body).id == id)

            for (path, status) in [
                ("/Practitioner/999999", 404), ("/Practitioner?unknown=1", 400), ("/_page?id=garbage", 400),
                ("/Patient?name=x", 404), ("/Practitioner?_count=-1", 400),
            ] {
                let result = try await OpenDataHTTP.get(try platform.url("/annuaire/fhir/v2" + path), headers: Self.key)
                #expect(result.status == status, "\(path)")
                #expect((try? FHIRJSON.decode(FHIROperationOutcome.self, from: result.body)) != nil, "\(path)")
            }
        }
    }

    @Test(.timeLimit(.minutes(3)), .enabled(if: OpenDataSamples.hasSamples, "sample files absent"))
    func resourcesHaveTheSampleShapes() async throws {
        try await withPlatform { platform in
            let practitioner = try await Self.bundle(platform, "/Practitioner?identifier=99990000012")
            let sample = try OpenDataSamples.sampleObject("annuaire-sante/Practitioner-3719500DP.json")
            let members = try #require(practitioner.entry.first?.resource?.members)
            #expect(Set(members.keys) == sample.keySet.subtracting(["text"]))

            let organization = try await Self.bundle(platform, "/Organization?identifier=99999001300016")
            let organizationSample = try OpenDataSamples.sampleObject("annuaire-sante/Organization-158480DP.json")
            let organizationMembers = try #require(organization.entry.first?.resource?.members)
            #expect(Set(organizationMembers.keys) == organizationSample.keySet.subtracting(["text"]))

            let practitionerID = practitioner.entry.first?.resource?.id ?? ""
            let role = try await Self.bundle(platform, "/PractitionerRole?practitioner=\(practitionerID)")
            let roleSample = try OpenDataSamples.sampleObject("annuaire-sante/PractitionerRole-1578230DP.json")
            let roleMembers = try #require(role.entry.first?.resource?.members)
            #expect(roleSample.keySet.subtracting(["text"]).isSubset(of: Set(roleMembers.keys)))
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func extrasDependOnTheSeedAndSeededIdentitiesDoNot() async throws {
        var results: [UInt64: [String]] = [:]
        for seed: UInt64 in [3, 3, 4] {
            try await withPlatform(MockPlatform.Configuration(seed: seed)) { platform in
                let bundle = try await Self.bundle(platform, "/Practitioner?_count=100")
                let names = bundle.entry.compactMap { entry -> String? in
                    let name = entry.resource?[member: "name"]?.arrayValue?.first
                    return
                        "\(entry.resource?.id ?? "") \(name?["family"]?.stringValue ?? "") \(name?["given"]?.arrayValue?.first?.stringValue ?? "")"
                }
                if let previous = results[seed] {
                    #expect(previous == names)
                }
                results[seed] = names
            }
        }
        let three = try #require(results[3])
        let four = try #require(results[4])
        #expect(Array(three.prefix(4)) == Array(four.prefix(4)))
        #expect(three != four)
    }
}

extension OpenDataHTTP {
    /// A form `POST`.
    static func getWithBody(_ url: URL, body: String, headers: [String: String]) async throws -> HTTPResult {
        var all = headers
        all["Content-Type"] = "application/x-www-form-urlencoded"
        return try await TestHTTP.send("POST", url, body: Data(body.utf8), headers: all)
    }
}
