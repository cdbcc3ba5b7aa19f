import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP
import SanteMockPlatform
import Testing

/// Checks on timeouts and cancellation.
///
/// Tests run in parallel on small machines, so bounds are loose: the server holds each request for
/// ``serverDelay``, and a check only asserts that the transport gave up well before that.
enum TimingChecks {
    /// How long the mock holds a request these checks expect the transport to give up on.
    static let serverDelay = Duration.seconds(60)
    /// The most a check accepts between the trigger (timeout or cancellation) and the error.
    static let promptness = Duration.seconds(25)

    static func transportTimeout(_ target: ConformanceTarget) async throws {
        await target.platform.faults.inject(MockFault(.latency(serverDelay)), on: MockRoute(path: "/_mock/echo"))
        let transport = target.transport(TransportConformance.Settings(timeout: .milliseconds(500)))
        let started = ContinuousClock.now
        let error = await #expect(throws: SanteHTTPError.self) {
            let (_, body) = try await transport.send(
                target.request(.get, "/_mock/echo"), body: nil, context: RequestContext())
            _ = try await collect(body)
        }
        #expect(error?.code == .timeout)
        #expect(error?.isRetryable == true)
        #expect(ContinuousClock.now - started < promptness)
    }

    static func requestTimeout(_ target: ConformanceTarget) async throws {
        await target.platform.faults.inject(MockFault(.latency(serverDelay)), on: MockRoute(path: "/_mock/echo"))
        let transport = target.transport(TransportConformance.Settings(timeout: .seconds(30)))
        let context = RequestContext(
            options: RequestOptions(operation: "conformance.slow", timeout: .milliseconds(500)))
        let started = ContinuousClock.now
        let error = await #expect(throws: SanteHTTPError.self) {
            let (_, body) = try await transport.send(target.request(.get, "/_mock/echo"), body: nil, context: context)
            _ = try await collect(body)
        }
        #expect(error?.code == .timeout)
        #expect(error?.operation == "conformance.slow")
        #expect(ContinuousClock.now - started < promptness)
    }

    static func cancellation(_ target: ConformanceTarget) async throws {
        await target.platform.faults.inject(MockFault(.latency(serverDelay)), on: MockRoute(path: "/_mock/echo"))
        let transport = target.transport()
        let request = target.request(.get, "/_mock/echo")
        let task = Task {
            let (_, body) = try await transport.send(request, body: nil, context: RequestContext())
            return try await collect(body)
        }
        try await Task.sleep(for: .milliseconds(300))
        let cancelled = ContinuousClock.now
        task.cancel()
        let outcome = await task.result
        let error = try #require(outcome.failure as? SanteHTTPError, "expected a SanteHTTPError, got \(outcome)")
        #expect(error.code == .cancelled)
        #expect(error.isRetryable == false)
        #expect(ContinuousClock.now - cancelled < promptness)
    }
}

extension Result {
    /// The error, when the result is a failure.
    fileprivate var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
