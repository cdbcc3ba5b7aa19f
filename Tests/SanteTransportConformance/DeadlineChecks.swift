import Foundation
import HTTPTypes
import Logging
import SanteCore
import SanteHTTP
import SanteMockPlatform
import Testing

/// Checks that a timeout middleware's deadline is kept, whether the transport enforces it or the middleware races.
enum DeadlineChecks {
    static func contextDeadline(_ target: ConformanceTarget) async throws {
        await target.platform.faults.inject(
            MockFault(.latency(TimingChecks.serverDelay)), on: MockRoute(path: "/_mock/echo"))
        let transport = target.transport(TransportConformance.Settings(timeout: .seconds(60)))
        var context = RequestContext(options: RequestOptions(operation: "conformance.deadline"))
        context.deadline = RequestDeadline(after: .milliseconds(500), timer: DeadlineTimer())
        let started = ContinuousClock.now
        let error = await #expect(throws: SanteHTTPError.self) {
            let (_, body) = try await transport.send(target.request(.get, "/_mock/echo"), body: nil, context: context)
            _ = try await collect(body)
        }
        #expect(error?.code == .timeout)
        #expect(error?.message == "no response within 500 ms")
        #expect(error?.operation == "conformance.deadline")
        #expect(ContinuousClock.now - started < TimingChecks.promptness)

        // A deadline already past fails before anything is sent. (Without the fault, a request that was sent
        // would be answered at once and show in the request log.)
        await target.platform.faults.clear()
        var late = RequestContext()
        late.deadline = RequestDeadline(after: .zero, timer: DeadlineTimer())
        let lateError = await #expect(throws: SanteHTTPError.self) {
            _ = try await transport.send(target.request(.get, "/_mock/echo?late"), body: nil, context: late)
        }
        #expect(lateError?.code == .timeout)
        let (answered, answeredBody) = try await transport.send(
            target.request(.get, "/_mock/echo?in-time"), body: nil, context: RequestContext())
        _ = try await collect(answeredBody)
        #expect(answered.status == .ok)
        let queries = await target.platform.requestLog.entries(forPath: "/_mock/echo").map(\.query)
        #expect(queries.contains("in-time"))
        #expect(!queries.contains("late"))
    }

    static func timeoutThroughStandardMiddlewares(_ target: ConformanceTarget) async throws {
        await target.platform.faults.inject(
            MockFault(.latency(TimingChecks.serverDelay)), on: MockRoute(path: "/_mock/echo"))
        let accounting = HTTPAccounting()
        let client = SanteHTTPClient(
            baseURL: try #require(URL(string: "http://127.0.0.1:\(target.platform.port)")),
            transport: target.transport(TransportConformance.Settings(timeout: .seconds(60))),
            middlewares: try SanteHTTPClient.standardMiddlewares(
                timeout: .milliseconds(500),
                logger: Logger(label: "conformance", factory: { _ in SwiftLogNoOpLogHandler() }),
                accounting: accounting))
        let started = ContinuousClock.now
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await client.data(
                for: client.makeRequest(.get, path: "/_mock/echo"), options: RequestOptions(operation: "slow.echo"))
        }
        #expect(error?.code == .timeout)
        #expect(error?.message == "no response within 500 ms")
        #expect(error?.operation == "slow.echo")
        #expect(ContinuousClock.now - started < TimingChecks.promptness)
        // The timeout is retryable, but the deadline has passed: the retry middleware does not try again.
        #expect(accounting.snapshot().total.requests == 1)
        #expect(accounting.snapshot().total.retries == 0)
        #expect(accounting.snapshot().total.errors == 1)
    }
}
