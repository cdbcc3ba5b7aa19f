import Foundation
import SanteCore
import SanteMockPlatform
import SanteTestSupport
import Testing

@Suite("sante webhook, run as a user runs it", .timeLimit(.minutes(3)))
struct WebhookCommandTests {
    @Test("verify accepts reference vector 1 with --now pinned: exit 0, the body byte for byte")
    func vectorOne() async throws {
        let outcome = try await NotifyTestRunner.run(
            WebhookVectors.verifyArguments(
                id: WebhookVectors.id, timestamp: WebhookVectors.timestamp, signature: WebhookVectors.signature1,
                extra: ["--now", WebhookVectors.timestamp]),
            input: WebhookVectors.body1)
        #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
        #expect(
            outcome.standardOutput
                == "verified \(WebhookVectors.id), signed at 2021-02-25T15:02:10Z\n{\"test\": 2432232314}\n")
    }

    @Test("verify --json accepts reference vector 2 and reads its event type")
    func vectorTwo() async throws {
        let outcome = try await NotifyTestRunner.run(
            WebhookVectors.verifyArguments(
                id: WebhookVectors.id, timestamp: WebhookVectors.timestamp, signature: WebhookVectors.signature2,
                extra: ["--now", "1614265400", "--json"]),
            input: WebhookVectors.body2)
        #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
        let result = try jsonObject(outcome.standardOutput)
        #expect(result["valid"] as? Bool == true)
        #expect(result["type"] as? String == "document.created")
        #expect(result["id"] as? String == WebhookVectors.id)
        let event = try #require(result["event"] as? [String: Any])
        #expect((event["data"] as? [String: Any])?["id"] as? String == "doc-123")
    }

    @Test("verify against the real clock refuses the old vector: exit 1, timestamp_too_old")
    func vectorTooOld() async throws {
        let outcome = try await NotifyTestRunner.run(
            WebhookVectors.verifyArguments(
                id: WebhookVectors.id, timestamp: WebhookVectors.timestamp, signature: WebhookVectors.signature1),
            input: WebhookVectors.body1)
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.isEmpty)
        let reason = try #require(errorLines(outcome.standardError).first)
        #expect(reason.hasPrefix("Error: the webhook is not valid: [timestamp_too_old]"))
    }

    @Test("verify refuses a tampered body (one trailing space: nothing is trimmed); --json says why")
    func tampered() async throws {
        var body = WebhookVectors.body1
        body.append(UInt8(ascii: " "))
        let outcome = try await NotifyTestRunner.run(
            WebhookVectors.verifyArguments(
                id: WebhookVectors.id, timestamp: WebhookVectors.timestamp, signature: WebhookVectors.signature1,
                extra: ["--now", WebhookVectors.timestamp, "--json"]),
            input: body)
        #expect(outcome.status == 1)
        let result = try jsonObject(outcome.standardOutput)
        #expect(result["valid"] as? Bool == false)
        #expect(result["reason"] as? String == "no_matching_signature")
        #expect(errorLines(outcome.standardError).first?.contains("[no_matching_signature]") == true)
        #expect(!outcome.standardError.contains(WebhookVectors.secret))
    }

    @Test(
        "sign then verify round trip on exact bytes (CRLF and a final newline kept); a bogus v1 and a v1a are ignored")
    func signThenVerify() async throws {
        let body = Data("{\"type\":\"document.added\",\r\n\"data\":{\"id\":\"d-1\"}}\n".utf8)
        let signed = try await NotifyTestRunner.run(
            ["webhook", "sign", "--secret", WebhookVectors.secret, "--json"], input: body)
        #expect(signed.status == 0, "stderr: \(signed.standardError)")
        #expect(!signed.standardOutput.contains(WebhookVectors.secret))
        let headers = try jsonObject(signed.standardOutput)
        let id = try #require(headers["webhook-id"] as? String)
        let timestamp = try #require(headers["webhook-timestamp"] as? String)
        let signature = try #require(headers["webhook-signature"] as? String)
        #expect(id.hasPrefix("msg_"))
        #expect(signature.hasPrefix("v1,"))
        #expect(abs((Double(timestamp) ?? 0) - Date().timeIntervalSince1970) < 120)

        let rotated = "v1,Ym9ndXMgc2lnbmF0dXJl v1a,c29tZXRoaW5nIGVsc2U= \(signature)"
        let verified = try await NotifyTestRunner.run(
            WebhookVectors.verifyArguments(id: id, timestamp: timestamp, signature: rotated, extra: ["--json"]),
            input: body)
        #expect(verified.status == 0, "stderr: \(verified.standardError)")
        #expect(try jsonObject(verified.standardOutput)["type"] as? String == "document.added")

        let trimmed = Data(body.dropLast())
        let refused = try await NotifyTestRunner.run(
            WebhookVectors.verifyArguments(id: id, timestamp: timestamp, signature: signature), input: trimmed)
        #expect(refused.status == 1)
        #expect(errorLines(refused.standardError).first?.contains("[no_matching_signature]") == true)

        let pinned = try await NotifyTestRunner.run(
            [
                "webhook", "sign", "--secret", WebhookVectors.secret, "--id", WebhookVectors.id, "--timestamp",
                WebhookVectors.timestamp,
            ],
            input: WebhookVectors.body1)
        #expect(
            pinned.standardOutput
                == "webhook-id: \(WebhookVectors.id)\nwebhook-timestamp: \(WebhookVectors.timestamp)\n"
                + "webhook-signature: \(WebhookVectors.signature1)\n")
    }

    @Test("A malformed secret is a usage error (64) that does not repeat the secret")
    func malformedSecret() async throws {
        let outcome = try await NotifyTestRunner.run(
            ["webhook", "sign", "--secret", "whsec_c2hvcnQ="], input: Data("x".utf8))
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("the webhook secret is malformed"))
        #expect(!outcome.standardError.contains("c2hvcnQ="))
    }

    @Test("listen answers 401 to a bad signature and 204 to a signed POST, prints it, and stops after --count")
    func listenToSignedPost() async throws {
        let listener = try StreamingCommand.start(
            "sante", ["webhook", "listen", "--secret", WebhookVectors.secret, "--count", "1", "--json"],
            environment: CommandRunner.cleanEnvironment)
        let (line, seen) = await listener.readErrorLines { $0.hasPrefix("Listening on ") }
        let url = try #require(
            line.flatMap { $0.split(separator: " ").dropFirst(2).first }.flatMap { URL(string: String($0)) },
            "stderr so far: \(seen)")
        let body = Data(#"{"type":"document.added","timestamp":"2026-01-01T00:00:00Z","data":{"id":"d-9"}}"#.utf8)
        let signed = try await NotifyTestRunner.run(
            ["webhook", "sign", "--secret", WebhookVectors.secret, "--json"], input: body)
        let headers = try jsonObject(signed.standardOutput).compactMapValues { $0 as? String }

        var tampered = body
        tampered.append(UInt8(ascii: "\n"))
        let refusedStatus = try await WebhookTestSender.post(url, headers: headers, body: tampered)
        let missingStatus = try await WebhookTestSender.post(url, headers: [:], body: body)
        let acceptedStatus = try await WebhookTestSender.post(url, headers: headers, body: body)
        let outcome = await listener.finish()

        #expect(refusedStatus == 401)
        #expect(missingStatus == 400)
        #expect(acceptedStatus == 204)
        #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n")
        #expect(lines.count == 1)
        let event = try jsonObject(String(lines.first ?? ""))
        #expect(event["id"] as? String == headers["webhook-id"])
        #expect(event["type"] as? String == "document.added")
        #expect(outcome.standardError.contains("rejected (401): [no_matching_signature]"))
    }

    @Test("listen stops cleanly on SIGINT")
    func listenStopsOnInterrupt() async throws {
        let listener = try StreamingCommand.start(
            "sante", ["webhook", "listen", "--secret", WebhookVectors.secret],
            environment: CommandRunner.cleanEnvironment)
        let (line, seen) = await listener.readErrorLines { $0.hasPrefix("Listening on ") }
        #expect(line != nil, "stderr so far: \(seen)")
        listener.process.interrupt()
        let outcome = await listener.finish()
        #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.contains("Stopped after 0 events."))
    }

    @Test("listen --register receives a delivery from the mock's webhook sender, then removes its endpoint")
    func listenToMockSender() async throws {
        let platform = try await MockPlatform.start()
        do {
            try await listenToMockSender(platform)
        } catch {
            await platform.stop()
            throw error
        }
        await platform.stop()
    }

    private func listenToMockSender(_ platform: MockPlatform) async throws {
        let listener = try StreamingCommand.start(
            "sante",
            [
                "webhook", "listen", "--mock-url", platform.baseURL.absoluteString, "--register", "--event-type",
                "document.added", "--count", "1",
            ],
            environment: CommandRunner.cleanEnvironment)
        let (line, seen) = await listener.readErrorLines { $0.hasPrefix("Listening on ") }
        #expect(line != nil, "stderr so far: \(seen)")
        let endpoints = await platform.webhooks.endpoints()
        #expect(endpoints.count == 1)
        let webhookID = await platform.webhooks.send(
            type: "document.added",
            data: [
                "id": "doc-42", "versionId": "1", "status": "current",
                "patient": ["system": "urn:oid:1.2.250.1.213.1.4.10", "value": "279035121518989"],
            ])
        let outcome = await listener.finish()
        let deliveries = await platform.webhooks.deliveries()
        let remaining = await platform.webhooks.endpoints()

        #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("verified \(webhookID ?? "?"), signed at ") == true)
        #expect(lines.first?.hasSuffix(": document.added") == true)
        #expect(lines.dropFirst().first?.contains("\"id\":\"doc-42\"") == true)
        #expect(deliveries.first?.statusCode == 204)
        #expect(deliveries.first?.webhookID == webhookID)
        #expect(remaining.isEmpty, "the endpoint is removed on exit")
        #expect(!outcome.standardError.contains(endpoints.first?.secret ?? "whsec_"))
    }
}
