import Foundation
import SanteCore
import SanteMockPlatform
import Testing

@Suite struct WebhookRetryScheduleTests {
    @Test(.timeLimit(.minutes(3)))
    func sixAttemptsOnTheDocumentedScheduleThenGiveUp() async throws {
        let clock = TestClock()
        try await withReceiver(MockPlatform.Configuration(clock: clock)) { platform, receiver in
            let endpoint = try await platform.webhooks.register(url: receiver.url, eventTypes: ["document.updated"])
            receiver.script(Array(repeating: (500, nil), count: 6))
            let start = Int(clock.now().timeIntervalSince1970)
            await platform.events.publish(
                WebhookTest.documentEvent("dmp.document.updated", id: "doc-1", time: clock.now(), status: "superseded"))
            for (index, wait) in MockWebhooks.retrySchedule.enumerated() {
                _ = try await receiver.waitFor(index + 1)
                #expect(try await eventually { await platform.webhooks.deliveries().count == index + 1 })
                #expect(await clock.waitForSleepers(1))
                clock.advance(by: wait)
            }
            let received = try await receiver.waitFor(6)
            #expect(try await eventually { await platform.webhooks.deliveries().count == 6 })
            #expect(
                received.map { $0.headers["webhook-timestamp"] }
                    == [0, 5, 35, 155, 755, 2555].map { String(start + $0) })
            #expect(received.allSatisfy { $0.hasValidSignature(secret: endpoint.secret) })
            let log = await platform.webhooks.deliveries()
            #expect(log.map(\.outcome) == ["retrying", "retrying", "retrying", "retrying", "retrying", "gave-up"])
            #expect(log.map(\.attempt) == [1, 2, 3, 4, 5, 6])
            #expect(clock.sleeperCount == 0)
            #expect(await platform.webhooks.endpoints().first?.disabled == false)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func retryAfterAsAnHTTPDateIsReadOnTheMockClock() async throws {
        let clock = TestClock()
        try await withReceiver(MockPlatform.Configuration(clock: clock)) { platform, receiver in
            _ = try await platform.webhooks.register(url: receiver.url)
            // 2026-01-01T00:02:00Z: two minutes after the TestClock's start.
            receiver.script([(503, "Thu, 01 Jan 2026 00:02:00 GMT")])
            await platform.events.publish(WebhookTest.documentEvent(id: "doc-1", time: clock.now()))
            _ = try await receiver.waitFor(1)
            #expect(await clock.waitForSleepers(1))
            clock.advance(by: .seconds(119))
            #expect(clock.sleeperCount == 1)
            clock.advance(by: .seconds(1))
            let received = try await receiver.waitFor(2)
            #expect(received[1].headers["webhook-timestamp"] == String(1_767_225_600 + 120))
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func stopCancelsPendingRetries() async throws {
        let clock = TestClock()
        let receiver = try await WebhookTestReceiver.start()
        let platform = try await MockPlatform.start(MockPlatform.Configuration(clock: clock))
        _ = try await platform.webhooks.register(url: receiver.url)
        receiver.script([(500, nil)])
        await platform.events.publish(WebhookTest.documentEvent(id: "doc-1", time: clock.now()))
        _ = try await receiver.waitFor(1)
        #expect(await clock.waitForSleepers(1))
        await platform.stop()
        #expect(clock.sleeperCount == 0)
        clock.advance(by: .seconds(60))
        await receiver.stop()
        #expect(receiver.received.count == 1)
    }
}
