import Foundation
import HTTPTypes
import SanteCore
import SanteNotify
import Testing

@Suite("Standard Webhooks: signing and verification")
struct WebhookVerifierTests {
    static let secretText = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let messageID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    static let timestamp: Int64 = 1_614_265_330
    static let payload1 = #"{"test": 2432232314}"#
    static let expected1 = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    static let payload2 =
        #"{"type":"document.created","timestamp":"2021-02-25T15:02:10Z","data":{"resourceType":"DocumentReference","id":"doc-123"}}"#
    static let expected2 = "v1,kQmKWQ1FSUrywP4n81yNEDZxsSXIzim9rIoEQ3CIyvQ="

    static func headers(id: String = messageID, timestamp: Int64 = timestamp, signature: String) -> HTTPFields {
        var fields = HTTPFields()
        fields[.webhookID] = id
        fields[.webhookTimestamp] = String(timestamp)
        fields[.webhookSignature] = signature
        return fields
    }

    static func clock(at seconds: Int64 = timestamp) -> TestClock {
        TestClock(now: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    @Test("The secret parses to the reference key bytes")
    func secretBytes() throws {
        let secret = try WebhookSecret(Self.secretText)
        let hex = secret.bytes.map { String(format: "%02x", $0) }.joined()
        #expect(hex == "31f290f6bf06298aab4f08d43c3f082cf648a362da2da4b0")
        #expect(secret.bytes.count == 24)
        #expect(!secret.description.contains("MfKQ"))
        #expect(secret.encoded == Self.secretText)
    }

    @Test("Reference vectors 1 and 2 sign to the expected signatures")
    func vectorsSign() throws {
        let signer = WebhookSigner(secret: try WebhookSecret(Self.secretText))
        #expect(
            try signer.signature(id: Self.messageID, timestamp: Self.timestamp, body: Data(Self.payload1.utf8))
                == Self.expected1)
        #expect(
            try signer.signature(id: Self.messageID, timestamp: Self.timestamp, body: Data(Self.payload2.utf8))
                == Self.expected2)
    }

    @Test("Reference vectors 1 and 2 verify at their timestamp")
    func vectorsVerify() async throws {
        let verifier = WebhookVerifier(secret: try WebhookSecret(Self.secretText), clock: Self.clock())
        let first = try await verifier.verify(
            headers: Self.headers(signature: Self.expected1), body: Data(Self.payload1.utf8))
        #expect(first.id == Self.messageID)
        #expect(first.timestamp == Date(timeIntervalSince1970: 1_614_265_330))
        let second = try await verifier.verify(
            headers: Self.headers(signature: Self.expected2), body: Data(Self.payload2.utf8))
        #expect(second.body == Data(Self.payload2.utf8))
        let event = try second.event()
        guard case .unknown(let raw) = event else {
            Issue.record("document.created is not a known type: expected a raw event, got \(event)")
            return
        }
        #expect(raw.type == "document.created")
        #expect(raw.data["id"]?.stringValue == "doc-123")
    }

