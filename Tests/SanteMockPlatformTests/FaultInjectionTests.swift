import Foundation
import HTTPTypes
import SanteCore
import SanteMockPlatform
import Testing

@Suite struct FaultInjectionTests {
    private static let echo = MockRoute(path: "/_mock/echo")

    /// The single log record of `/_mock/echo`.
    private func echoRecord(_ platform: MockPlatform) async throws -> MockRequestRecord {
        let records = await platform.requestLog.entries(forPath: "/_mock/echo")
        #expect(records.count == 1)
        return try #require(records.first)
    }

    private func expectHandlerRan(_ record: MockRequestRecord, phase: MockFault.Phase) {
        #expect(record.handlerRan == (phase == .afterHandler))
    }

    @Test(.timeLimit(.minutes(3)), arguments: MockFault.Phase.allCases)
    func latencyWaitsOnThePlatformClock(phase: MockFault.Phase) async throws {
        let clock = TestClock()
        try await withPlatform(MockPlatform.Configuration(clock: clock)) { platform in
            await platform.faults.inject(MockFault(.latency(.seconds(5)), phase: phase), on: Self.echo, count: 1)
            async let pending = TestHTTP.send(try platform.url("/_mock/echo"))
            await clock.waitForSleepers(1)
            #expect(await platform.requestLog.entries(forPath: "/_mock/echo").isEmpty)
            clock.advance(by: .seconds(5))
            let result = try await pending
            #expect(result.status == 200)
            #expect(try result.jsonObject()["path"] as? String == "/_mock/echo")
            #expect(clock.recordedSleeps == [.seconds(5)])
            let record = try await echoRecord(platform)
            #expect(record.handlerRan)  // latency delays the handler; it never replaces it
            #expect(record.faultApplied == "latency")
            #expect(record.status == 200)
        }
    }

    @Test(.timeLimit(.minutes(3)), arguments: MockFault.Phase.allCases)
    func randomLatencyIsSeededAndInRange(phase: MockFault.Phase) async throws {
        func sleeps(seed: UInt64) async throws -> [Duration] {
            let clock = TestClock(mode: .automatic)
            try await withPlatform(MockPlatform.Configuration(seed: seed, clock: clock)) { platform in
                await platform.faults.inject(
                    MockFault(.randomLatency(.milliseconds(100)...(.milliseconds(900))), phase: phase), on: Self.echo)
                for _ in 0..<4 {
                    let result = try await TestHTTP.send(try platform.url("/_mock/echo"))
                    #expect(result.status == 200)
                }
                let records = await platform.requestLog.entries(forPath: "/_mock/echo")
                #expect(records.allSatisfy { $0.faultApplied == "randomLatency" && $0.handlerRan })
            }
            return clock.recordedSleeps
        }
        let first = try await sleeps(seed: 7)
        let again = try await sleeps(seed: 7)
        let other = try await sleeps(seed: 8)
        #expect(first.count == 4)
        #expect(first.allSatisfy { (.milliseconds(100)...(.milliseconds(900))).contains($0) })
        #expect(first == again)
        #expect(first != other)
    }

    @Test(.timeLimit(.minutes(3)), arguments: MockFault.Phase.allCases)
    func statusWithRetryAfter(phase: MockFault.Phase) async throws {
        try await withPlatform { platform in
            await platform.faults.inject(
                MockFault(.status(429, retryAfter: "3"), phase: phase), on: Self.echo, count: 1)
            let result = try await TestHTTP.send(try platform.url("/_mock/echo"))
            #expect(result.status == 429)
            #expect(result.header("Retry-After") == "3")
            #expect(result.header("Content-Type")?.hasPrefix("application/json") == true)
            let json = try result.jsonObject()
            #expect(json["status"] as? Int == 429)
            #expect(json["error"] as? String == "Too Many Requests")
            let record = try await echoRecord(platform)
            expectHandlerRan(record, phase: phase)
            #expect(record.status == 429)
            #expect(record.faultApplied == "status")
        }
    }

