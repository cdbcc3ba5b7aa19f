import Foundation
import SanteCore
import SanteMockPlatform
import Testing

/// Runs `body` with a platform on a manual TestClock and a receiver, stopping both afterwards.
func withReceiver(
    _ configuration: MockPlatform.Configuration, _ body: (MockPlatform, WebhookTestReceiver) async throws -> Void
) async throws {
    let receiver = try await WebhookTestReceiver.start()
    do {
        try await withPlatform(configuration) { platform in
            try await body(platform, receiver)
        }
    } catch {
        await receiver.stop()
        throw error
    }
    await receiver.stop()
}

enum WebhookTest {
    static let ins = "279035121518989"

    /// A `dmp.document.stored` / `dmp.document.updated` event as the DMP contract describes it.
    static func documentEvent(
        _ kind: String = "dmp.document.stored", id: String, ins: String = ins, time: Date, status: String = "current"
    ) -> MockEvent {
        let patient: JSONValue = ["system": "urn:oid:1.2.250.1.213.1.4.10", "value": .string(ins)]
        let resource: JSONValue = [
            "resourceType": "DocumentReference", "id": .string(id), "status": .string(status),
            "subject": ["identifier": patient],
            "type": [
                "coding": [
                    ["system": "http://loinc.org", "code": "11488-4", "display": "Compte rendu de consultation"]
                ]
            ],
            "category": [["coding": [["system": "urn:oid:1.2.250.1.213.1.1.4.1", "code": "10"]]]],
            "masterIdentifier": ["system": "urn:ietf:rfc:3986", "value": .string("urn:oid:1.2.3.\(id.count)")],
        ]
        return MockEvent(
            kind: kind,
            payload: [
                "id": .string(id), "versionId": "1", "patient": patient,
                "masterIdentifier": ["system": "urn:ietf:rfc:3986", "value": .string("urn:oid:1.2.3.\(id.count)")],
                "status": .string(status), "resource": resource,
            ],
            time: time)
    }
}

