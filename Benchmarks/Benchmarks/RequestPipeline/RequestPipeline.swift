import Benchmark
import HTTPTypes
import SanteHTTP

// Two benchmarks against the same out-of-process `sante-mock` setup, measured in the same run:
//
// - "SanteKit GET /_mock/echo (standard middlewares + JSON decode)": `SanteHTTPClient.decode` with request id,
//   user agent, timeout, retry, no-op logging and accounting middlewares, then JSON decoding of the echo.
// - "Baseline: bare URLSessionTransport GET /_mock/echo": a `URLSessionTransport` configured the same way sending the
//   same absolute request, the body collected; no middleware, no decoding.
//
// Each iteration sends 1,000 requests one after the other (scaling factor `.kilo`), because Linux reports process
// CPU time in scheduler ticks (10 ms); the table shows figures per request (the `*` metrics are divided by the
// scaling factor).

/// The pipeline of the benchmark being run.
let fixtureSlot = FixtureSlot()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal],
        timeUnits: .microseconds,
        warmupIterations: 1,
        scalingFactor: .kilo,  // 1,000 sequential requests per measured iteration
        maxDuration: .seconds(20),
        maxIterations: 40
    )
    // Each benchmark gets a freshly started server and a fresh transport (new connection pool), so neither inherits
    // the other's warm connections.
    Benchmark.setup = { try await fixtureSlot.setUp() }
    Benchmark.teardown = { await fixtureSlot.tearDown() }

    Benchmark("SanteKit GET /_mock/echo (standard middlewares + JSON decode)") { benchmark in
        guard let fixture = fixtureSlot.fixture else {
            benchmark.error("the mock server is not running")
            return
        }
        for _ in benchmark.scaledIterations {
            let echo = try await fixture.sendThroughSanteKit()
            guard echo.method == "GET", echo.path == "/_mock/echo" else {
                benchmark.error("unexpected echo: \(echo.method) \(echo.path)")
                return
            }
            blackHole(echo)
        }
    }

    Benchmark("Baseline: bare URLSessionTransport GET /_mock/echo") { benchmark in
        guard let fixture = fixtureSlot.fixture else {
            benchmark.error("the mock server is not running")
            return
        }
        for _ in benchmark.scaledIterations {
            let (status, body) = try await fixture.sendThroughTransport()
            guard status == .ok, !body.isEmpty else {
                benchmark.error("unexpected response: \(status.code), \(body.count) bytes")
                return
            }
            blackHole(body)
        }
    }
}
