import Foundation
import SanteMockPlatform
import Testing

@Suite("sante notify, run as a user runs it", .timeLimit(.minutes(3)))
struct NotifyCommandTests {
    static let apiKey = MockIdentities.default.notifyAPIKey
    static let keySecret = "998898f4-61f3-401b-9a5e-457dc1bcb0b7"
    static let smsTemplate = MockNotifyTemplates.appointmentConfirmationSMS

    @Test("sms against the in-process mock: template by name, --var values, status followed to delivered")
    func smsInProcess() async throws {
        let outcome = try await CommandRunner.run(
            "sante",
            [
                "notify", "sms", "--to", "06 12 34 56 78", "--template", "Confirmation de rendez-vous",
                "--var", "name=Dominique", "--var", "date=3 mars", "--var", "place=Lyon", "--reference", "rdv-1",
                "--wait", "--json",
            ])
        #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
        let sent = try jsonObject(outcome.standardOutput)
        #expect(sent["body"] as? String == "Bonjour Dominique, votre rendez-vous du 3 mars à Lyon est confirmé.")
        #expect(sent["reference"] as? String == "rdv-1")
        #expect(sent["templateID"] as? String == Self.smsTemplate)
        #expect(sent["templateVersion"] as? Int == 2)
        #expect(sent["statuses"] as? [String] == ["created", "sending", "delivered"])
        #expect((sent["id"] as? String)?.count == 36)
        #expect(!outcome.standardOutput.contains(Self.keySecret) && !outcome.standardError.contains(Self.keySecret))
    }