    @Test(.timeLimit(.minutes(3)), arguments: MockFault.Phase.allCases)
    func statusWithABody(phase: MockFault.Phase) async throws {
        try await withPlatform { platform in
            await platform.faults.inject(
                MockFault(.status(500, body: "server on fire"), phase: phase), on: Self.echo, count: 1)
            await platform.faults.inject(
                MockFault(.status(503, body: #"{"issue":"maintenance"}"#), phase: phase), on: Self.echo, count: 1)

            let text = try await TestHTTP.send(try platform.url("/_mock/echo"))
            #expect(text.status == 500)
            #expect(String(decoding: text.body, as: UTF8.self) == "server on fire")
            #expect(text.header("Content-Type")?.hasPrefix("text/plain") == true)
            #expect(text.header("Retry-After") == nil)

            let json = try await TestHTTP.send(try platform.url("/_mock/echo"))
            #expect(json.status == 503)
            #expect(try json.jsonObject()["issue"] as? String == "maintenance")
            #expect(json.header("Content-Type")?.hasPrefix("application/json") == true)

            let records = await platform.requestLog.entries(forPath: "/_mock/echo")
            #expect(records.map(\.status) == [500, 503])
            #expect(records.allSatisfy { $0.handlerRan == (phase == .afterHandler) })
        }
    }

    @Test(.timeLimit(.minutes(3)), arguments: MockFault.Phase.allCases)
    func connectionResetSendsNoResponse(phase: MockFault.Phase) async throws {
        try await withPlatform { platform in
            await platform.faults.inject(MockFault(.connectionReset, phase: phase), on: Self.echo, count: 1)
            await #expect(throws: URLError.self) {
                _ = try await TestHTTP.send(try platform.url("/_mock/echo"))
            }
            let record = try await echoRecord(platform)
            expectHandlerRan(record, phase: phase)
            #expect(record.status == nil)
            #expect(record.faultApplied == "connectionReset")

            // The platform keeps serving other connections.
            let next = try await TestHTTP.send(try platform.url("/_mock/echo"))
            #expect(next.status == 200)
        }
    }

    @Test(.timeLimit(.minutes(3)), arguments: MockFault.Phase.allCases)
    func truncatedBodyFailsTheRequest(phase: MockFault.Phase) async throws {
        try await withPlatform { platform in
            await platform.faults.inject(MockFault(.truncatedBody, phase: phase), on: Self.echo, count: 1)
            await #expect(throws: URLError.self) {
                _ = try await TestHTTP.send(try platform.url("/_mock/echo"))
            }
            let record = try await echoRecord(platform)
            expectHandlerRan(record, phase: phase)
            #expect(record.status == 200)
            #expect(record.faultApplied == "truncatedBody")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func truncatedBytesAfterTheHandler() async throws {
        try await withPlatform { platform in
            await platform.faults.inject(
                MockFault(.truncatedBody, phase: .afterHandler), on: MockRoute(path: "/_mock/bytes"), count: 1)
            await #expect(throws: URLError.self) {
                _ = try await TestHTTP.send(try platform.url("/_mock/bytes?count=100000"))
            }
            let record = try #require(await platform.requestLog.entries(forPath: "/_mock/bytes").first)
            #expect(record.handlerRan)
        }
    }

    @Test(.timeLimit(.minutes(3)), arguments: MockFault.Phase.allCases)
    func malformedJSONDoesNotParse(phase: MockFault.Phase) async throws {
        try await withPlatform { platform in
            await platform.faults.inject(MockFault(.malformedJSON, phase: phase), on: Self.echo, count: 1)
            let result = try await TestHTTP.send(try platform.url("/_mock/echo"))
            #expect(result.status == 200)
            #expect(result.header("Content-Type")?.hasPrefix("application/json") == true)
            #expect(!result.body.isEmpty)
            #expect(throws: (any Error).self) {
                _ = try JSONSerialization.jsonObject(with: result.body, options: [.fragmentsAllowed])
            }
            #expect(throws: (any Error).self) {
                _ = try JSONDecoder().decode(JSONValue.self, from: result.body)
            }
            let record = try await echoRecord(platform)
            expectHandlerRan(record, phase: phase)
            #expect(record.faultApplied == "malformedJSON")
        }
    }

    @Test(.timeLimit(.minutes(3)), arguments: MockFault.Phase.allCases)
    func slowDripDeliversTheWholeBodyInChunks(phase: MockFault.Phase) async throws {
        let clock = TestClock(mode: .automatic)
        try await withPlatform(MockPlatform.Configuration(clock: clock)) { platform in
            await platform.faults.inject(
                MockFault(.slowDrip(chunkSize: 10, interval: .milliseconds(250)), phase: phase), on: Self.echo,
                count: 1)
            let result = try await TestHTTP.send(try platform.url("/_mock/echo?drip=1"))
            #expect(result.status == 200)
            let json = try result.jsonObject()
            if phase == .afterHandler {
                #expect(json["query"] as? String == "drip=1")  // the handler's own body
            } else {
                #expect(json["fault"] as? String == "slowDrip")
            }
            let chunks = (result.body.count + 9) / 10
            #expect(clock.recordedSleeps == Array(repeating: .milliseconds(250), count: chunks - 1))
            let record = try await echoRecord(platform)
            expectHandlerRan(record, phase: phase)
            #expect(record.faultApplied == "slowDrip")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func slowDripOnTheRealClockTakesTime() async throws {
        try await withPlatform { platform in
            await platform.faults.inject(
                MockFault(.slowDrip(chunkSize: 100, interval: .milliseconds(40)), phase: .afterHandler),
                on: MockRoute(path: "/_mock/bytes"), count: 1)
            let started = ContinuousClock.now
            let result = try await TestHTTP.send(try platform.url("/_mock/bytes?count=500"))
            #expect(ContinuousClock.now - started >= .milliseconds(160))
            #expect(result.body == Data((0..<500).map { UInt8($0 % 251) }))
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func countLimitedFaultsRunOut() async throws {
        try await withPlatform { platform in
            await platform.faults.inject(MockFault(.status(503)), on: Self.echo, count: 2)
            var statuses: [Int] = []
            for _ in 0..<3 {
                statuses.append(try await TestHTTP.send(try platform.url("/_mock/echo")).status)
            }
            #expect(statuses == [503, 503, 200])
            #expect(await platform.faults.injections.isEmpty)
            let records = await platform.requestLog.entries(forPath: "/_mock/echo")
            #expect(records.map(\.faultApplied) == ["status", "status", nil])
            #expect(records.map(\.handlerRan) == [false, false, true])
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func permanentFaultsStayUntilCleared() async throws {
        try await withPlatform { platform in
            let injection = try #require(
                await platform.faults.inject(MockFault(.status(500)), on: MockRoute(path: "/_mock/*")))
            #expect(injection.remaining == nil)
            for path in ["/_mock/echo", "/_mock/bytes?count=1", "/_mock/health", "/_mock/echo"] {
                #expect(try await TestHTTP.send(try platform.url(path)).status == 500)
            }
            // The controls themselves are never faulted, so a test can always inspect and clean up.
            #expect(try await TestHTTP.send(try platform.url("/_mock/requests")).status == 200)
            #expect(try await TestHTTP.send(try platform.url("/health")).status == 200)
            #expect(await platform.faults.injections.count == 1)
            await platform.faults.clear()
            #expect(try await TestHTTP.send(try platform.url("/_mock/echo")).status == 200)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func methodFilterAndOldestFirst() async throws {
        try await withPlatform { platform in
            await platform.faults.inject(MockFault(.status(502)), on: MockRoute(method: .post, path: "/_mock/echo"))
            await platform.faults.inject(MockFault(.status(504)), on: MockRoute(path: "/_mock/echo"), count: 1)
            var statuses: [Int] = []
            for method in ["POST", "GET", "GET", "POST"] {
                statuses.append(try await TestHTTP.send(method, try platform.url("/_mock/echo")).status)
            }
            #expect(statuses == [502, 504, 200, 502])
        }
    }

    @Test func routeMatching() {
        let exact = MockRoute(path: "/dmp/fhir/Patient")
        #expect(exact.matches(method: .get, path: "/dmp/fhir/Patient"))
        #expect(!exact.matches(method: .get, path: "/dmp/fhir/Patient/1"))
        let prefix = MockRoute(method: .put, path: "/dmp/fhir/*")
        #expect(prefix.matches(method: .put, path: "/dmp/fhir/Binary/1"))
        #expect(!prefix.matches(method: .get, path: "/dmp/fhir/Binary/1"))
        #expect(!prefix.matches(method: .put, path: "/dmp/other"))
        #expect(MockRoute(path: "*").matches(method: .delete, path: "/anything"))
    }

    @Test func injectorCountsAndRemoval() async {
        let injector = MockFaultInjector(seed: 1)
        #expect(await injector.inject(MockFault(.malformedJSON), on: Self.echo, count: 0) == nil)
        let kept = await injector.inject(MockFault(.truncatedBody), on: Self.echo, count: 3)
        #expect(kept?.remaining == 3)
        let removed = await injector.inject(MockFault(.connectionReset), on: Self.echo)
        #expect(await injector.remove(id: removed?.id ?? -1))
        #expect(await !injector.remove(id: 999))
        #expect(await injector.injections.map(\.fault.kind) == [.truncatedBody])
    }
}