    @Test("Against the real clock the vector is refused as too old")
    func vectorAgainstRealClock() async throws {
        let verifier = WebhookVerifier(secret: try WebhookSecret(Self.secretText))
        let error = await #expect(throws: WebhookError.self) {
            try await verifier.verify(headers: Self.headers(signature: Self.expected1), body: Data(Self.payload1.utf8))
        }
        #expect(error?.reason == .timestampTooOld)
    }

    @Test("A bogus v1, an unknown v1a and the correct v1 (fresh timestamp, re-signed) are accepted")
    func severalSignatures() async throws {
        let secret = try WebhookSecret(Self.secretText)
        let now: Int64 = 1_767_225_600
        let body = Data(Self.payload1.utf8)
        let correct = try WebhookSigner(secret: secret).signature(id: Self.messageID, timestamp: now, body: body)
        let header = "v1,Ym9ndXNzaWduYXR1cmVib2d1c3NpZ25hdHVyZWJvZ3U= v1a,c29tZWVkMjU1MTlzaWduYXR1cmU= \(correct)"
        let verifier = WebhookVerifier(secret: secret, clock: Self.clock(at: now))
        let message = try await verifier.verify(headers: Self.headers(timestamp: now, signature: header), body: body)
        #expect(message.id == Self.messageID)
        #expect(message.secretIndex == 0)
    }

    @Test("A tampered body has no matching signature")
    func tamperedBody() async throws {
        let verifier = WebhookVerifier(secret: try WebhookSecret(Self.secretText), clock: Self.clock())
        let error = await #expect(throws: WebhookError.self) {
            try await verifier.verify(
                headers: Self.headers(signature: Self.expected1), body: Data(#"{"test": 2432232315}"#.utf8))
        }
        #expect(error?.reason == .noMatchingSignature)
    }

    @Test("Timestamps beyond the tolerance are refused both ways; the edge is accepted")
    func toleranceWindow() async throws {
        let secret = try WebhookSecret(Self.secretText)
        let body = Data(Self.payload1.utf8)
        let headers = Self.headers(signature: Self.expected1)
        let late = WebhookVerifier(secret: secret, clock: Self.clock(at: Self.timestamp + 301))
        let early = WebhookVerifier(secret: secret, clock: Self.clock(at: Self.timestamp - 301))
        let edge = WebhookVerifier(secret: secret, clock: Self.clock(at: Self.timestamp + 300))
        #expect((try? late.verifySignature(headers: headers, body: body)) == nil)
        do {
            _ = try late.verifySignature(headers: headers, body: body)
        } catch {
            #expect(error.reason == .timestampTooOld)
        }
        do {
            _ = try early.verifySignature(headers: headers, body: body)
            Issue.record("a timestamp 301 s in the future was accepted")
        } catch {
            #expect(error.reason == .timestampTooNew)
        }
        #expect(try edge.verifySignature(headers: headers, body: body).id == Self.messageID)
        let narrow = WebhookVerifier(
            secret: secret, tolerance: .seconds(10), clock: Self.clock(at: Self.timestamp + 11))
        #expect(throws: WebhookError.self) { try narrow.verifySignature(headers: headers, body: body) }
    }

    @Test("A rotated secret: the old one still verifies, and its index is reported")
    func rotatedSecret() async throws {
        let old = try WebhookSecret(Self.secretText)
        let new = WebhookSecret.generate()
        #expect(new.bytes.count == 32)
        let verifier = WebhookVerifier(secrets: [new, old], clock: Self.clock())
        let message = try await verifier.verify(
            headers: Self.headers(signature: Self.expected1), body: Data(Self.payload1.utf8))
        #expect(message.secretIndex == 1)
        let onlyNew = WebhookVerifier(secrets: [new], clock: Self.clock())
        #expect(throws: WebhookError.self) {
            try onlyNew.verifySignature(
                headers: Self.headers(signature: Self.expected1), body: Data(Self.payload1.utf8))
        }
    }

    @Test("A replayed id is refused, and forgotten once the tolerance window has passed")
    func replay() async throws {
        let clock = Self.clock()
        let store = InMemoryWebhookReplayStore()
        let verifier = WebhookVerifier(secret: try WebhookSecret(Self.secretText), clock: clock, replayStore: store)
        let headers = Self.headers(signature: Self.expected1)
        let body = Data(Self.payload1.utf8)
        _ = try await verifier.verify(headers: headers, body: body)
        let error = await #expect(throws: WebhookError.self) { try await verifier.verify(headers: headers, body: body) }
        #expect(error?.reason == .replayed)
        #expect(await store.count(at: clock.now()) == 1)
        clock.advance(by: .seconds(301))
        #expect(await store.count(at: clock.now()) == 0)
        await store.remove(Self.messageID)
        // Removing lets a redelivery through (within the window).
        let fresh = Self.clock()
        let second = WebhookVerifier(secret: try WebhookSecret(Self.secretText), clock: fresh, replayStore: store)
        _ = try await second.verify(headers: headers, body: body)
        await store.remove(Self.messageID)
        _ = try await second.verify(headers: headers, body: body)
    }

    @Test("svix- headers are accepted; missing and malformed headers are typed")
    func headerForms() async throws {
        let verifier = WebhookVerifier(secret: try WebhookSecret(Self.secretText), clock: Self.clock())
        let body = Data(Self.payload1.utf8)
        let svix: [String: String] = [
            "svix-id": Self.messageID, "svix-timestamp": String(Self.timestamp), "svix-signature": Self.expected1,
        ]
        #expect(try await verifier.verify(headers: svix, body: body).id == Self.messageID)

        var missing = Self.headers(signature: Self.expected1)
        missing[.webhookSignature] = nil
        #expect(reason { _ = try verifier.verifySignature(headers: missing, body: body) } == .missingHeader)

        var badTimestamp = Self.headers(signature: Self.expected1)
        badTimestamp[.webhookTimestamp] = "1614265330.5"
        #expect(reason { _ = try verifier.verifySignature(headers: badTimestamp, body: body) } == .malformedHeader)

        #expect(
            reason { _ = try verifier.verifySignature(headers: Self.headers(signature: "garbage"), body: body) }
                == .malformedHeader)
        #expect(
            reason { _ = try verifier.verifySignature(headers: Self.headers(signature: "v2,abc"), body: body) }
                == .noMatchingSignature)
    }

    @Test("Secrets: missing padding tolerated, bare base64 accepted, bad lengths and text refused")
    func secretParsing() throws {
        let bytes = Data((0..<25).map { UInt8($0) })
        let padded = bytes.base64EncodedString()
        #expect(padded.hasSuffix("=="))
        let unpadded = String(padded.dropLast(2))
        #expect(try WebhookSecret("whsec_" + unpadded).bytes == bytes)
        #expect(try WebhookSecret(unpadded).bytes == bytes)
        #expect(reason { _ = try WebhookSecret("whsec_" + Data(count: 16).base64EncodedString()) } == .invalidSecret)
        #expect(reason { _ = try WebhookSecret("whsec_" + Data(count: 65).base64EncodedString()) } == .invalidSecret)
        #expect(reason { _ = try WebhookSecret("whsec_not base64!") } == .invalidSecret)
    }

    @Test("The signer refuses ids containing a dot and writes the three headers")
    func signerHeaders() throws {
        let signer = WebhookSigner(secret: try WebhookSecret(Self.secretText))
        #expect(reason { _ = try signer.signature(id: "msg.1", timestamp: 1, body: Data()) } == .malformedHeader)
        let headers = try signer.headers(
            id: Self.messageID, timestamp: Date(timeIntervalSince1970: 1_614_265_330.9), body: Data(Self.payload1.utf8))
        #expect(headers[.webhookTimestamp] == "1614265330")
        #expect(headers[.webhookSignature] == Self.expected1)
    }
}

/// The reason of the `WebhookError` thrown by `body`, or `nil`.
func reason(_ body: () throws -> Void) -> WebhookError.Reason? {
    do {
        try body()
        return nil
    } catch let error as WebhookError {
        return error.reason
    } catch {
        return nil
    }
}
