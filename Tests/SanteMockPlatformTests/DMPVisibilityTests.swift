import Foundation
import SanteCore
import SanteMockPlatform
import Testing

/// The DMP's access rules hold on every path to a document: Lists, Binaries, removed documents, paging bounds,
/// and FHIR subscription notifications.
@Suite struct DMPVisibilityTests {
    static let masker = DMPTestClient.cardiologist

    /// A document authored by the cardiologist, optionally masked from other professionals.
    static func cardiologistDocument(masked: Bool) -> DMPFixtures.Document {
        var document = DMPFixtures.Document()
        document.authorIDNPS = masker
        document.authorFamily = "MARCHAND"
        document.authorGiven = "JULIEN"
        if masked { document.securityLabels = ["MASQUE_PS"] }
        return document
    }

    @Test(
        "A submission set of a masked document is hidden with it; a huge _offset is an empty page",
        .timeLimit(.minutes(3)))
    func listsFollowTheirDocuments() async throws {
        try await withPlatform { platform in
            let author = try await DMPTestClient.professional(platform, Self.masker)
            let other = try await DMPTestClient.professional(platform)
            _ = try await author.publishDocument(Self.cardiologistDocument(masked: true))
            let query = "/List?\(DMPFixtures.patientQuery())&code=submissionset&status=current"

            let seenByAuthor = try await author.get(query)
            #expect(try seenByAuthor.matches().count == 1)
            let listID = try #require(try seenByAuthor.matches().first?["id"]?.stringValue)
            #expect(try await other.get(query).matches().isEmpty)
            #expect(try await other.get("/List/\(listID)").status == 404)
            #expect(try await author.get("/List/\(listID)").status == 200)

            let farAway = try await author.search(
                "\(DMPFixtures.patientQuery())&status=current&_offset=9223372036854775807")
            #expect(farAway.status == 200)
            #expect(try farAway.matches().isEmpty)
        }
    }

    @Test("A subscription is notified only of documents its owner may see", .timeLimit(.minutes(3)))
    func subscriptionsFollowTheAccessRules() async throws {
        try await withReceiver(MockPlatform.Configuration()) { platform, receiver in
            let token = try await platform.mintProfessionalToken(subjectNameID: DMPTestClient.generalPractitioner)
            let created = try await SubscriptionTest.send(
                platform, "POST", "/dmp/fhir/Subscription", token: token,
                json: SubscriptionProfessionalTests.resource(
                    endpoint: receiver.url, filter: "DocumentReference?status=current"))
            #expect(created.status == 201)
            let id = try #require(try SubscriptionTest.json(created)["id"]?.stringValue)
            _ = try await receiver.waitFor(1)

            // Published over HTTP through the mock DMP: the masked one first, then a visible one.
            let author = try await DMPTestClient.professional(platform, Self.masker)
            _ = try await author.publishDocument(Self.cardiologistDocument(masked: true))
            _ = try await author.publishDocument(Self.cardiologistDocument(masked: false))
            let received = try await receiver.waitFor(2)
            #expect(received.count == 2)

            let status = try SubscriptionTest.json(
                try await SubscriptionTest.send(
                    platform, "GET", "/dmp/fhir/Subscription/\(id)/$status", token: token))
            let parameters = status["entry"]?.arrayValue?.first?["resource"]
            #expect(
                SubscriptionTest.parameter(parameters, "events-since-subscription-start")?["valueString"] == "1",
                "the masked document was never counted for this subscriber")
        }
    }
}