@Suite struct WebhookDeliveryTests {
    @Test(.timeLimit(.minutes(3)))
    func documentEventsAreSignedAndDelivered() async throws {
        let clock = TestClock()
        try await withReceiver(MockPlatform.Configuration(clock: clock)) { platform, receiver in
            let registered = try await TestHTTP.sendJSON(
                "POST", try platform.url("/_mock/webhooks/endpoints"),
                json:
                    #"{"url": "\#(receiver.url.absoluteString)", "eventTypes": ["document.added"], "bearerToken": null}"#
            )
            #expect(registered.status == 201)
            let endpoint = try registered.jsonObject()
            let secret = try #require(endpoint["secret"] as? String)
            #expect(secret.hasPrefix("whsec_"))
            #expect(Data(base64Encoded: String(secret.dropFirst(6)))?.count == 32)
            #expect((endpoint["id"] as? String)?.hasPrefix("ep_") == true)
            #expect(endpoint["disabled"] as? Bool == false)

            let all = try await platform.webhooks.register(url: receiver.url.appending(path: "all"))
            #expect(all.eventTypes == nil)

            await platform.events.publish(
                WebhookTest.documentEvent("dmp.document.updated", id: "doc-0", time: clock.now()))
            await platform.events.publish(WebhookTest.documentEvent(id: "doc-1", time: clock.now()))
            let received = try await receiver.waitFor(3)
            let everything = received.filter { $0.path == "/hook/all" }
            #expect(try everything.map { try $0.json()["type"] } == ["document.updated", "document.added"])
            #expect(try everything.map { try $0.json()["data"]?["id"] } == ["doc-0", "doc-1"])
            #expect(
                everything.allSatisfy {
                    $0.hasValidSignature(secret: all.secret) && !$0.hasValidSignature(secret: secret)
                })
            let added = received.filter { $0.path == "/hook" }
            #expect(added.count == 1)
            let webhook = try #require(added.first)
            #expect(webhook.headers["content-type"] == "application/json")
            #expect(webhook.headers["user-agent"] == "sante-mock")
            #expect(webhook.headers["webhook-id"]?.hasPrefix("msg_") == true)
            #expect(webhook.headers["webhook-timestamp"] == String(Int(clock.now().timeIntervalSince1970)))
            #expect(webhook.headers["authorization"] == nil)
            #expect(webhook.hasValidSignature(secret: secret))
            #expect(!webhook.hasValidSignature(secret: "whsec_" + Data(repeating: 7, count: 32).base64EncodedString()))
            let json = try webhook.json()
            #expect(json["type"] == "document.added")
            #expect(json["timestamp"] == "2026-01-01T00:00:00Z")
            #expect(json["data"]?["id"] == "doc-1")
            #expect(json["data"]?["patient"]?["value"] == .string(WebhookTest.ins))
            #expect(json["data"]?["type"]?["code"] == "11488-4")
            #expect(json["data"]?["resource"] == nil)
            #expect(try await eventually { await platform.webhooks.deliveries().count == 3 })
            let deliveries = await platform.webhooks.deliveries()
            #expect(deliveries.allSatisfy { $0.outcome == "delivered" && $0.statusCode == 200 && $0.attempt == 1 })
            let endpointID = try #require(endpoint["id"] as? String)
            #expect(deliveries.filter { $0.endpointID == endpointID }.map(\.eventType) == ["document.added"])
            #expect(receiver.received.count == 3)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func failuresAreRetriedOnTheMockClockHonouringRetryAfter() async throws {
        let clock = TestClock()
        try await withReceiver(MockPlatform.Configuration(clock: clock)) { platform, receiver in
            let endpoint = try await platform.webhooks.register(url: receiver.url)
            receiver.script([(500, nil), (503, "60"), (200, nil)])
            let start = Int(clock.now().timeIntervalSince1970)
            await platform.events.publish(WebhookTest.documentEvent(id: "doc-1", time: clock.now()))

            _ = try await receiver.waitFor(1)
            #expect(try await eventually { await platform.webhooks.deliveries().count == 1 })
            #expect(await clock.waitForSleepers(1))
            clock.advance(by: .seconds(4))
            #expect(clock.sleeperCount == 1)
            clock.advance(by: .seconds(1))
            _ = try await receiver.waitFor(2)
            #expect(try await eventually { await platform.webhooks.deliveries().count == 2 })
            #expect(await clock.waitForSleepers(1))
            clock.advance(by: .seconds(59))
            #expect(clock.sleeperCount == 1)
            #expect(receiver.received.count == 2)
            clock.advance(by: .seconds(1))
            let received = try await receiver.waitFor(3)
            #expect(try await eventually { await platform.webhooks.deliveries().count == 3 })

            #expect(Set(received.compactMap { $0.headers["webhook-id"] }).count == 1)
            #expect(
                received.map { $0.headers["webhook-timestamp"] } == [start, start + 5, start + 65].map { String($0) })
            #expect(received.allSatisfy { $0.hasValidSignature(secret: endpoint.secret) })
            #expect(Set(received.map(\.body)).count == 1)
            let log = await platform.webhooks.deliveries()
            #expect(log.map(\.attempt) == [1, 2, 3])
            #expect(log.map(\.statusCode) == [500, 503, 200])
            #expect(log.map(\.outcome) == ["retrying", "retrying", "delivered"])
            #expect(
                MockWebhooks.retrySchedule == [.seconds(5), .seconds(30), .seconds(120), .seconds(600), .seconds(1800)])
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func goneDisablesTheEndpoint() async throws {
        let clock = TestClock()
        try await withReceiver(MockPlatform.Configuration(clock: clock)) { platform, receiver in
            let gone = try await platform.webhooks.register(url: receiver.url.appending(path: "gone"))
            receiver.script([(410, nil)])
            await platform.events.publish(WebhookTest.documentEvent(id: "doc-1", time: clock.now()))
            _ = try await receiver.waitFor(1)
            #expect(try await eventually { await platform.webhooks.endpoints().first?.disabled == true })
            #expect(await platform.webhooks.deliveries().map(\.outcome) == ["gone"])
            #expect(clock.sleeperCount == 0)

            let sentinel = try await platform.webhooks.register(url: receiver.url.appending(path: "sentinel"))
            await platform.events.publish(WebhookTest.documentEvent(id: "doc-2", time: clock.now()))
            let received = try await receiver.waitFor(2)
            #expect(received.map(\.path) == ["/hook/gone", "/hook/sentinel"])
            #expect(received[1].hasValidSignature(secret: sentinel.secret))
            #expect(!received[1].hasValidSignature(secret: gone.secret))

            #expect(try await eventually { await platform.webhooks.deliveries().count == 2 })
            let listed = try await TestHTTP.send(try platform.url("/_mock/webhooks/endpoints"))
            let endpoints = try #require(try JSONSerialization.jsonObject(with: listed.body) as? [[String: Any]])
            #expect(endpoints.compactMap { $0["disabled"] as? Bool } == [true, false])
            let deliveries = try await TestHTTP.send(try platform.url("/_mock/webhooks/deliveries"))
            let log = try #require(try JSONSerialization.jsonObject(with: deliveries.body) as? [[String: Any]])
            #expect(log.count == 2)
            #expect(log.first?["statusCode"] as? Int == 410)
            #expect(log.first?["endpoint"] as? String == gone.id)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func notifyStatusChangesAreCalledBackWithTheBearerToken() async throws {
        let clock = TestClock()
        try await withReceiver(MockPlatform.Configuration(clock: clock)) { platform, receiver in
            let endpoint = try await platform.webhooks.register(
                url: receiver.url, eventTypes: ["notification.status-changed"], bearerToken: "notify-callback-token")
            let sent = try await NotifyTest.sendSMS(platform, to: "0600000002", reference: "rdv-7")
            let id = try #require(try NotifyTest.object(sent)["id"] as? String)
            #expect(await clock.waitForSleepers(2))
            clock.advance(by: .seconds(1))
            let first = try await receiver.waitFor(1)
            clock.advance(by: .seconds(4))
            let both = try await receiver.waitFor(2)
            #expect(first.count == 1)
            for webhook in both {
                #expect(webhook.headers["authorization"] == "Bearer notify-callback-token")
                #expect(webhook.hasValidSignature(secret: endpoint.secret))
            }
            let statuses = try both.map { try $0.json() }
            #expect(statuses.map { $0["type"] } == ["notification.status-changed", "notification.status-changed"])
            #expect(statuses.map { $0["data"]?["status"] } == ["sending", "permanent-failure"])
            let receipt = try #require(statuses.last?["data"])
            #expect(receipt["id"] == .string(id))
            #expect(receipt["reference"] == "rdv-7")
            #expect(receipt["to"] == "0600000002")
            #expect(receipt["notification_type"] == "sms")
            #expect(receipt["template_id"] == .string(NotifyTest.sms))
            #expect(receipt["template_version"] == 2)
            #expect(receipt["created_at"] == "2026-01-01T00:00:00.000000Z")
            #expect(receipt["sent_at"] == "2026-01-01T00:00:01.000000Z")
            #expect(receipt["completed_at"] == "2026-01-01T00:00:05.000000Z")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func registrationIsValidatedAndEndpointsCanBeRemoved() async throws {
        try await withPlatform(MockPlatform.Configuration(clock: TestClock())) { platform in
            let badType = try await TestHTTP.sendJSON(
                "POST", try platform.url("/_mock/webhooks/endpoints"),
                json: #"{"url": "http://127.0.0.1:9/x", "eventTypes": ["document.created"]}"#)
            #expect(badType.status == 400)
            let badURL = try await TestHTTP.sendJSON(
                "POST", try platform.url("/_mock/webhooks/endpoints"), json: #"{"url": "ftp://example.fr/x"}"#)
            #expect(badURL.status == 400)
            await #expect(throws: ValidationError.self) {
                _ = try await platform.webhooks.register(url: try #require(URL(string: "mailto:a@b.fr")))
            }

            let endpoint = try await platform.webhooks.register(url: try #require(URL(string: "http://127.0.0.1:9/x")))
            #expect(await platform.webhooks.endpoints().map(\.id) == [endpoint.id])
            let deleted = try await TestHTTP.send(
                "DELETE", try platform.url("/_mock/webhooks/endpoints/\(endpoint.id)"))
            #expect(deleted.status == 204)
            #expect(await platform.webhooks.endpoints().isEmpty)
            #expect(
                try await TestHTTP.send("DELETE", try platform.url("/_mock/webhooks/endpoints/\(endpoint.id)")).status
                    == 404)
            #expect(await platform.webhooks.send(type: "document.added", data: ["id": "x"]) == nil)
        }
    }
}
