import Foundation
import SanteCore
import SanteMockPlatform
import Testing

enum SubscriptionTest {
    static let ins = WebhookTest.ins
    static let otherINS = "290116912304559"
    static let filterURL = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-filter-criteria"

    /// A Subscription resource on the DSUBm PatientDependent topic.
    static func resource(
        endpoint: URL, ins: String = ins, content: String = "full-resource", heartbeat: Int? = 60,
        extraFilter: String = ""
    ) -> String {
        let heartbeatExtension =
            heartbeat.map {
                #"{"url": "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-heartbeat-period", "valueUnsignedInt": \#($0)}"#
            } ?? ""
        return """
            {"resourceType": "Subscription", "status": "requested", "reason": "Nouveaux documents",
             "criteria": "\(MockSubscriptions.topics[0])",
             "_criteria": {"extension": [{"url": "\(filterURL)",
               "valueString": "DocumentReference?patient.identifier=urn:oid:1.2.250.1.213.1.4.10|\(ins)\(extraFilter)"}]},
             "channel": {"type": "rest-hook", "endpoint": "\(endpoint.absoluteString)",
               "payload": "application/fhir+json",
               "_payload": {"extension": [{"url": "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-payload-content", "valueCode": "\(content)"}]},
               "extension": [\(heartbeatExtension)],
               "header": ["Authorization: Bearer channel-token", "X-Santekit-Test: yes"]}}
            """
    }

    static func send(
        _ platform: MockPlatform, _ method: String, _ path: String, token: String?, json: String? = nil
    ) async throws -> HTTPResult {
        var headers = ["Accept": "application/fhir+json"]
        if let token {
            headers["Authorization"] = "Bearer \(token)"
        }
        if json != nil {
            headers["Content-Type"] = "application/fhir+json"
        }
        return try await TestHTTP.send(
            method, try platform.url(path), body: json.map { Data($0.utf8) }, headers: headers)
    }

    static func json(_ result: HTTPResult) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: result.body)
    }

    /// The value of a parameter of a status Parameters.
    static func parameter(_ parameters: JSONValue?, _ name: String) -> JSONValue? {
        parameters?["parameter"]?.arrayValue?.first { $0["name"]?.stringValue == name }
    }

    static func secret(_ subscription: JSONValue) -> String? {
        subscription["extension"]?.arrayValue?.first {
            $0["url"]?.stringValue == MockSubscriptions.signingSecretExtension
        }?["valueString"]?.stringValue
    }
}

