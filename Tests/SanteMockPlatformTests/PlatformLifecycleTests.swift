import Foundation
import SanteCore
import SanteMockPlatform
import Testing

@Suite struct PlatformLifecycleTests {
    @Test(.timeLimit(.minutes(3)))
    func startsOnAFreePortAndStops() async throws {
        // Start-up time is a benchmark figure (Benchmarks/), never a timed unit test.
        let platform = try await MockPlatform.start()
        #expect(platform.port > 0)
        #expect(platform.baseURL.absoluteString == "http://127.0.0.1:\(platform.port)")
        #expect(platform.isRunning)

        let health = try await TestHTTP.send(try platform.url("/health"))
        #expect(health.status == 200)

        await platform.stop()
        #expect(!platform.isRunning)
        await platform.stop()  // idempotent
        await #expect(throws: (any Error).self) {
            _ = try await TestHTTP.send(try platform.url("/health"))
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func twoPlatformsInParallelGetDifferentPorts() async throws {
        async let first = MockPlatform.start()
        async let second = MockPlatform.start()
        let platforms = try await [first, second]
        #expect(platforms[0].port != platforms[1].port)
        for platform in platforms {
            let health = try await TestHTTP.send(try platform.url("/_mock/health"))
            #expect(health.status == 200)
        }
        for platform in platforms {
            await platform.stop()
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func stopFreesThePort() async throws {
        let first = try await MockPlatform.start()
        let port = first.port
        await first.stop()
        let second = try await MockPlatform.start(MockPlatform.Configuration(port: port))
        #expect(second.port == port)
        let health = try await TestHTTP.send(try second.url("/health"))
        #expect(health.status == 200)
        await second.stop()
    }

    @Test(.timeLimit(.minutes(3)))
    func aTakenPortIsATransportError() async throws {
        try await withPlatform { platform in
            do {
                let clash = try await MockPlatform.start(MockPlatform.Configuration(port: platform.port))
                await clash.stop()
                Issue.record("Starting on a taken port succeeded")
            } catch let error as MockPlatformError {
                #expect(error.code == .transport)
                #expect(error.operation == "mock.start")
                #expect(error.underlyingError != nil)
            }
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func anInvalidConfigurationIsAValidationError() async throws {
        do {
            let platform = try await MockPlatform.start(
                MockPlatform.Configuration(host: "", port: 70_000, maximumRequestBodySize: -1))
            await platform.stop()
            Issue.record("Starting with an invalid configuration succeeded")
        } catch let error as ValidationError {
            #expect(Set(error.issues.map(\.field)) == ["host", "port", "maximumRequestBodySize"])
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func serviceBaseURLsUseTheFixedPrefixes() async throws {
        try await withPlatform { platform in
            let root = platform.baseURL.absoluteString
            #expect(platform.baseURL(for: .identity).absoluteString == root + "/psc")
            #expect(platform.baseURL(for: .dmp).absoluteString == root + "/dmp/fhir")
            #expect(platform.baseURL(for: .openData).absoluteString == root + "/data")
            #expect(platform.baseURL(for: .annuaire).absoluteString == root + "/annuaire/fhir/v2")
            #expect(platform.baseURL(for: .notify).absoluteString == root + "/notify")
            #expect(platform.baseURL(for: .controls).absoluteString == root + "/_mock")
            #expect(platform.issuerURL.absoluteString == root + "/psc/auth/realms/esante-wallet")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func theInjectedClockIsExposed() async throws {
        let clock = TestClock()
        try await withPlatform(MockPlatform.Configuration(clock: clock)) { platform in
            #expect(platform.clock.now() == clock.now())
            clock.advance(by: .seconds(90))
            #expect(platform.clock.now() == Date(timeIntervalSince1970: 1_767_225_690))
        }
    }
}
