import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP
import SanteMockPlatform
import SanteNotify
import Testing

@Suite("Notify client against the mock platform", .timeLimit(.minutes(3)))
struct NotifyEndToEndTests {
    static func sms(_ phone: String = "06 12 34 56 78", reference: String? = nil) -> NotifySMS {
        NotifySMS(
            phoneNumber: phone, templateID: MockNotifyTemplates.appointmentConfirmationSMS,
            personalisation: ["name": "Camille", "date": "3 mars", "place": "Lyon"], reference: reference)
    }

    @Test("Send, get, status over time, on both /notify/v2 and /v2")
    func sendAndGet() async throws {
        try await withNotifyPlatform { platform, clock in
            for prefix in ["notify", ""] {
                let notify = try platform.notifyClient(prefix: prefix, clock: clock)
                let sent = try await notify.sendSMS(Self.sms(reference: "rdv-\(prefix)"))
                #expect(sent.reference == "rdv-\(prefix)")
                #expect(sent.content?.body?.contains("Camille") == true)
                #expect(sent.template?.id == MockNotifyTemplates.appointmentConfirmationSMS)
                #expect(try await notify.notification(id: sent.id).status == .created)
                clock.advance(by: .seconds(1))
                #expect(try await notify.notification(id: sent.id).status == .sending)
                clock.advance(by: .seconds(5))
                let delivered = try await notify.notification(id: sent.id)
                #expect(delivered.status == .delivered)
                #expect(delivered.completedAt?.date != nil)
                #expect(delivered.createdAt?.date != nil)
            }
            let email = try await platform.notifyClient(clock: clock).sendEmail(
                NotifyEmail(
                    emailAddress: "perm-fail@simulator.notify", templateID: MockNotifyTemplates.documentAvailableEmail,
                    personalisation: ["name": "Camille"]))
            clock.advance(by: .seconds(6))
            #expect(
                try await platform.notifyClient(clock: clock).notification(id: email.id).status == .permanentFailure)
            #expect(await platform.notifications.messages().count == 3)
        }
    }

    @Test("Errors from the mock: validation, missing personalisation, unknown id")
    func errors() async throws {
        try await withNotifyPlatform { platform, clock in
            let notify = try platform.notifyClient(clock: clock)
            do {
                _ = try await notify.sendSMS(Self.sms("12345"))
                Issue.record("an invalid number was accepted")
            } catch let error as NotifyError {
                #expect(error.reason == .validationFailed)
                #expect(error.serverErrorClasses == ["ValidationError"])
            }
            do {
                _ = try await notify.sendSMS(
                    NotifySMS(
                        phoneNumber: "0612345678", templateID: MockNotifyTemplates.appointmentConfirmationSMS,
                        personalisation: ["name": "Camille", "place": "Lyon"]))
                Issue.record("a missing personalisation was accepted")
            } catch let error as NotifyError {
                #expect(error.reason == .badRequest)
            }
            do {
                _ = try await notify.notification(id: UUID().uuidString.lowercased())
                Issue.record("an unknown id was found")
            } catch let error as NotifyError {
                #expect(error.reason == .notFound)
            }
            #expect(await platform.notifications.messages().isEmpty)
        }
    }

    @Test("Listing with filters follows links.next across pages of 2")
    func paging() async throws {
        try await withNotifyPlatform(notifyPageSize: 2) { platform, clock in
            let notify = try platform.notifyClient(clock: clock)
            var sentIDs: [String] = []
            for index in 0..<5 {
                sentIDs.append(try await notify.sendSMS(Self.sms(reference: "page-\(index)")).id)
                clock.advance(by: .seconds(1))
            }
            _ = try await notify.sendSMS(Self.sms("0600000002", reference: "failing"))
            clock.advance(by: .seconds(10))
            var listed: [String] = []
            for try await notification in notify.notifications(
                NotifyNotificationFilter(templateType: .sms, statuses: [.delivered]))
            {
                listed.append(notification.id)
            }
            #expect(listed == Array(sentIDs.reversed()))
            var pages = 0
            for try await _ in notify.notifications(NotifyNotificationFilter(templateType: .sms)).pages { pages += 1 }
            #expect(pages >= 3)
            let failed = try await notify.notificationsPage(NotifyNotificationFilter(statuses: [.permanentFailure]))
            #expect(failed.notifications.map(\.reference) == ["failing"])
        }
    }

    @Test("Templates: list, get, version, preview")
    func templates() async throws {
        try await withNotifyPlatform { platform, clock in
            let notify = try platform.notifyClient(clock: clock)
            let all = try await notify.templates()
            #expect(
                Set(all.map(\.id)).isSuperset(of: [
                    MockNotifyTemplates.appointmentConfirmationSMS, MockNotifyTemplates.documentAvailableEmail,
                ]))
            let sms = try await notify.templates(type: .sms)
            #expect(sms.allSatisfy { $0.type == .sms })
            let template = try await notify.template(id: MockNotifyTemplates.appointmentConfirmationSMS)
            #expect(Set(template.placeholders).isSuperset(of: ["name", "date", "place"]))
            let first = try await notify.template(id: MockNotifyTemplates.appointmentConfirmationSMS, version: 1)
            #expect(first.version == 1)
            let preview = try await notify.previewTemplate(
                id: MockNotifyTemplates.appointmentConfirmationSMS,
                personalisation: ["name": "Camille", "date": "3 mars", "place": "Lyon"])
            #expect(preview.body?.contains("Camille") == true)
            #expect(await platform.notifications.messages().isEmpty)
        }
    }

    @Test("A JWT is minted for every attempt: a retry 40 s later (beyond the 30 s window) is accepted")
    func freshJWTAcrossSlowRetries() async throws {
        try await withNotifyPlatform { platform, clock in
            let notify = try platform.notifyClient(
                clock: clock,
                retryPolicy: RetryPolicy(
                    maximumAttempts: 2, maximumBackoff: .seconds(60), maximumTotalDuration: .seconds(120)))
            _ = await platform.faults.inject(
                MockFault(.status(503, retryAfter: "40")), on: MockRoute(method: .get, path: "/notify/v2/templates"),
                count: 1)
            let start = clock.now()
            async let templates = notify.templates()
            #expect(await clock.waitForSleepers(1))
            clock.advance(by: .seconds(40))
            #expect(try await templates.isEmpty == false)
            let attempts = await platform.requestLog.entries.filter { $0.path == "/notify/v2/templates" }
            #expect(attempts.count == 2)
            #expect(attempts.map(\.status) == [503, 200])
            let issued = attempts.compactMap { Self.issuedAt($0.headers[.authorization]) }
            let first = start.timeIntervalSince1970.rounded(.down)
            #expect(issued == [first, first + 40])
        }
    }

    /// The `iat` of a bearer JWT (unverified: the mock already verified it).
    static func issuedAt(_ authorization: String?) -> Double? {
        guard let authorization, authorization.hasPrefix("Bearer "),
            let token = try? JWS.parseUnverified(authorization.dropFirst(7)), let claims = try? token.claims()
        else { return nil }
        return claims.issuedAt?.secondsSince1970
    }

    @Test("Rate limit: the 429 is typed RateLimitError, and sends are not retried")
    func rateLimit() async throws {
        try await withNotifyPlatform(notifyRateLimit: 2) { platform, clock in
            let notify = try platform.notifyClient(clock: clock, retryPolicy: .none)
            _ = try await notify.sendSMS(Self.sms(reference: "one"))
            _ = try await notify.sendSMS(Self.sms(reference: "two"))
            do {
                _ = try await notify.sendSMS(Self.sms(reference: "three"))
                Issue.record("the third request was accepted")
            } catch let error as NotifyError {
                #expect(error.reason == .rateLimited)
                #expect(error.httpStatus == 429)
                #expect(error.isRateLimit)
            }
            #expect(await platform.notifications.messages().count == 2)
            clock.advance(by: .seconds(61))
            _ = try await notify.sendSMS(Self.sms(reference: "four"))
        }
    }

    @Test("A connection reset after the handler ran: with a reference, recovered without a duplicate")
    func noDuplicateWithReference() async throws {
        try await withNotifyPlatform { platform, clock in
            let notify = try platform.notifyClient(prefix: "", clock: clock)
            _ = await platform.faults.inject(
                MockFault(.connectionReset, phase: .afterHandler),
                on: MockRoute(method: .post, path: "/v2/notifications/sms"),
                count: 1)
            let sent = try await notify.sendSMS(Self.sms(reference: "rdv-unique-42"))
            #expect(sent.wasRecoveredByReference)
            #expect(sent.reference == "rdv-unique-42")
            let messages = await platform.notifications.messages()
            #expect(messages.count == 1)
            #expect(messages.first?.id == sent.id)
        }
    }

    @Test("A connection reset after the handler ran: without a reference, an error and still no duplicate")
    func noDuplicateWithoutReference() async throws {
        try await withNotifyPlatform { platform, clock in
            let notify = try platform.notifyClient(prefix: "", clock: clock)
            _ = await platform.faults.inject(
                MockFault(.connectionReset, phase: .afterHandler),
                on: MockRoute(method: .post, path: "/v2/notifications/sms"),
                count: 1)
            do {
                _ = try await notify.sendSMS(Self.sms())
                Issue.record("the send reported success")
            } catch let error as NotifyError {
                #expect(error.reason == .transport)
                #expect(error.requestWasSent != false)
            }
            #expect(await platform.notifications.messages().count == 1)
        }
    }

    @Test("Status callbacks reach an in-test receiver, signed, and verify")
    func statusCallbacks() async throws {
        let server = try await CallbackServer.start()
        do {
            try await withNotifyPlatform { platform, clock in
                let endpoint = try await platform.webhooks.register(
                    url: server.url("notify"), eventTypes: ["notification.status-changed"])
                let verifier = WebhookVerifier(
                    secret: try WebhookSecret(endpoint.secret), clock: clock, replayStore: InMemoryWebhookReplayStore())
                let receiver = try WebhookReceiver(verifier: verifier)
                let notify = try platform.notifyClient(clock: clock)
                let sent = try await notify.sendSMS(Self.sms(reference: "callback-1"))
                clock.advance(by: .seconds(1))
                clock.advance(by: .seconds(5))
                var statuses: [NotifyNotificationStatus] = []
                var firstCallback: ReceivedCallback?
                for await callback in server.callbacks where callback.path == "/hooks/notify" {
                    if firstCallback == nil { firstCallback = callback }
                    let received = try await receiver.receive(headers: callback.headers, body: callback.body)
                    #expect(received.isSigned)
                    guard case .notificationStatusChanged(let receipt) = received.event else {
                        Issue.record("unexpected event \(received.event.type)")
                        continue
                    }
                    #expect(receipt.id == sent.id)
                    #expect(receipt.reference == "callback-1")
                    statuses.append(receipt.status)
                    if receipt.status.isFinal { break }
                }
                #expect(statuses.last == .delivered)
                let replayed = try #require(firstCallback)
                do {
                    _ = try await receiver.receive(headers: replayed.headers, body: replayed.body)
                    Issue.record("a replayed callback was accepted")
                } catch let error as WebhookError {
                    #expect(error.reason == .replayed)
                }
                let delivery = try #require(await platform.webhooks.deliveries().first)
                #expect(delivery.endpointID == endpoint.id)
            }
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}
