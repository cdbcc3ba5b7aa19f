import Foundation
import SanteCore
import SanteMockPlatform
import Testing

@Suite struct DMPSearchTests {
    @Test(.timeLimit(.minutes(3)))
    func patientAndStatusAreRequired() async throws {
        try await withPlatform { platform in
            let client = try await DMPTestClient.professional(platform)
            let noStatus = try await client.search(DMPFixtures.patientQuery())
            #expect(noStatus.status == 400)
            #expect(try noStatus.issues().first?["code"]?.stringValue == "required")
            #expect(try noStatus.expressions() == ["status"])
            let nothing = try await client.search("type=11488-4")
            #expect(nothing.status == 400)
            #expect(try nothing.expressions() == ["patient or patient.identifier", "status"])
            let lists = try await client.get("/List?\(DMPFixtures.patientQuery())&status=current")
            #expect(lists.status == 400)
            #expect(try lists.expressions() == ["code"])
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func pagesFollowAbsoluteNextLinksSortedByDateDescending() async throws {
        try await withPlatform { platform in
            let client = try await DMPTestClient.professional(platform)
            var expected: [String] = []
            for day in 1...5 {
                var document = DMPFixtures.Document()
                document.date = "2026-01-0\(day)T10:00:00+01:00"
                let stored = try await client.publishDocument(document)
                expected.insert(try #require(stored["id"]?.stringValue), at: 0)
            }
            var next: String? =
                platform.baseURL(for: .dmp).absoluteString
                + "/DocumentReference?\(DMPFixtures.patientQuery())&status=current&_count=2"
            var seen: [String] = []
            var pages = 0
            while let link = next {
                let url = try #require(URL(string: link))
                #expect(url.absoluteString.hasPrefix(platform.baseURL(for: .dmp).absoluteString))
                let path = String(link.dropFirst(platform.baseURL(for: .dmp).absoluteString.count))
                let page = try await client.get(path)
                #expect(page.status == 200)
                let bundle = try page.json()
                #expect(bundle["type"]?.stringValue == "searchset")
                #expect(bundle["total"]?.integerValue == 5)
                let entries = bundle["entry"]?.arrayValue ?? []
                #expect(entries.allSatisfy { $0.at("search", "mode")?.stringValue == "match" })
                #expect(entries.allSatisfy { $0["fullUrl"]?.stringValue?.hasPrefix("http://") == true })
                seen += try page.matches().compactMap { $0["id"]?.stringValue }
                let links = bundle["link"]?.arrayValue ?? []
                #expect(links.first { $0["relation"]?.stringValue == "self" } != nil)
                next = links.first { $0["relation"]?.stringValue == "next" }?["url"]?.stringValue
                pages += 1
            }
            #expect(pages == 3)
            #expect(seen == expected)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func everyParameterFilters() async throws {
        try await withPlatform { platform in
            let client = try await DMPTestClient.professional(platform)
            var consultation = DMPFixtures.Document()
            consultation.date = "2025-03-15T10:00:00+01:00"
            consultation.periodStart = "2025-03-15T09:00:00+01:00"
            consultation.identifier = "urn:oid:1.2.3.logical.1"
            var prescription = DMPFixtures.Document()
            prescription.typeCode = "57833-6"
            prescription.categoryCode = "42"
            prescription.date = "2026-02-01T08:00:00+01:00"
            prescription.periodStart = "2026-02-01T08:00:00+01:00"
            prescription.securityLabels = ["N"]
            prescription.authorIDNPS = DMPTestClient.cardiologist
            prescription.authorFamily = "MARCHAND"
            prescription.authorGiven = "JULIEN"
            let first = try #require(try await client.publishDocument(consultation)["id"]?.stringValue)
            let second = try #require(try await client.publishDocument(prescription)["id"]?.stringValue)

            let base = "\(DMPFixtures.patientQuery())&status=current"
            let cases: [(String, [String])] = [
                ("type=\(DMPFixtures.encode("http://loinc.org|57833-6"))", [second]),
                ("type=11488-4,57833-6", [second, first]),
                ("type=\(DMPFixtures.encode("|57833-6"))", []),
                ("category=42", [second]),
                ("date=ge2026-01-01", [second]),
                ("date=lt2026", [first]),
                ("date=2025-03", [first]),
                ("period-start=le2025-12-31", [first]),
                ("period=ge2026-02-01", [second]),
                ("creation=eq2025-03-15", [first]),
                ("facility=SA07", [second, first]),
                ("format=urn:ihe:iti:xds:2017:mimeTypeSufficient", [second, first]),
                ("security-label=N", [second]),
                ("identifier=\(DMPFixtures.encode("urn:ietf:rfc:3986|urn:oid:1.2.3.logical.1"))", [first]),
                ("identifier=\(DMPFixtures.encode("urn:ietf:rfc:3986|\(prescription.masterIdentifier)"))", [second]),
                ("isArchived=false", [second, first]),
                ("isArchived=true", []),
                ("author.family=march", [second]),
                ("author.given=Camille", [first]),
                ("patient=\(DMPTestClient.patient)", [second, first]),
                ("status=superseded", []),
            ]
            for (query, ids) in cases {
                let result = try await client.search("\(base)&\(query)")
                #expect(result.status == 200, "\(query): \(result.text)")
                #expect(try result.matches().compactMap { $0["id"]?.stringValue } == ids, "\(query)")
            }
            let otherPatient = try await client.search(
                "\(DMPFixtures.patientQuery(DMPTestClient.otherPatient))&status=current")
            #expect(try otherPatient.matches().isEmpty)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func unknownParametersAreIgnoredWithAWarningAndPostSearchWorks() async throws {
        try await withPlatform { platform in
            let client = try await DMPTestClient.professional(platform)
            let id = try #require(try await client.publishDocument(DMPFixtures.Document())["id"]?.stringValue)
            let result = try await client.search("\(DMPFixtures.patientQuery())&status=current&colour=blue")
            #expect(result.status == 200)
            let entries = try #require(try result.json()["entry"]?.arrayValue)
            let outcome = try #require(entries.first { $0.at("search", "mode")?.stringValue == "outcome" })
            #expect(outcome.at("resource", "issue", "0", "severity")?.stringValue == "warning")
            #expect(outcome.at("resource", "issue", "0", "diagnostics")?.stringValue?.contains("colour") == true)
            #expect(try result.matches().compactMap { $0["id"]?.stringValue } == [id])

            let form = "\(DMPFixtures.patientQuery())&status=current"
            let posted = try await client.send(
                "POST", "/DocumentReference/_search", body: Data(form.utf8),
                contentType: "application/x-www-form-urlencoded")
            #expect(posted.status == 200)
            #expect(try posted.matches().compactMap { $0["id"]?.stringValue } == [id])
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func listSearchFindsSubmissionSets() async throws {
        try await withPlatform { platform in
            let client = try await DMPTestClient.professional(platform)
            let result = try await client.publish(DMPFixtures.transaction([DMPFixtures.Document()]))
            let listID = try #require(try result.json().at("entry", "0", "resource", "id")?.stringValue)
            let base = "\(DMPFixtures.patientQuery())&status=current"
            let found = try await client.get("/List?\(base)&code=submissionset")
            #expect(found.status == 200, "\(found.text)")
            #expect(try found.matches().compactMap { $0["id"]?.stringValue } == [listID])
            let folders = try await client.get("/List?\(base)&code=folder")
            #expect(try folders.matches().isEmpty)
            let bySource = try await client.get(
                "/List?\(base)&code=submissionset&sourceId=\(DMPFixtures.encode("urn:ietf:rfc:3986|urn:oid:1.2.3.4.5"))&title=soum"
            )
            #expect(try bySource.matches().count == 1)
            let posted = try await client.send(
                "POST", "/List/_search", body: Data("\(base)&code=submissionset".utf8),
                contentType: "application/x-www-form-urlencoded")
            #expect(try posted.matches().count == 1)
            // A patient sees their own submission sets only.
            let other = try await DMPTestClient.patient(platform, DMPTestClient.otherPatient)
            let none = try await other.get("/List?\(base)&code=submissionset")
            #expect(try none.matches().isEmpty)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func relatesToAndCountLimits() async throws {
        try await withPlatform { platform in
            let client = try await DMPTestClient.professional(platform)
            let oldID = try #require(try await client.publishDocument(DMPFixtures.Document())["id"]?.stringValue)
            var replacement = DMPFixtures.Document()
            replacement.replaces = oldID
            let newID = try #require(try await client.publishDocument(replacement)["id"]?.stringValue)
            let base = "\(DMPFixtures.patientQuery())&status=current,superseded"

            let related = try await client.search("\(base)&relatesto=DocumentReference/\(oldID)")
            #expect(try related.matches().compactMap { $0["id"]?.stringValue } == [newID])
            let superseded = try await client.search("\(DMPFixtures.patientQuery())&status=superseded")
            #expect(try superseded.matches().compactMap { $0["id"]?.stringValue } == [oldID])

            let clamped = try await client.search("\(base)&_count=500")
            let selfLink = try clamped.json()["link"]?.arrayValue?.first { $0["relation"]?.stringValue == "self" }
            #expect(selfLink?["url"]?.stringValue?.hasSuffix("_count=100&_offset=0") == true)
            let badCount = try await client.search("\(base)&_count=-1")
            #expect(badCount.status == 400)
            let badDate = try await client.search("\(base)&date=yesterday")
            #expect(badDate.status == 400)
        }
    }
}
