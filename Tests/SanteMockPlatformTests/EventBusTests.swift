import Foundation
import SanteCore
import SanteMockPlatform
import Testing

@Suite struct EventBusTests {
    @Test(.timeLimit(.minutes(3)))
    func everySubscriberReceivesEveryEventInOrder() async {
        let clock = TestClock()
        let bus = MockEventBus(clock: clock)
        let first = await bus.subscribe()
        let second = await bus.subscribe()
        #expect(await bus.subscriberCount == 2)

        await bus.publish(kind: "dmp.document.stored", payload: ["id": "doc-1"])
        clock.advance(by: .seconds(10))
        await bus.publish(MockEvent(kind: "notify.sent", payload: .integer(2), time: clock.now()))

        for stream in [first, second] {
            var iterator = stream.makeAsyncIterator()
            let one = await iterator.next()
            let two = await iterator.next()
            #expect(one?.kind == "dmp.document.stored")
            #expect(one?.payload["id"]?.stringValue == "doc-1")
            #expect(one?.time == Date(timeIntervalSince1970: 1_767_225_600))
            #expect(two?.kind == "notify.sent")
            #expect(two?.payload == .integer(2))
            #expect(two?.time == Date(timeIntervalSince1970: 1_767_225_610))
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func aDroppedStreamUnsubscribes() async {
        let bus = MockEventBus(clock: TestClock())
        var stream: AsyncStream<MockEvent>? = await bus.subscribe()
        let kept = await bus.subscribe()
        #expect(await bus.subscriberCount == 2)
        #expect(stream != nil)
        stream = nil
        #expect(await bus.subscriberCount == 1)
        await bus.publish(kind: "after")
        var iterator = kept.makeAsyncIterator()
        #expect(await iterator.next()?.kind == "after")
    }

    @Test(.timeLimit(.minutes(3)))
    func aCancelledConsumerUnsubscribes() async {
        let bus = MockEventBus(clock: TestClock())
        let stream = await bus.subscribe()
        let consumer = Task {
            var kinds: [String] = []
            for await event in stream {
                kinds.append(event.kind)
            }
            return kinds
        }
        await bus.publish(kind: "one")
        consumer.cancel()
        _ = await consumer.value
        #expect(await bus.subscriberCount == 0)
    }

    @Test(.timeLimit(.minutes(3)))
    func eventsPublishedBeforeSubscribingAreNotReplayed() async {
        let bus = MockEventBus(clock: TestClock())
        await bus.publish(kind: "early")
        let stream = await bus.subscribe()
        await bus.publish(kind: "late")
        var iterator = stream.makeAsyncIterator()
        #expect(await iterator.next()?.kind == "late")
    }

    @Test(.timeLimit(.minutes(3)))
    func thePlatformBusUsesThePlatformClock() async throws {
        let clock = TestClock()
        try await withPlatform(MockPlatform.Configuration(clock: clock)) { platform in
            let events = await platform.events.subscribe()
            clock.advance(by: .seconds(3))
            await platform.events.publish(kind: "dmp.document.stored")
            var iterator = events.makeAsyncIterator()
            #expect(await iterator.next()?.time == clock.now())
        }
    }
}
