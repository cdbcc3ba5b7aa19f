import Foundation
import SanteCore
import SanteKit
import SanteMockPlatform
import Testing

@testable import sante

@Suite("sante demo: the notification chapter, both phases", .timeLimit(.minutes(3)))
struct NotifyDemoChapterTests {
    @Test("subscribe (verified handshake), a DMP document event, finish (verified event, SMS delivered)")
    func bothPhases() async throws {
        let platform = try await MockPlatform.start()
        do {
            try await bothPhases(platform, timeline: MockTimeline(), sharesTimeline: false)
        } catch {
            await platform.stop()
            throw error
        }
        await platform.stop()
    }

    @Test("On a mock that shares the demo's timeline, 10 minutes ahead of real time, every check uses that time")
    func sharedTimeline() async throws {
        let timeline = MockTimeline()
        timeline.skip(.seconds(600))
        let platform = try await MockPlatform.start(MockPlatform.Configuration(clock: timeline.mockClock))
        do {
            try await bothPhases(platform, timeline: timeline, sharesTimeline: true)
        } catch {
            await platform.stop()
            throw error
        }
        await platform.stop()
    }

    private func bothPhases(_ platform: MockPlatform, timeline: MockTimeline, sharesTimeline: Bool) async throws {
        let report = try await MockPlatformSession.with(mockURL: platform.baseURL) { session in
            let santePlatform = SantePlatform(
                environment: .localMock(baseURL: session.baseURL),
                appProduct: "sante-demo-test/1")
            let chapter = DemoNotifyChapter(
                session: session, platform: santePlatform, timeline: timeline, sharesTimeline: sharesTimeline)
            let subscription = try await chapter.subscribe()
            // What the DMP chapter's publication puts on the mock's event bus.
            let patient: JSONValue = ["system": "urn:oid:1.2.250.1.213.1.4.10", "value": "279035121518989"]
            await platform.events.publish(
                kind: "dmp.document.stored",
                payload: [
                    "id": "doc-77", "versionId": "1", "status": "current", "patient": patient,
                    "resource": [
                        "resourceType": "DocumentReference", "id": "doc-77", "status": "current",
                        "subject": ["identifier": patient],
                        "type": [
                            "coding": [
                                [
                                    "system": "http://loinc.org", "code": "11488-4",
                                    "display": "Compte rendu de consultation",
                                ]
                            ]
                        ],
                    ],
                ])
            return try await chapter.finish(subscription, timeout: .seconds(30))
        }
        let deliveries = await platform.subscriptions.deliveries()
        let remaining = await platform.subscriptions.subscriptions()
        let messages = await platform.notifications.messages()

        #expect(report.subscription.status == "active")
        #expect(report.subscription.filter.contains("patient.identifier=urn:oid:1.2.250.1.213.1.4.10|279035121518989"))
        #expect(report.subscription.handshake.type == "handshake")
        #expect(report.event.focus.hasSuffix("DocumentReference/doc-77"))
        #expect(report.event.eventNumber == 1)
        #expect(report.event.documentType == "Compte rendu de consultation")
        #expect(report.event.tamperedCopy == "no_matching_signature")
        #expect(deliveries.map(\.eventType) == ["handshake", "event-notification"])
        #expect(deliveries.allSatisfy { $0.statusCode == 200 })
        #expect(report.event.delivery.webhookID == deliveries.last?.webhookID)
        // The mock's clock runs in real time here, so a slow first read may already see "sending".
        #expect(report.sms.statuses.last == "delivered")
        #expect(
            report.sms.statuses == ["created", "sending", "delivered"]
                || report.sms.statuses == ["sending", "delivered"])
        #expect(report.sms.body.hasPrefix("Bonjour Dominique, votre rendez-vous du"))
        #expect(messages.map(\.id) == [report.sms.id])
        #expect(remaining.isEmpty, "the subscription is deleted at the end")
    }
}
