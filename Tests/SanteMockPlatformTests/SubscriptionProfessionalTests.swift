import Foundation
import SanteCore
import SanteMockPlatform
import Testing

@Suite struct SubscriptionProfessionalTests {
    static let multiPatient = MockSubscriptions.topics[1]

    static func resource(endpoint: URL, filter: String) -> String {
        """
        {"resourceType": "Subscription", "status": "requested", "criteria": "\(multiPatient)",
         "_criteria": {"extension": [{"url": "\(SubscriptionTest.filterURL)", "valueString": "\(filter)"}]},
         "channel": {"type": "rest-hook", "endpoint": "\(endpoint.absoluteString)", "payload": "application/fhir+json",
           "_payload": {"extension": [{"url": "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-payload-content", "valueCode": "empty"}]}}}
        """
    }

    @Test(.timeLimit(.minutes(3)))
    func professionalSubscribesAcrossPatientsWithFilters() async throws {
        let clock = TestClock()
        try await withReceiver(MockPlatform.Configuration(clock: clock)) { platform, receiver in
            let token = try await platform.mintProfessionalToken(subjectNameID: "899990000012")
            let filter = "DocumentReference?category=urn:oid:1.2.250.1.213.1.1.4.1|10&status=current,superseded"
            let created = try await SubscriptionTest.send(
                platform, "POST", "/dmp/fhir/Subscription", token: token,
                json: Self.resource(endpoint: receiver.url, filter: filter))
            #expect(created.status == 201)
            let subscription = try SubscriptionTest.json(created)
            let id = try #require(subscription["id"]?.stringValue)
            let secret = try #require(SubscriptionTest.secret(subscription))
            #expect(subscription["status"] == "active")
            #expect(subscription["meta"]?["versionId"] == "1")
            _ = try await receiver.waitFor(1)

            await platform.events.publish(
                WebhookTest.documentEvent(id: "doc-a", ins: SubscriptionTest.otherINS, time: clock.now()))
            await platform.events.publish(
                WebhookTest.documentEvent(id: "doc-b", time: clock.now(), status: "entered-in-error"))
            await platform.events.publish(WebhookTest.documentEvent(id: "doc-c", time: clock.now()))
            let received = try await receiver.waitFor(3)
            for (index, webhook) in received.enumerated().dropFirst() {
                #expect(webhook.hasValidSignature(secret: secret))
                let status = try webhook.json()["entry"]?.arrayValue?.first?["resource"]
                #expect(try webhook.json()["entry"]?.arrayValue?.count == 1)
                #expect(SubscriptionTest.parameter(status, "topic") == nil)
                let parts = SubscriptionTest.parameter(status, "notification-event")?["part"]?.arrayValue ?? []
                #expect(parts.first { $0["name"] == "event-number" }?["valueString"] == .string(String(index)))
                #expect(parts.first { $0["name"] == "focus" } == nil)
            }

            let listed = try SubscriptionTest.json(
                try await SubscriptionTest.send(platform, "GET", "/dmp/fhir/Subscription", token: token))
            #expect(listed["total"] == 1)
            let patient = try await platform.mintPatientToken(ins: SubscriptionTest.ins)
            #expect(
                try await SubscriptionTest.send(platform, "GET", "/dmp/fhir/Subscription/\(id)", token: patient).status
                    == 404)
            let patientList = try SubscriptionTest.json(
                try await SubscriptionTest.send(platform, "GET", "/dmp/fhir/Subscription", token: patient))
            #expect(patientList["total"] == 0)

            let updated = try await SubscriptionTest.send(
                platform, "PUT", "/dmp/fhir/Subscription/\(id)", token: token,
                json: Self.resource(endpoint: receiver.url, filter: "DocumentReference?type=http://loinc.org|00000-0"))
            #expect(updated.status == 200)
            let replaced = try SubscriptionTest.json(updated)
            #expect(replaced["meta"]?["versionId"] == "2")
            #expect(replaced["status"] == "active")
            #expect(SubscriptionTest.secret(replaced) == secret)
            _ = try await receiver.waitFor(4)
            await platform.events.publish(WebhookTest.documentEvent(id: "doc-d", time: clock.now()))
            // The new filter matches nothing: the next request is the handshake of a second subscription.
            _ = try await SubscriptionTest.send(
                platform, "POST", "/dmp/fhir/Subscription", token: token,
                json: Self.resource(endpoint: receiver.url, filter: filter))
            let all = try await receiver.waitFor(5)
            let lastType = SubscriptionTest.parameter(
                try all[4].json()["entry"]?.arrayValue?.first?["resource"], "type")?["valueCode"]
            #expect(lastType == "handshake")
            #expect(await platform.subscriptions.subscriptions().count == 2)
            let control = try await TestHTTP.send(try platform.url("/_mock/subscriptions"))
            #expect((try JSONSerialization.jsonObject(with: control.body) as? [Any])?.count == 2)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func invalidSubscriptionsAreRefusedWithOperationOutcomes() async throws {
        try await withPlatform(MockPlatform.Configuration(clock: TestClock())) { platform in
            let token = try await platform.mintProfessionalToken(subjectNameID: "899990000012")
            let endpoint = try #require(URL(string: "http://127.0.0.1:9/hook"))
            let cases: [(String, String)] = [
                (
                    SubscriptionTest.resource(endpoint: endpoint).replacingOccurrences(
                        of: "rest-hook", with: "websocket"),
                    "Subscription.channel.type"
                ),
                (
                    SubscriptionTest.resource(endpoint: endpoint).replacingOccurrences(
                        of: "http://127.0.0.1:9/hook", with: "ftp://x/y"),
                    "Subscription.channel.endpoint"
                ),
                (
                    SubscriptionTest.resource(endpoint: endpoint).replacingOccurrences(
                        of: "PatientDependent", with: "Unknown"),
                    "Subscription.criteria"
                ),
                (Self.resource(endpoint: endpoint, filter: "Patient?name=x"), "Subscription.criteria"),
                (
                    SubscriptionTest.resource(endpoint: endpoint).replacingOccurrences(
                        of: "DocumentReference?patient.identifier=urn:oid:1.2.250.1.213.1.4.10|279035121518989",
                        with: "DocumentReference?type=http://loinc.org|11488-4"), "Subscription.criteria"
                ),
            ]
            for (body, expression) in cases {
                let result = try await SubscriptionTest.send(
                    platform, "POST", "/dmp/fhir/Subscription", token: token, json: body)
                #expect(result.status == 400)
                let issue = try SubscriptionTest.json(result)["issue"]?.arrayValue?.first
                #expect(issue?["expression"]?.arrayValue?.first == .string(expression))
            }
            let notJSON = try await SubscriptionTest.send(
                platform, "POST", "/dmp/fhir/Subscription", token: token, json: "{")
            #expect(notJSON.status == 400)
            #expect(await platform.subscriptions.subscriptions().isEmpty)
        }
    }
}