@Suite struct SubscriptionTests {
    @Test(.timeLimit(.minutes(3)))
    func handshakeEventsHeartbeatStatusAndReplay() async throws {
        let clock = TestClock()
        try await withReceiver(MockPlatform.Configuration(clock: clock)) { platform, receiver in
            let token = try await platform.mintPatientToken(ins: SubscriptionTest.ins)
            let created = try await SubscriptionTest.send(
                platform, "POST", "/dmp/fhir/Subscription", token: token,
                json: SubscriptionTest.resource(endpoint: receiver.url))
            #expect(created.status == 201)
            let subscription = try SubscriptionTest.json(created)
            let id = try #require(subscription["id"]?.stringValue)
            #expect(subscription["status"] == "active")
            #expect(subscription["reason"] == "Nouveaux documents")
            #expect(
                created.header("Location") == platform.baseURL.absoluteString
                    + "/dmp/fhir/Subscription/\(id)/_history/1")
            let secret = try #require(SubscriptionTest.secret(subscription))
            #expect(secret.hasPrefix("whsec_"))

            let handshake = try #require(try await receiver.waitFor(1).first)
            #expect(handshake.headers["content-type"] == "application/fhir+json")
            #expect(handshake.headers["authorization"] == "Bearer channel-token")
            #expect(handshake.headers["x-santekit-test"] == "yes")
            #expect(handshake.hasValidSignature(secret: secret))
            let handshakeBundle = try handshake.json()
            #expect(handshakeBundle["type"] == "history")
            let handshakeStatus = handshakeBundle["entry"]?.arrayValue?.first?["resource"]
            #expect(SubscriptionTest.parameter(handshakeStatus, "type")?["valueCode"] == "handshake")

            // A document of another patient does not match; the next one does.
            await platform.events.publish(
                WebhookTest.documentEvent(id: "doc-other", ins: SubscriptionTest.otherINS, time: clock.now()))
            await platform.events.publish(WebhookTest.documentEvent(id: "doc-1", time: clock.now()))
            let notification = try await receiver.waitFor(2)[1]
            #expect(notification.hasValidSignature(secret: secret))
            #expect(notification.headers["authorization"] == "Bearer channel-token")
            let bundle = try notification.json()
            #expect(bundle["type"] == "history")
            let entries = try #require(bundle["entry"]?.arrayValue)
            #expect(entries.count == 2)
            let status = entries[0]["resource"]
            #expect(status?["resourceType"] == "Parameters")
            #expect(
                entries[0]["request"]?["url"]
                    == .string(platform.baseURL.absoluteString + "/dmp/fhir/Subscription/\(id)/$status"))
            #expect(SubscriptionTest.parameter(status, "type")?["valueCode"] == "event-notification")
            #expect(SubscriptionTest.parameter(status, "status")?["valueCode"] == "active")
            #expect(
                SubscriptionTest.parameter(status, "topic")?["valueCanonical"] == .string(MockSubscriptions.topics[0]))
            #expect(SubscriptionTest.parameter(status, "events-since-subscription-start")?["valueString"] == "1")
            let event = SubscriptionTest.parameter(status, "notification-event")?["part"]?.arrayValue ?? []
            #expect(event.first { $0["name"] == "event-number" }?["valueString"] == "1")
            #expect(
                event.first { $0["name"] == "focus" }?["valueReference"]?["reference"]
                    == .string(platform.baseURL.absoluteString + "/dmp/fhir/DocumentReference/doc-1"))
            #expect(entries[1]["resource"]?["id"] == "doc-1")

            // Heartbeat after 60 s of the mock clock.
            #expect(await clock.waitForSleepers(1))
            clock.advance(by: .seconds(60))
            let heartbeat = try await receiver.waitFor(3)[2]
            let heartbeatStatus = try heartbeat.json()["entry"]?.arrayValue?.first?["resource"]
            #expect(SubscriptionTest.parameter(heartbeatStatus, "type")?["valueCode"] == "heartbeat")
            #expect(heartbeat.hasValidSignature(secret: secret))

            await platform.events.publish(
                WebhookTest.documentEvent("dmp.document.updated", id: "doc-1", time: clock.now(), status: "superseded"))
            _ = try await receiver.waitFor(4)

            let statusResult = try await SubscriptionTest.send(
                platform, "GET", "/dmp/fhir/Subscription/\(id)/$status", token: token)
            #expect(statusResult.status == 200)
            let statusBundle = try SubscriptionTest.json(statusResult)
            #expect(statusBundle["type"] == "searchset")
            let queried = statusBundle["entry"]?.arrayValue?.first?["resource"]
            #expect(SubscriptionTest.parameter(queried, "type")?["valueCode"] == "query-status")
            #expect(SubscriptionTest.parameter(queried, "events-since-subscription-start")?["valueString"] == "2")

            let replay = try await SubscriptionTest.send(
                platform, "GET", "/dmp/fhir/Subscription/\(id)/$events?eventsSinceNumber=2&eventsUntilNumber=2",
                token: token)
            #expect(replay.status == 200)
            let replayed = try SubscriptionTest.json(replay)
            let replayEntries = try #require(replayed["entry"]?.arrayValue)
            let replayStatus = replayEntries.first?["resource"]
            #expect(SubscriptionTest.parameter(replayStatus, "type")?["valueCode"] == "query-event")
            let numbers = (replayStatus?["parameter"]?.arrayValue ?? []).filter { $0["name"] == "notification-event" }
            #expect(numbers.count == 1)
            #expect(replayEntries.count == 2)
            #expect(replayEntries.last?["resource"]?["status"] == "superseded")
            #expect(try await eventually { await platform.subscriptions.deliveries().count == 4 })
            #expect(
                await platform.subscriptions.deliveries().map(\.eventType) == [
                    "handshake", "event-notification", "heartbeat", "event-notification",
                ])
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func tokensAndOwnershipAreEnforced() async throws {
        try await withReceiver(MockPlatform.Configuration(clock: TestClock())) { platform, receiver in
            let body = SubscriptionTest.resource(endpoint: receiver.url, heartbeat: nil)
            let anonymous = try await SubscriptionTest.send(
                platform, "POST", "/dmp/fhir/Subscription", token: nil, json: body)
            #expect(anonymous.status == 401)
            #expect(anonymous.header("WWW-Authenticate") == "Bearer")
            #expect(try SubscriptionTest.json(anonymous)["issue"]?.arrayValue?.first?["code"] == "login")

            let other = try await platform.mintPatientToken(ins: SubscriptionTest.otherINS)
            let forbidden = try await SubscriptionTest.send(
                platform, "POST", "/dmp/fhir/Subscription", token: other, json: body)
            #expect(forbidden.status == 403)
            #expect(receiver.received.isEmpty)

            let owner = try await platform.mintPatientToken(ins: SubscriptionTest.ins)
            let created = try SubscriptionTest.json(
                try await SubscriptionTest.send(platform, "POST", "/dmp/fhir/Subscription", token: owner, json: body))
            let id = try #require(created["id"]?.stringValue)
            #expect(
                try await SubscriptionTest.send(platform, "GET", "/dmp/fhir/Subscription/\(id)", token: other).status
                    == 404)
            #expect(
                try await SubscriptionTest.send(platform, "GET", "/dmp/fhir/Subscription/\(id)", token: owner).status
                    == 200)
            #expect(
                try await SubscriptionTest.send(platform, "DELETE", "/dmp/fhir/Subscription/\(id)", token: owner).status
                    == 204)
            #expect(
                try await SubscriptionTest.send(platform, "GET", "/dmp/fhir/Subscription/\(id)", token: owner).status
                    == 404)

            let invalid = try await SubscriptionTest.send(
                platform, "POST", "/dmp/fhir/Subscription", token: owner,
                json: SubscriptionTest.resource(endpoint: receiver.url, extraFilter: "&colour=blue"))
            #expect(invalid.status == 400)
            #expect(
                try SubscriptionTest.json(invalid)["issue"]?.arrayValue?.first?["expression"]?.arrayValue?.first
                    == "Subscription.criteria")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func failedHandshakeIsErrorAndFailedEventsAreRetried() async throws {
        let clock = TestClock()
        try await withReceiver(MockPlatform.Configuration(clock: clock)) { platform, receiver in
            let token = try await platform.mintPatientToken(ins: SubscriptionTest.ins)
            receiver.script([(500, nil)])
            let failed = try SubscriptionTest.json(
                try await SubscriptionTest.send(
                    platform, "POST", "/dmp/fhir/Subscription", token: token,
                    json: SubscriptionTest.resource(endpoint: receiver.url, heartbeat: nil)))
            #expect(failed["status"] == "error")
            #expect(failed["error"]?.stringValue?.contains("500") == true)

            let created = try SubscriptionTest.json(
                try await SubscriptionTest.send(
                    platform, "POST", "/dmp/fhir/Subscription", token: token,
                    json: SubscriptionTest.resource(
                        endpoint: receiver.url, content: "id-only", heartbeat: nil,
                        extraFilter: "&type=http://loinc.org|11488-4")))
            #expect(created["status"] == "active")
            let secret = try #require(SubscriptionTest.secret(created))
            receiver.script([(503, nil)])
            await platform.events.publish(WebhookTest.documentEvent(id: "doc-1", time: clock.now()))
            _ = try await receiver.waitFor(3)
            #expect(try await eventually { await platform.subscriptions.deliveries().count == 3 })
            #expect(await clock.waitForSleepers(1))
            clock.advance(by: .seconds(5))
            let received = try await receiver.waitFor(4)
            #expect(received[2].headers["webhook-id"] == received[3].headers["webhook-id"])
            #expect(received[2].body == received[3].body)
            #expect(received[3].hasValidSignature(secret: secret))
            let bundle = try received[3].json()
            let entries = bundle["entry"]?.arrayValue ?? []
            #expect(entries.count == 2)
            #expect(entries.last?["resource"] == nil)
            #expect(
                entries.last?["fullUrl"]
                    == .string(platform.baseURL.absoluteString + "/dmp/fhir/DocumentReference/doc-1"))
            #expect(try await eventually { await platform.subscriptions.deliveries().count == 4 })
            #expect(
                await platform.subscriptions.deliveries().map(\.outcome) == [
                    "failed", "delivered", "retrying", "delivered",
                ])
        }
    }
}
