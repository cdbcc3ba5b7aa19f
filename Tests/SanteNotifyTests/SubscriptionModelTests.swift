import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP
import SanteNotify
import Testing

@Suite("FHIR subscriptions: model, builder, notifications")
struct SubscriptionModelTests {
    static let endpoint = URL(string: "https://app.example.fr/hooks/dmp") ?? URL(fileURLWithPath: "/")

    @Test("The description and the dump of a subscription carry no patient, endpoint or header")
    func redactedDescription() throws {
        var subscription = try FHIRSubscriptionBuilder(endpoint: Self.endpoint)
            .patient(INS("279035121518989", system: .test))
            .header("Authorization: Bearer abc")
            .build()
        subscription.id = "sub-1"
        #expect(subscription.description == "FHIRSubscription(id: sub-1, status: requested, channel: rest-hook)")
        var dumped = ""
        dump(subscription, to: &dumped)
        for secret in ["279035121518989", "Bearer abc", "app.example.fr"] {
            #expect(!"\(subscription)".contains(secret))
            #expect(!dumped.contains(secret))
        }
    }

    @Test("The builder writes the backport shape: topic, filters, payload content, heartbeat, headers")
    func builder() throws {
        let ins = INS("279035121518989", system: .test)
        let subscription = try FHIRSubscriptionBuilder(endpoint: Self.endpoint)
            .patient(ins)
            .filter(parameter: "type", value: "http://loinc.org|11488-4")
            .payload(.fullResource)
            .header("Authorization: Bearer abc")
            .heartbeat(every: .seconds(120))
            .reason("DMP watch")
            .build()
        let json = try JSONDecoder().decode(JSONValue.self, from: FHIRJSON.encode(subscription))
        #expect(json["resourceType"] == "Subscription")
        #expect(json["status"] == "requested")
        #expect(json["criteria"]?.stringValue == SubscriptionURLs.documentReferencePatientDependentTopic)
        let filters = json["_criteria"]?["extension"]?.arrayValue?.compactMap { $0["valueString"]?.stringValue }
        #expect(
            filters == [
                "DocumentReference?patient.identifier=urn:oid:1.2.250.1.213.1.4.10|279035121518989",
                "DocumentReference?type=http://loinc.org|11488-4",
            ])
        #expect(json["channel"]?["type"] == "rest-hook")
        #expect(json["channel"]?["endpoint"]?.stringValue == Self.endpoint.absoluteString)
        #expect(json["channel"]?["payload"] == "application/fhir+json")
        #expect(json["channel"]?["_payload"]?["extension"]?.arrayValue?.first?["valueCode"] == "full-resource")
        #expect(json["channel"]?["header"] == ["Authorization: Bearer abc"])
        #expect(json["channel"]?["extension"]?.arrayValue?.first?["valueUnsignedInt"] == 120)
        #expect(subscription.filterCriteria.count == 2)
        #expect(subscription.channel.payloadContent == .fullResource)
        #expect(subscription.channel.heartbeatPeriod == .seconds(120))
    }

    @Test("The builder refuses a PatientDependent subscription without a patient, and bad input")
    func builderErrors() {
        #expect(throws: SubscriptionError.self) { _ = try FHIRSubscriptionBuilder(endpoint: Self.endpoint).build() }
        let relative = URL(string: "/hooks") ?? Self.endpoint
        #expect(throws: SubscriptionError.self) {
            _ = try FHIRSubscriptionBuilder(endpoint: relative).patientIdentifier(system: "s", value: "v").build()
        }
        #expect(throws: SubscriptionError.self) {
            _ = try FHIRSubscriptionBuilder(endpoint: Self.endpoint).patientIdentifier(system: "s", value: "v")
                .header("no colon").build()
        }
        let multi = try? FHIRSubscriptionBuilder(
            topic: SubscriptionURLs.documentReferenceMultiPatientTopic, endpoint: Self.endpoint
        ).build()
        #expect(multi != nil)
    }

    @Test("A stored subscription round-trips losslessly and exposes its signing secret")
    func lossless() throws {
        let json = #"""
            {"resourceType":"Subscription","id":"sub-1","status":"active","criteria":"https://profiles.ihe.net/ITI/DSUBm/SubscriptionTopic/DSUBm-SubscriptionTopic-DocumentReference-PatientDependent",
             "_criteria":{"extension":[{"url":"http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-filter-criteria","valueString":"DocumentReference?patient=Patient/1"},{"url":"urn:other","valueBoolean":true}]},
             "extension":[{"url":"urn:santekit:fhir:extension:webhook-signing-secret","valueString":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}],
             "contact":[{"system":"email","value":"ops@example.fr"}],
             "channel":{"type":"rest-hook","endpoint":"https://a.b/c","payload":"application/fhir+json","_payload":{"extension":[{"url":"http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-payload-content","valueCode":"id-only"}]},"futureChannelField":1}}
            """#
        var subscription = try FHIRJSON.decode(FHIRSubscription.self, from: Data(json.utf8))
        #expect(subscription.filterCriteria == ["DocumentReference?patient=Patient/1"])
        #expect(subscription.channel.payloadContent == .idOnly)
        #expect(try subscription.signingSecret()?.bytes.count == 24)
        let original = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
        let written = try JSONDecoder().decode(JSONValue.self, from: FHIRJSON.encode(subscription))
        #expect(written == original)
        try subscription.setFilterCriteria(["DocumentReference?patient=Patient/2"])
        let changed = try JSONDecoder().decode(JSONValue.self, from: FHIRJSON.encode(subscription))
        #expect(changed["_criteria"]?["extension"]?.arrayValue?.count == 2)
        #expect(changed["_criteria"]?["extension"]?.arrayValue?.first?["url"] == "urn:other")
        #expect(subscription.filterCriteria == ["DocumentReference?patient=Patient/2"])
    }

    static func notificationJSON(
        type: String, since: Int, events: [(Int, String)], fullResource: Bool = false
    ) -> String {
        let eventParameters = events.map { number, id in
            #"{"name":"notification-event","part":[{"name":"event-number","valueString":"\#(number)"},{"name":"timestamp","valueInstant":"2026-01-01T00:00:00Z"},{"name":"focus","valueReference":{"reference":"http://x/dmp/fhir/DocumentReference/\#(id)"}}]}"#
        }
        let parameters =
            #"{"resourceType":"Parameters","parameter":[{"name":"subscription","valueReference":{"reference":"http://x/dmp/fhir/Subscription/sub-1"}},{"name":"topic","valueCanonical":"t"},{"name":"status","valueCode":"active"},{"name":"type","valueCode":"\#(type)"},{"name":"events-since-subscription-start","valueString":"\#(since)"}\#(eventParameters.isEmpty ? "" : ",")\#(eventParameters.joined(separator: ","))]}"#
        var entries = [
            #"{"fullUrl":"urn:uuid:1","resource":\#(parameters),"request":{"method":"GET","url":"x/$status"},"response":{"status":"200"}}"#
        ]
        for (_, id) in events {
            let resource =
                fullResource
                ? #","resource":{"resourceType":"DocumentReference","id":"\#(id)","status":"current"}"# : ""
            entries.append(
                #"{"fullUrl":"http://x/dmp/fhir/DocumentReference/\#(id)"\#(resource),"request":{"method":"POST","url":"DocumentReference"},"response":{"status":"201"}}"#
            )
        }
        return
            #"{"resourceType":"Bundle","type":"history","timestamp":"2026-01-01T00:00:00Z","entry":[\#(entries.joined(separator: ","))]}"#
    }

    @Test("Handshake and heartbeat notifications parse; a heartbeat announcing more events reveals a gap")
    func handshakeAndHeartbeat() throws {
        let handshake = try SubscriptionNotification(
            data: Data(Self.notificationJSON(type: "handshake", since: 0, events: []).utf8))
        #expect(handshake.type == .handshake)
        #expect(handshake.status.status == "active")
        #expect(handshake.status.subscription?.reference == "http://x/dmp/fhir/Subscription/sub-1")
        #expect(handshake.missedEventNumbers(after: 0).isEmpty)
        let heartbeat = try SubscriptionNotification(
            data: Data(Self.notificationJSON(type: "heartbeat", since: 3, events: []).utf8))
        #expect(heartbeat.type == .heartbeat)
        #expect(heartbeat.missedEventNumbers(after: 1) == [2...3])
    }

    @Test("Event notifications: focus, full resources, and gaps between event numbers")
    func eventNotification() throws {
        let notification = try SubscriptionNotification(
            data: Data(
                Self.notificationJSON(
                    type: "event-notification", since: 5, events: [(2, "d2"), (5, "d5")], fullResource: true
                ).utf8))
        #expect(notification.type == .eventNotification)
        #expect(notification.events.map(\.eventNumber) == [2, 5])
        #expect(notification.events.map { $0.resource?.id } == ["d2", "d5"])
        #expect(notification.events.first?.focus?.reference == "http://x/dmp/fhir/DocumentReference/d2")
        #expect(notification.resources.count == 2)
        #expect(notification.missedEventNumbers(after: 0) == [1...1, 3...4])
        var tracker = SubscriptionEventTracker()
        #expect(tracker.observe(notification) == [1...1, 3...4])
        #expect(tracker.lastEventNumber == 5)
        let next = try SubscriptionNotification(
            data: Data(Self.notificationJSON(type: "event-notification", since: 6, events: [(6, "d6")]).utf8))
        #expect(tracker.observe(next).isEmpty)
        #expect(next.events.first?.resource == nil)
    }

    @Test("Bundles that are not backport notifications are typed failures")
    func invalidNotifications() {
        func reason(_ text: String) -> SubscriptionError.Reason? {
            do {
                _ = try SubscriptionNotification(data: Data(text.utf8))
                return nil
            } catch {
                return error.reason
            }
        }
        #expect(reason("{}") == .decoding)
        #expect(reason(#"{"resourceType":"Bundle","type":"history","entry":[]}"#) == .invalidNotification)
        #expect(
            reason(#"{"resourceType":"Bundle","type":"history","entry":[{"resource":{"resourceType":"Patient"}}]}"#)
                == .invalidNotification)
        #expect(
            reason(
                #"{"resourceType":"Bundle","type":"history","entry":[{"resource":{"resourceType":"Parameters","parameter":[{"name":"type","valueCode":"event-notification"},{"name":"notification-event","part":[{"name":"event-number","valueString":"x"}]}]}}]}"#
            ) == .invalidNotification)
    }

    @Test("The client creates, reads, updates, deletes, asks $status and $events")
    func client() async throws {
        let stored =
            #"{"resourceType":"Subscription","id":"sub-1","status":"requested","criteria":"t","channel":{"type":"rest-hook","endpoint":"https://a.b/c"},"extension":[{"url":"urn:santekit:fhir:extension:webhook-signing-secret","valueString":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}]}"#
        let stub = StubTransport()
        stub.expect(
            .post, "/dmp/fhir/Subscription",
            where: {
                $0.request.headerFields[.contentType] == "application/fhir+json"
                    && ($0.bodyText ?? "").contains("_criteria")
            },
            respond: .json(stored, status: 201))
        stub.expect(.get, "/dmp/fhir/Subscription/sub-1", respond: .json(stored))
        stub.expect(
            .put, "/dmp/fhir/Subscription/sub-1",
            respond: .json(stored.replacingOccurrences(of: "requested", with: "off")))
        stub.expect(
            .get, "/dmp/fhir/Subscription/sub-1/$status",
            respond: .json(
                #"{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Parameters","parameter":[{"name":"type","valueCode":"query-status"},{"name":"status","valueCode":"active"},{"name":"events-since-subscription-start","valueString":"7"}]}}]}"#
            ))
        stub.expect(
            .get, "/dmp/fhir/Subscription/sub-1/$events", query: ["eventsSinceNumber": "2", "eventsUntilNumber": "3"],
            respond: .json(Self.notificationJSON(type: "query-event", since: 7, events: [(2, "a"), (3, "b")])))
        stub.expect(.delete, "/dmp/fhir/Subscription/sub-1", respond: .status(204))
        stub.expect(
            .get, "/dmp/fhir/Subscription/missing",
            respond: .json(
                #"{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-found","diagnostics":"no such subscription"}]}"#,
                status: 404))
        let http = SanteHTTPClient(
            baseURL: URL(string: "https://dmp.example.fr/dmp/fhir") ?? Self.endpoint, transport: stub)
        let client = FHIRSubscriptionClient(http: http)
        let created = try await client.create(
            try FHIRSubscriptionBuilder(endpoint: Self.endpoint).patientIdentifier(system: "s", value: "v").build())
        #expect(created.id == "sub-1")
        #expect(created.signingSecretText == "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        var read = try await client.read(id: "sub-1")
        read.status = "off"
        #expect(try await client.update(read).status == "off")
        let status = try await client.status(id: "sub-1")
        #expect(status.type == .queryStatus)
        #expect(status.eventsSinceSubscriptionStart == 7)
        let replay = try await client.events(subscriptionID: "sub-1", since: 2, until: 3)
        #expect(replay.type == .queryEvent)
        #expect(replay.events.map(\.eventNumber) == [2, 3])
        try await client.delete(id: "sub-1")
        do {
            _ = try await client.read(id: "missing")
            Issue.record("no error")
        } catch {
            #expect(error.reason == .notFound)
            #expect(error.operationOutcome?.issue.first?.diagnostics == "no such subscription")
        }
        try stub.verifyAllExpectationsConsumed()
    }
}
