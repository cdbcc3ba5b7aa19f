import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP
import SanteMockPlatform
import SanteNotify
import Testing

@Suite("FHIR subscriptions and document webhooks against the mock platform", .timeLimit(.minutes(3)))
struct SubscriptionEndToEndTests {
    static let ins = INS("279035121518989", system: .test)

    /// The payload the mock DMP announces when it stores a document.
    static func documentStored(id: String, ins: INS = ins) -> JSONValue {
        let patient: JSONValue = ["system": .string(ins.fhirSystem), "value": .string(ins.fhirValue)]
        return [
            "id": .string(id), "versionId": "1", "status": "current", "patient": patient,
            "masterIdentifier": ["system": "urn:ietf:rfc:3986", "value": .string("urn:oid:1.2.3.\(id.count)")],
            "resource": [
                "resourceType": "DocumentReference", "id": .string(id), "status": "current",
                "subject": ["identifier": patient],
                "type": ["coding": [["system": "http://loinc.org", "code": "11488-4"]]],
            ],
        ]
    }

    /// Waits, on the network, until the subscription is `active` (its handshake was answered).
    static func waitUntilActive(_ client: FHIRSubscriptionClient, id: String) async throws -> FHIRSubscription {
        for _ in 0..<500 {
            let subscription = try await client.read(id: id)
            if subscription.status != "requested" { return subscription }
            try await Task.sleep(for: .milliseconds(10))
        }
        return try await client.read(id: id)
    }

    @Test("Create a subscription, verify the handshake, receive a full-resource event, recover it with $events")
    func subscriptionLifecycle() async throws {
        let server = try await CallbackServer.start()
        do {
            try await withNotifyPlatform { platform, clock in
                let client = try await platform.subscriptionClient()
                let created = try await client.create(
                    try FHIRSubscriptionBuilder(endpoint: server.url("fhir"))
                        .patient(Self.ins)
                        .payload(.fullResource)
                        .header("Authorization: Bearer channel-secret")
                        .heartbeat(every: .seconds(60))
                        .build())
                let id = try #require(created.id)
                let secret = try #require(try created.signingSecret())
                #expect(created.filterCriteria.first?.contains("279035121518989") == true)
                let receiver = try WebhookReceiver(
                    verifier: WebhookVerifier(secret: secret, clock: clock, replayStore: InMemoryWebhookReplayStore()),
                    bearer: BearerCallbackAuthenticator(token: "channel-secret"))
                var tracker = SubscriptionEventTracker()

                let handshake = try #require(await server.callbacks.next(on: "/hooks/fhir"))
                #expect(handshake.headers[.contentType]?.hasPrefix("application/fhir+json") == true)
                _ = try await receiver.receive(headers: handshake.headers, body: handshake.body)
                let handshakeNotification = try SubscriptionNotification(data: handshake.body)
                #expect(handshakeNotification.type == .handshake)
                #expect(tracker.observe(handshakeNotification).isEmpty)
                #expect(try await Self.waitUntilActive(client, id: id).status == "active")

                await platform.events.publish(
                    kind: "dmp.document.stored", payload: Self.documentStored(id: "doc-e2e-1"))
                await platform.events.publish(
                    kind: "dmp.document.stored",
                    payload: Self.documentStored(id: "doc-other", ins: INS("290116912304559", system: .test)))
                let eventCallback = try #require(await server.callbacks.next(on: "/hooks/fhir"))
                let verified = try await receiver.receive(headers: eventCallback.headers, body: eventCallback.body)
                #expect(verified.isSigned)
                let notification = try SubscriptionNotification(data: verified.body)
                #expect(notification.type == .eventNotification)
                #expect(notification.events.map(\.eventNumber) == [1])
                #expect(notification.events.first?.focus?.reference?.hasSuffix("DocumentReference/doc-e2e-1") == true)
                #expect(notification.events.first?.resource?.id == "doc-e2e-1")
                #expect(tracker.observe(notification).isEmpty)

                clock.advance(by: .seconds(61))
                let heartbeatCallback = try #require(await server.callbacks.next(on: "/hooks/fhir"))
                _ = try await receiver.receive(headers: heartbeatCallback.headers, body: heartbeatCallback.body)
                let heartbeat = try SubscriptionNotification(data: heartbeatCallback.body)
                #expect(heartbeat.type == .heartbeat)
                #expect(heartbeat.status.eventsSinceSubscriptionStart == 1)
                #expect(tracker.observe(heartbeat).isEmpty)
                // A tracker that missed event 1 learns it from the heartbeat.
                var late = SubscriptionEventTracker()
                #expect(late.observe(heartbeat) == [1...1])

                let replay = try await client.events(subscriptionID: id, since: 1, until: 1)
                #expect(replay.type == .queryEvent)
                #expect(replay.events.map(\.eventNumber) == [1])
                #expect(replay.events.first?.resource?.id == "doc-e2e-1")
                let status = try await client.status(id: id)
                #expect(status.status == "active")
                #expect(status.eventsSinceSubscriptionStart == 1)

                var current = try await client.read(id: id)
                try current.setFilterCriteria(
                    current.filterCriteria + ["DocumentReference?type=http://loinc.org|11488-4"])
                let updated = try await client.update(current)
                #expect(updated.filterCriteria.count == 2)
                #expect(updated.signingSecretText == created.signingSecretText)

                try await client.delete(id: id)
                do {
                    _ = try await client.read(id: id)
                    Issue.record("a deleted subscription was read")
                } catch let error as SubscriptionError {
                    #expect(error.reason == .notFound)
                }
            }
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    @Test("A subscription without a token is refused with a typed error")
    func unauthenticated() async throws {
        try await withNotifyPlatform { platform, _ in
            let http = SanteHTTPClient(
                baseURL: platform.baseURL.appending(path: "dmp/fhir"), transport: URLSessionTransport())
            let client = FHIRSubscriptionClient(http: http)
            let endpoint = URL(string: "http://127.0.0.1:9/hooks/x") ?? platform.baseURL
            do {
                _ = try await client.create(try FHIRSubscriptionBuilder(endpoint: endpoint).patient(Self.ins).build())
                Issue.record("an anonymous subscription was created")
            } catch let error as SubscriptionError {
                #expect(error.reason == .unauthorized)
            }
        }
    }

    @Test("A document.added webhook reaches the receiver, signed, with typed data")
    func documentWebhook() async throws {
        let server = try await CallbackServer.start()
        do {
            try await withNotifyPlatform { platform, clock in
                let endpoint = try await platform.webhooks.register(
                    url: server.url("documents"), eventTypes: ["document.added"])
                let receiver = try WebhookReceiver(
                    verifier: WebhookVerifier(secret: try WebhookSecret(endpoint.secret), clock: clock))
                await platform.events.publish(
                    kind: "dmp.document.stored", payload: Self.documentStored(id: "doc-hook-1"))
                let callback = try #require(await server.callbacks.next(on: "/hooks/documents"))
                let received = try await receiver.receive(headers: callback.headers, body: callback.body)
                guard case .documentAdded(let data) = received.event else {
                    Issue.record("expected document.added, got \(received.event.type)")
                    return
                }
                #expect(data.id == "doc-hook-1")
                #expect(data.patient?.value == "279035121518989")
                #expect(data.additionalMembers["resource"] == nil)
            }
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}
