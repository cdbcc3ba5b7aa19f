import Foundation
import SanteCore
import SanteMockPlatform
import Testing

@Suite struct DMPAccessTests {
    /// Publishes a document and returns its id and its Binary's path.
    static func publish(_ client: DMPTestClient, _ document: DMPFixtures.Document) async throws -> (
        id: String, binaryPath: String
    ) {
        let stored = try await client.publishDocument(document)
        let id = try #require(stored["id"]?.stringValue)
        let url = try #require(stored.at("content", "0", "attachment", "url")?.stringValue)
        return (id, String(url.dropFirst(client.platform.baseURL(for: .dmp).absoluteString.count)))
    }

    static func ids(_ client: DMPTestClient, ins: String = DMPTestClient.patient) async throws -> Set<String> {
        let result = try await client.search("\(DMPFixtures.patientQuery(ins))&status=current")
        #expect(result.status == 200)
        return Set(try result.matches().compactMap { $0["id"]?.stringValue })
    }

    @Test(.timeLimit(.minutes(3)))
    func maskedDocumentsAreHiddenFromOtherProfessionalsOnly() async throws {
        try await withPlatform { platform in
            let author = try await DMPTestClient.professional(platform)
            let other = try await DMPTestClient.professional(platform, DMPTestClient.cardiologist)
            var masked = DMPFixtures.Document()
            masked.securityLabels = ["MASQUE_PS"]
            let hidden = try await Self.publish(author, masked)
            let visible = try await Self.publish(author, DMPFixtures.Document())

            #expect(try await Self.ids(author) == [hidden.id, visible.id])
            #expect(try await Self.ids(other) == [visible.id])
            #expect(try await other.get("/DocumentReference/\(hidden.id)").status == 404)
            #expect(try await other.get(hidden.binaryPath).status == 404)
            #expect(try await other.get("/DocumentReference/\(visible.id)").status == 200)
            #expect(try await author.get("/DocumentReference/\(hidden.id)").status == 200)
            #expect(try await author.get(hidden.binaryPath).status == 200)

            // The patient sees a document masked from professionals.
            let patient = try await DMPTestClient.patient(platform)
            #expect(try await Self.ids(patient) == [hidden.id, visible.id])
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func aPatientSeesOnlyOwnDocumentsAndNeverInvisibleOnes() async throws {
        try await withPlatform { platform in
            let professional = try await DMPTestClient.professional(platform)
            let own = try await Self.publish(professional, DMPFixtures.Document())
            var invisibleDocument = DMPFixtures.Document()
            invisibleDocument.securityLabels = ["INVISIBLE_PATIENT"]
            let invisible = try await Self.publish(professional, invisibleDocument)
            var otherPatientDocument = DMPFixtures.Document()
            otherPatientDocument.ins = DMPTestClient.otherPatient
            let foreign = try await Self.publish(professional, otherPatientDocument)

            let patient = try await DMPTestClient.patient(platform)
            #expect(try await Self.ids(patient) == [own.id])
            #expect(try await Self.ids(patient, ins: DMPTestClient.otherPatient).isEmpty)
            #expect(try await patient.get("/DocumentReference/\(own.id)").status == 200)
            #expect(try await patient.get(own.binaryPath).status == 200)
            for hidden in [invisible, foreign] {
                let read = try await patient.get("/DocumentReference/\(hidden.id)")
                #expect(read.status == 404)
                #expect(try read.issues().first?["code"]?.stringValue == "not-found")
                #expect(try await patient.get(hidden.binaryPath).status == 404)
            }
            // The professional sees all three.
            #expect(try await Self.ids(professional) == [own.id, invisible.id])
            #expect(try await Self.ids(professional, ins: DMPTestClient.otherPatient) == [foreign.id])
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func anExpiredTokenIsRefused() async throws {
        let clock = TestClock()
        try await withPlatform(MockPlatform.Configuration(clock: clock)) { platform in
            let token = try await platform.mintProfessionalToken(
                subjectNameID: DMPTestClient.generalPractitioner, lifetime: .seconds(60))
            let client = DMPTestClient(platform: platform, token: token)
            #expect(try await client.search("\(DMPFixtures.patientQuery())&status=current").status == 200)
            clock.advance(by: .seconds(61))
            let expired = try await client.search("\(DMPFixtures.patientQuery())&status=current")
            #expect(expired.status == 401)
            #expect(try expired.issues().first?["code"]?.stringValue == "login")
            #expect(expired.header("WWW-Authenticate") == #"Bearer realm="dmp", error="invalid_token""#)
            let anonymous = try await DMPTestClient(platform: platform, token: nil).search(
                "\(DMPFixtures.patientQuery())&status=current")
            #expect(anonymous.status == 401)
            #expect(anonymous.header("WWW-Authenticate") == #"Bearer realm="dmp""#)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func anAccessTokenFromARealSignInIsAccepted() async throws {
        try await withPlatform { platform in
            let tokens = try await PSC.signIn(platform, loginHint: DMPTestClient.cardiologist)
            let accessToken = try #require(tokens["access_token"] as? String)
            let client = DMPTestClient(platform: platform, token: accessToken)
            let result = try await client.search("\(DMPFixtures.patientQuery())&status=current")
            #expect(result.status == 200, "\(result.text)")
            #expect(try result.json()["total"]?.integerValue == 0)
        }
    }
}
