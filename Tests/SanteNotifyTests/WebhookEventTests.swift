import Foundation
import HTTPTypes
import SanteCore
import SanteNotify
import Testing

@Suite("Webhook events and the receiver")
struct WebhookEventTests {
    static let documentAdded = #"""
        {"type":"document.added","timestamp":"2026-01-01T00:00:05Z","data":{"id":"doc-1","versionId":"2",
        "patient":{"system":"urn:oid:1.2.250.1.213.1.4.10","value":"279035121518989"},
        "masterIdentifier":{"system":"urn:ietf:rfc:3986","value":"urn:oid:1.2.3.4"},"status":"current",
        "type":{"system":"http://loinc.org","code":"11488-4"},"futureField":true}}
        """#
    static let statusChanged = #"""
        {"type":"notification.status-changed","timestamp":"2026-01-01T00:00:05Z","data":{
        "id":"740e5834-3a29-46b4-9a6f-16142fde533a","reference":"rdv-1","to":"+33600000001","status":"delivered",
        "created_at":"2026-01-01T00:00:00.000000Z","completed_at":"2026-01-01T00:00:05.000000Z",
        "sent_at":"2026-01-01T00:00:01.000000Z","notification_type":"sms",
        "template_id":"f33517ff-2a88-4f6e-b855-c550268ce08a","template_version":1}}
        """#

    @Test("document.added decodes into typed data, keeping unknown members")
    func documentAdded() throws {
        let event = try WebhookEvent(body: Data(Self.documentAdded.utf8))
        guard case .documentAdded(let data) = event else {
            Issue.record("expected document.added, got \(event)")
            return
        }
        #expect(event.type == "document.added")
        #expect(data.id == "doc-1")
        #expect(data.versionID == "2")
        #expect(data.patient?.value == "279035121518989")
        #expect(data.masterIdentifier?.value == "urn:oid:1.2.3.4")
        #expect(data.type?.code == "11488-4")
        #expect(data.additionalMembers["futureField"] == .bool(true))
    }

    @Test("notification.status-changed decodes the delivery receipt with lenient timestamps")
    func statusChanged() throws {
        let event = try WebhookEvent(body: Data(Self.statusChanged.utf8))
        guard case .notificationStatusChanged(let receipt) = event else {
            Issue.record("expected notification.status-changed, got \(event)")
            return
        }
        #expect(receipt.status == .delivered)
        #expect(receipt.notificationType == .sms)
        #expect(receipt.templateVersion == 1)
        #expect(receipt.completedAt?.date == Date(timeIntervalSince1970: 1_767_225_605))
    }

    @Test("Unknown types are kept raw; bodies that are not events are typed failures")
    func unknownAndInvalid() throws {
        let event = try WebhookEvent(body: Data(#"{"type":"patient.merged","data":{"a":1},"extra":"x"}"#.utf8))
        guard case .unknown(let raw) = event else {
            Issue.record("expected a raw event")
            return
        }
        #expect(raw.type == "patient.merged")
        #expect(raw.data["a"]?.integerValue == 1)
        #expect(raw.additionalMembers["extra"] == "x")
        #expect(reason { _ = try WebhookEvent(body: Data("[1,2]".utf8)) } == .invalidPayload)
        #expect(
            reason { _ = try WebhookEvent(body: Data(#"{"type":"document.added","data":{}}"#.utf8)) } == .invalidPayload
        )
    }

    @Test("The receiver verifies a signed callback and types it")
    func signedReceiver() async throws {
        let secret = WebhookSecret.generate()
        let clock = TestClock()
        let body = Data(Self.documentAdded.utf8)
        let headers = try WebhookSigner(secret: secret).headers(id: "msg_1", timestamp: clock.now(), body: body)
        let receiver = try WebhookReceiver(
            verifier: WebhookVerifier(secret: secret, clock: clock, replayStore: InMemoryWebhookReplayStore()))
        let received = try await receiver.receive(headers: headers, body: body)
        #expect(received.isSigned)
        #expect(received.id == "msg_1")
        #expect(received.event.type == "document.added")
        do {
            _ = try await receiver.receive(headers: headers, body: body)
            Issue.record("a replay was accepted")
        } catch {
            #expect(error.reason == .replayed)
        }
    }

    @Test("A Notify-style bearer callback: the bare receipt is typed; a wrong or missing token is refused")
    func bearerReceiver() async throws {
        let receipt = Data(
            #"{"id":"n-1","reference":null,"to":"a@b.fr","status":"permanent-failure","created_at":"2017-05-14T12:15:30.000000Z","completed_at":null,"sent_at":null,"notification_type":"email","template_id":"t","template_version":"3"}"#
                .utf8)
        let receiver = try WebhookReceiver(bearer: BearerCallbackAuthenticator(token: "s3cr3t-token-value"))
        var headers = HTTPFields()
        headers[.authorization] = "Bearer s3cr3t-token-value"
        let received = try await receiver.receive(headers: headers, body: receipt)
        #expect(!received.isSigned)
        guard case .notificationStatusChanged(let decoded) = received.event else {
            Issue.record("expected a delivery receipt")
            return
        }
        #expect(decoded.status == .permanentFailure)
        #expect(decoded.templateVersion == 3)
        #expect(decoded.createdAt?.date == Date(timeIntervalSince1970: 1_494_764_130))

        headers[.authorization] = "Bearer s3cr3t-token-valuf"
        do {
            _ = try await receiver.receive(headers: headers, body: receipt)
            Issue.record("a wrong token was accepted")
        } catch {
            #expect(error.reason == .invalidBearerToken)
        }
        do {
            _ = try await receiver.receive(headers: HTTPFields(), body: receipt)
            Issue.record("a missing token was accepted")
        } catch {
            #expect(error.reason == .missingHeader)
        }
        headers[.authorization] = "Bearer s3cr3t-token-value"
        let inbound = Data(
            #"{"id":"r-1","source_number":"447700900111","destination_number":"07700900000","message":"STOP","date_received":"2017-05-14T12:15:30.000000Z"}"#
                .utf8)
        let text = try await receiver.receive(headers: headers, body: inbound)
        guard case .unknown(let raw) = text.event else {
            Issue.record("expected a raw received-text callback")
            return
        }
        #expect(raw.type == WebhookReceiver.notifyReceivedTextType)
        #expect(raw.data["message"] == "STOP")
        #expect(throws: WebhookError.self) { _ = try WebhookReceiver() }
    }

    @Test("With a verifier and a bearer token, both are required")
    func bothRequired() async throws {
        let secret = WebhookSecret.generate()
        let clock = TestClock()
        let body = Data(Self.statusChanged.utf8)
        var headers = try WebhookSigner(secret: secret).headers(id: "msg_2", timestamp: clock.now(), body: body)
        let receiver = try WebhookReceiver(
            verifier: WebhookVerifier(secret: secret, clock: clock), bearer: BearerCallbackAuthenticator(token: "tok"))
        do {
            _ = try await receiver.receive(headers: headers, body: body)
            Issue.record("a callback without the bearer token was accepted")
        } catch {
            #expect(error.reason == .missingHeader)
        }
        headers[.authorization] = "Bearer tok"
        let received = try await receiver.receive(headers: headers, body: body)
        #expect(received.event.type == "notification.status-changed")
    }

    @Test("Notify timestamps: API form, one-digit hour, callback form, offsets")
    func timestamps() {
        let precise = NotifyTimestamp("2024-05-17 15:58:38.342838").date?.timeIntervalSince1970 ?? 0
        #expect(abs(precise - 1_715_961_518.342838) < 0.000_01)
        #expect(NotifyTimestamp("2024-05-17 9:00:00.000000").date == Date(timeIntervalSince1970: 1_715_936_400))
        #expect(NotifyTimestamp("2017-05-14T12:15:30.000000Z").date == Date(timeIntervalSince1970: 1_494_764_130))
        #expect(NotifyTimestamp("2017-05-14T14:15:30+02:00").date == Date(timeIntervalSince1970: 1_494_764_130))
        #expect(NotifyTimestamp("yesterday").date == nil)
        #expect(
            NotifyTimestamp(Date(timeIntervalSince1970: 1_494_764_130.25)).rawValue == "2017-05-14T12:15:30.250000Z")
    }
}