    @Test("sms to a failing test number: the statuses end in permanent-failure and the command exits 1")
    func smsPermanentFailure() async throws {
        let outcome = try await CommandRunner.run(
            "sante",
            [
                "notify", "sms", "--to", "0600000002", "--template", Self.smsTemplate, "--var", "name=A",
                "--var", "date=B", "--var", "place=C", "--wait",
            ])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.contains("status: created -> sending -> permanent-failure"))
        #expect(errorLines(outcome.standardError) == ["Error: the message was not delivered: permanent-failure"])
    }

    @Test("email through --base-url with the key from SANTE_NOTIFY_API_KEY reaches the server once")
    func emailWithBaseURL() async throws {
        let platform = try await MockPlatform.start()
        let outcome = try await CommandRunner.run(
            "sante",
            [
                "notify", "email", "--base-url", platform.baseURL.appending(path: "notify").absoluteString,
                "--to", "camille@example.fr", "--template", "document disponible", "--var", "name=Camille",
            ],
            environment: NotifyTestRunner.environment(adding: ["SANTE_NOTIFY_API_KEY": Self.apiKey]))
        let messages = await platform.notifications.messages()
        await platform.stop()
        #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
        #expect(outcome.standardOutput.contains("subject: Nouveau document pour Camille"))
        #expect(messages.count == 1)
        #expect(messages.first?.recipient == "camille@example.fr")
        #expect(messages.first?.kind == .email)
        #expect(messages.first?.templateID == MockNotifyTemplates.documentAvailableEmail)
        #expect(outcome.standardOutput.hasPrefix("Sent email \(messages.first?.id ?? "?")"))
    }

    @Test("status and list against a running mock: the message sent, its status, paging followed, filters")
    func statusAndList() async throws {
        let platform = try await MockPlatform.start(MockPlatform.Configuration(notifyPageSize: 2))
        do {
            try await statusAndList(mockURL: platform.baseURL.absoluteString)
        } catch {
            await platform.stop()
            throw error
        }
        await platform.stop()
    }

    private func statusAndList(mockURL: String) async throws {
        var ids: [String] = []
        for (index, number) in ["0612345678", "+33 7 12 34 56 78", "0033612345679"].enumerated() {
            let sent = try await CommandRunner.run(
                "sante",
                [
                    "notify", "sms", "--mock-url", mockURL, "--to", number, "--template", Self.smsTemplate,
                    "--var", "name=N\(index)", "--var", "date=D", "--var", "place=P", "--reference", "ref-\(index)",
                    "--json",
                ])
            #expect(sent.status == 0, "stderr: \(sent.standardError)")
            ids.append(try #require(try jsonObject(sent.standardOutput)["id"] as? String))
        }
        let email = try await CommandRunner.run(
            "sante",
            [
                "notify", "email", "--mock-url", mockURL, "--to", "a@example.fr", "--template", "Document disponible",
                "--var", "name=A",
            ])
        #expect(email.status == 0, "stderr: \(email.standardError)")

        let status = try await CommandRunner.run(
            "sante", ["notify", "status", ids[1], "--mock-url", mockURL, "--json"])
        #expect(status.status == 0, "stderr: \(status.standardError)")
        let notification = try jsonObject(status.standardOutput)
        #expect(notification["id"] as? String == ids[1])
        #expect(notification["reference"] as? String == "ref-1")
        #expect(notification["type"] as? String == "sms")
        #expect(["created", "sending", "delivered"].contains(notification["status"] as? String ?? ""))
        #expect(notification["body"] as? String == "Bonjour N1, votre rendez-vous du D à P est confirmé.")

        let readable = try await CommandRunner.run("sante", ["notify", "status", ids[0], "--mock-url", mockURL])
        #expect(readable.standardOutput.hasPrefix("\(ids[0])  sms  "))
        #expect(readable.standardOutput.contains("  reference: ref-0"))

        let all = try await CommandRunner.run("sante", ["notify", "list", "--mock-url", mockURL, "--json"])
        #expect(all.status == 0, "stderr: \(all.standardError)")
        let listed = try notifyJSONArray(all.standardOutput)
        #expect(listed.count == 4, "pages of 2 are followed")
        #expect(Array(listed.compactMap { $0["id"] as? String }.filter(ids.contains).reversed()) == ids)

        let smsOnly = try await CommandRunner.run(
            "sante", ["notify", "list", "--mock-url", mockURL, "--type", "sms", "--limit", "2", "--json"])
        let smsListed = try notifyJSONArray(smsOnly.standardOutput)
        #expect(smsListed.count == 2)
        #expect(smsListed.allSatisfy { $0["type"] as? String == "sms" })

        let byReference = try await CommandRunner.run(
            "sante", ["notify", "list", "--mock-url", mockURL, "--reference", "ref-2"])
        #expect(byReference.status == 0)
        let lines = byReference.standardOutput.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("\(ids[2])  sms  ") == true)

        let missing = try await CommandRunner.run(
            "sante", ["notify", "status", "00000000-0000-4000-8000-000000000000", "--mock-url", mockURL])
        #expect(missing.status == 1)
        #expect(errorLines(missing.standardError).first?.contains("[not_found] HTTP 404") == true)
    }

    @Test("Malformed --var and a malformed API key are usage errors (64); the key is never echoed")
    func usageErrors() async throws {
        let malformed = try await CommandRunner.run(
            "sante", ["notify", "sms", "--to", "0612345678", "--template", Self.smsTemplate, "--var", "name"])
        #expect(malformed.status == 64)
        #expect(malformed.standardError.contains("--var must be written name=value, got 'name'"))

        let emptyName = try await CommandRunner.run(
            "sante", ["notify", "sms", "--to", "0612345678", "--template", Self.smsTemplate, "--var", "=x"])
        #expect(emptyName.status == 64)

        let badKey = "my_key-not-a-uuid-secretsecretsecret"
        let key = try await CommandRunner.run(
            "sante", ["notify", "sms", "--to", "0612345678", "--template", Self.smsTemplate, "--api-key", badKey])
        #expect(key.status == 64)
        #expect(key.standardError.contains("the Notify API key is malformed"))
        #expect(!key.standardError.contains("secretsecret"))

        let noKey = try await CommandRunner.run(
            "sante",
            ["notify", "list", "--base-url", "http://127.0.0.1:9/notify"])
        #expect(noKey.status == 64)
        #expect(noKey.standardError.contains("an API key is needed"))
    }

    @Test("Server refusals exit 1 with one readable line: unknown key, invalid number, missing personalisation")
    func serverRefusals() async throws {
        let otherSecret = "0b9f3c1e-4a5d-4e8f-9a7b-6c5d4e3f2a1b"
        let unknownKey = "other_key-5c7bbe2f-daca-417f-83dc-1dabb7ad5dfa-\(otherSecret)"
        let refused = try await CommandRunner.run(
            "sante",
            [
                "notify", "sms", "--to", "0612345678", "--template", Self.smsTemplate, "--api-key", unknownKey,
                "--verbose",
            ])
        #expect(refused.status == 1)
        let reason = try #require(errorLines(refused.standardError).first)
        #expect(reason.contains("[authentication] HTTP 403 AuthError"))
        #expect(!refused.standardError.contains(otherSecret), "the key's secret is never logged")

        let number = try await CommandRunner.run(
            "sante",
            [
                "notify", "sms", "--to", "12", "--template", Self.smsTemplate, "--var", "name=A", "--var", "date=B",
                "--var", "place=C",
            ])
        #expect(number.status == 1)
        #expect(
            errorLines(number.standardError).first?.contains("[validation_failed] HTTP 400 ValidationError") == true)

        let personalisation = try await CommandRunner.run(
            "sante",
            ["notify", "sms", "--to", "0612345678", "--template", Self.smsTemplate, "--var", "name=A", "--json"])
        #expect(personalisation.status == 1)
        #expect(personalisation.standardOutput.isEmpty)
        #expect(errorLines(personalisation.standardError).first?.contains("Missing personalisation") == true)
    }
}
