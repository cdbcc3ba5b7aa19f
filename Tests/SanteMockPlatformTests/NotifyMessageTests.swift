import Foundation
import HTTPTypes
import SanteCore
import SanteMockPlatform
import Testing

@Suite struct NotifyMessageTests {
    @Test(.timeLimit(.minutes(3)))
    func sendThenGetAtBothMounts() async throws {
        let clock = TestClock()
        try await withPlatform(MockPlatform.Configuration(clock: clock)) { platform in
            let sent = try await NotifyTest.sendSMS(
                platform, to: "+33 6 12 34 56 78", reference: "rdv-42", prefix: "/notify")
            #expect(sent.status == 201)
            let created = try NotifyTest.object(sent)
            let id = try #require(created["id"] as? String)
            #expect(UUID(uuidString: id) != nil)
            #expect(created["reference"] as? String == "rdv-42")
            let content = try #require(created["content"] as? [String: Any])
            #expect(
                content["body"] as? String == "Bonjour Dominique, votre rendez-vous du 12 mars à Lyon est confirmé.")
            #expect(created["uri"] as? String == platform.baseURL.absoluteString + "/notify/v2/notifications/\(id)")
            let template = try #require(created["template"] as? [String: Any])
            #expect(template["id"] as? String == NotifyTest.sms)
            #expect(template["version"] as? Int == 2)

            let fetched = try await NotifyTest.send(platform, "GET", "/v2/notifications/\(id)")
            #expect(fetched.status == 200)
            let notification = try NotifyTest.object(fetched)
            #expect(notification["id"] as? String == id)
            #expect(notification["type"] as? String == "sms")
            #expect(notification["status"] as? String == "created")
            #expect(notification["phone_number"] as? String == "+33 6 12 34 56 78")
            #expect(notification["created_at"] as? String == "2026-01-01 00:00:00.000000")
            #expect(notification["sent_at"] is NSNull)

            let unknown = try await NotifyTest.send(platform, "GET", "/v2/notifications/\(UUID().uuidString)")
            #expect(unknown.status == 404)
            #expect(try NotifyTest.error(unknown).error == "NoResultFound")
            let invalid = try await NotifyTest.send(platform, "GET", "/v2/notifications/abc")
            #expect(invalid.status == 400)
            #expect(try NotifyTest.error(invalid).error == "ValidationError")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func statusesFollowTheMockClock() async throws {
        let clock = TestClock()
        try await withPlatform(MockPlatform.Configuration(clock: clock)) { platform in
            var ids: [String: String] = [:]
            for phone in ["0612345678", "0600000002", "0600000003", "0600000004"] {
                ids[phone] = try NotifyTest.object(try await NotifyTest.sendSMS(platform, to: phone))["id"] as? String
            }
            let email = """
                {"email_address": "temp-fail@simulator.notify", "template_id": "\(NotifyTest.email)",
                 "personalisation": {"name": "Dominique"}}
                """
            ids["email"] =
                try NotifyTest.object(
                    try await NotifyTest.send(platform, "POST", "/v2/notifications/email", json: email))["id"]
                as? String

            func status(_ key: String) async throws -> [String: Any] {
                let id = try #require(ids[key])
                return try NotifyTest.object(try await NotifyTest.send(platform, "GET", "/v2/notifications/\(id)"))
            }
            #expect(try await status("0612345678")["status"] as? String == "created")
            clock.advance(by: .seconds(1))
            let sending = try await status("0612345678")
            #expect(sending["status"] as? String == "sending")
            #expect(sending["sent_at"] as? String == "2026-01-01 00:00:01.000000")
            #expect(sending["completed_at"] is NSNull)
            clock.advance(by: .seconds(4))
            let delivered = try await status("0612345678")
            #expect(delivered["status"] as? String == "delivered")
            #expect(delivered["completed_at"] as? String == "2026-01-01 00:00:05.000000")
            #expect(try await status("0600000002")["status"] as? String == "permanent-failure")
            #expect(try await status("0600000003")["status"] as? String == "temporary-failure")
            #expect(try await status("0600000004")["status"] as? String == "technical-failure")
            #expect(try await status("email")["status"] as? String == "temporary-failure")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func listFiltersAndFollowsAbsoluteNextLinks() async throws {
        let clock = TestClock()
        try await withPlatform(MockPlatform.Configuration(clock: clock, notifyPageSize: 2)) { platform in
            var sent: [String] = []
            for index in 0..<5 {
                let result = try await NotifyTest.sendSMS(platform, to: "0612345678", reference: "ref-\(index)")
                sent.append(try #require(try NotifyTest.object(result)["id"] as? String))
                clock.advance(by: .milliseconds(10))
            }
            let email = """
                {"email_address": "dominique@example.fr", "template_id": "\(NotifyTest.email)",
                 "personalisation": {"name": "Dominique"}, "reference": "mail"}
                """
            #expect(try await NotifyTest.send(platform, "POST", "/v2/notifications/email", json: email).status == 201)

            var seen: [String] = []
            var next: String? = platform.baseURL.absoluteString + "/notify/v2/notifications?template_type=sms"
            var pages = 0
            while let link = next {
                #expect(link.hasPrefix(platform.baseURL.absoluteString + "/notify/v2/notifications?"))
                let path = String(link.dropFirst(platform.baseURL.absoluteString.count))
                let page = try NotifyTest.object(try await NotifyTest.send(platform, "GET", path))
                let items = try #require(page["notifications"] as? [[String: Any]])
                #expect(items.count <= 2)
                seen += items.compactMap { $0["id"] as? String }
                let links = try #require(page["links"] as? [String: Any])
                #expect(links["current"] as? String == link)
                next = links["next"] as? String
                if let next {
                    #expect(next.contains("template_type=sms"))
                    #expect(next.contains("older_than=\(seen.last ?? "")"))
                }
                pages += 1
            }
            #expect(pages == 3)
            #expect(seen == sent.reversed())

            let byReference = try NotifyTest.object(
                try await NotifyTest.send(platform, "GET", "/v2/notifications?reference=ref-3"))
            #expect((byReference["notifications"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [sent[3]])
            let emails = try NotifyTest.object(
                try await NotifyTest.send(platform, "GET", "/v2/notifications?template_type=email"))
            #expect((emails["notifications"] as? [[String: Any]])?.count == 1)
            #expect(
                (try await NotifyTest.send(platform, "GET", "/v2/notifications?template_type=fax")).status == 400)

            clock.advance(by: .seconds(5))
            let delivered = try NotifyTest.object(
                try await NotifyTest.send(platform, "GET", "/v2/notifications?status=delivered&status=sending"))
            #expect((delivered["notifications"] as? [[String: Any]])?.count == 2)
            let failed = try NotifyTest.object(
                try await NotifyTest.send(platform, "GET", "/v2/notifications?status=failed"))
            #expect((failed["notifications"] as? [[String: Any]])?.isEmpty == true)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func templatesVersionsAndPreview() async throws {
        try await withPlatform(MockPlatform.Configuration(clock: TestClock())) { platform in
            let list = try NotifyTest.object(try await NotifyTest.send(platform, "GET", "/v2/templates"))
            let templates = try #require(list["templates"] as? [[String: Any]])
            #expect(
                templates.compactMap { $0["id"] as? String } == [NotifyTest.sms, NotifyTest.email, NotifyTest.letter])
            let smsOnly = try NotifyTest.object(try await NotifyTest.send(platform, "GET", "/v2/templates?type=sms"))
            #expect((smsOnly["templates"] as? [[String: Any]])?.count == 1)

            let current = try NotifyTest.object(
                try await NotifyTest.send(platform, "GET", "/v2/template/\(NotifyTest.sms)"))
            #expect(current["version"] as? Int == 2)
            #expect(current["type"] as? String == "sms")
            let first = try NotifyTest.object(
                try await NotifyTest.send(platform, "GET", "/v2/template/\(NotifyTest.sms)/version/1"))
            #expect(first["body"] as? String == "Bonjour ((name)), votre rendez-vous du ((date)) est confirmé.")
            #expect(
                try await NotifyTest.send(platform, "GET", "/v2/template/\(NotifyTest.sms)/version/9").status == 404)

            let preview = try await NotifyTest.send(
                platform, "POST", "/v2/template/\(NotifyTest.email)/preview",
                json: #"{"personalisation": {"name": "Dominique"}}"#)
            #expect(preview.status == 200)
            let rendered = try NotifyTest.object(preview)
            #expect(rendered["subject"] as? String == "Nouveau document pour Dominique")
            #expect((rendered["body"] as? String)?.hasPrefix("Bonjour Dominique,") == true)
            let missing = try await NotifyTest.send(
                platform, "POST", "/v2/template/\(NotifyTest.sms)/preview", json: #"{"personalisation": {"name": "A"}}"#
            )
            #expect(missing.status == 400)
            #expect(try NotifyTest.error(missing).message == "Missing personalisation: date, place")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func receivedTextMessagesAreSeeded() async throws {
        try await withPlatform(MockPlatform.Configuration(clock: TestClock(), notifyPageSize: 1)) { platform in
            let first = try NotifyTest.object(try await NotifyTest.send(platform, "GET", "/v2/received-text-messages"))
            let items = try #require(first["received_text_messages"] as? [[String: Any]])
            #expect(items.count == 1)
            #expect(items.first?["content"] as? String == "Je confirme mon rendez-vous de demain.")
            #expect(items.first?["service_id"] as? String == NotifyTest.key.serviceID)
            let next = try #require((first["links"] as? [String: Any])?["next"] as? String)
            let path = String(next.dropFirst(platform.baseURL.absoluteString.count))
            let second = try NotifyTest.object(try await NotifyTest.send(platform, "GET", path))
            #expect((second["received_text_messages"] as? [[String: Any]])?.first?["content"] as? String == "STOP")
            #expect((second["links"] as? [String: Any])?["next"] == nil)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func postResetAfterTheHandlerIsRecordedOnce() async throws {
        let clock = TestClock()
        try await withPlatform(MockPlatform.Configuration(clock: clock)) { platform in
            await platform.faults.inject(
                MockFault(.connectionReset, phase: .afterHandler),
                on: MockRoute(method: .post, path: "/v2/notifications/sms"), count: 1)
            await #expect(throws: (any Error).self) {
                _ = try await NotifyTest.sendSMS(platform, to: "0612345678", reference: "once")
            }
            let messages = await platform.notifications.messages()
            #expect(messages.count == 1)
            #expect(messages.first?.reference == "once")
            let listed = try NotifyTest.object(
                try await NotifyTest.send(platform, "GET", "/v2/notifications?reference=once"))
            #expect((listed["notifications"] as? [[String: Any]])?.count == 1)
            let control = try await TestHTTP.send(try platform.url("/_mock/notify/messages"))
            let recorded = try #require(try JSONSerialization.jsonObject(with: control.body) as? [[String: Any]])
            #expect(recorded.count == 1)
            #expect(recorded.first?["reference"] as? String == "once")
            #expect(recorded.first?["status"] as? String == "created")
        }
    }
}
