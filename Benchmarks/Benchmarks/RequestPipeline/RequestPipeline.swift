import Benchmark
import Foundation
import HTTPTypes
import MockServerSupport
import SanteHTTP

// Two benchmarks against the same out-of-process `sante-mock` setup, measured in the same run:
//
// - "SanteKit GET /_mock/echo (standard middlewares + auth + JSON decode)": `SanteHTTPClient.decode` with request
//   id, user agent, timeout, retry, bearer-token authentication (a cached token from an actor), no-op logging and
//   accounting middlewares, then JSON decoding of the echo.
// - "Baseline: bare URLSessionTransport GET /_mock/echo": the same `URLSessionTransport` sending the same request
//   as it leaves the SanteKit pipeline (same headers: Accept, X-Request-ID, User-Agent, Authorization, set once up
//   front), the body collected; no middleware, no decoding. The setup hook checks that the server sees the same
//   headers from both sides.
//
// With `SANTEKIT_PIPELINE_ATTRIBUTION=1` in the environment, more benchmarks say where the difference goes: the
// baseline plus JSON decoding, then SanteKit with only its 0, 1, … 7 innermost standard middlewares.
//
// Each iteration sends 1,000 requests one after the other (scaling factor `.kilo`), because Linux reports process
// CPU time in scheduler ticks (10 ms); the table shows figures per request (the `*` metrics are divided by the
// scaling factor).

/// The pipeline of the benchmark being run.
let fixtureSlot = FixtureSlot()

/// Whether the attribution benchmarks run too.
let runsAttribution = ProcessInfo.processInfo.environment["SANTEKIT_PIPELINE_ATTRIBUTION"] == "1"

/// The standard middlewares from the innermost, for the attribution benchmarks' names.
let innermostMiddlewareNames = [
    "accounting", "logging", "authentication", "retry", "timeout", "user agent", "request id",
]

/// The paired benchmark's metrics: SanteKit's CPU and wall clock as thousandths of the baseline's, and each side's CPU
/// per request in microseconds.
let cpuRatio = BenchmarkMetric.custom("CPU ratio (‰)", polarity: .prefersSmaller, useScalingFactor: false)
let wallRatio = BenchmarkMetric.custom("Wall-clock ratio (‰)", polarity: .prefersSmaller, useScalingFactor: false)
let santeKitCPU = BenchmarkMetric.custom(
    "SanteKit CPU (µs/request)", polarity: .prefersSmaller, useScalingFactor: false)
let baselineCPU = BenchmarkMetric.custom(
    "Baseline CPU (µs/request)", polarity: .prefersSmaller, useScalingFactor: false)

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

    Benchmark("SanteKit GET /_mock/echo (standard middlewares + auth + JSON decode)") { benchmark in
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

    // Both sides in the same iteration, alternating blocks of 50 requests (A B B A ...), 1,000 requests a side:
    // the ratios per iteration, in thousandths (1100 = 1.10×).
    Benchmark(
        "Paired: SanteKit ÷ baseline, same iteration (‰)",
        configuration: .init(
            metrics: [cpuRatio, wallRatio, santeKitCPU, baselineCPU], scalingFactor: .one, maxIterations: 30)
    ) { benchmark in
        guard let fixture = fixtureSlot.fixture else {
            benchmark.error("the mock server is not running")
            return
        }
        let (santeKit, baseline) = try await PairedComparison.run(
            blocks: 20, requestsPerBlock: 50,
            santeKit: { blackHole(try await fixture.sendThroughSanteKit()) },
            baseline: { blackHole(try await fixture.sendThroughTransport()) })
        guard santeKit.cpuNanoseconds > 0, baseline.cpuNanoseconds > 0, baseline.wallNanoseconds > 0 else {
            benchmark.error("no CPU time measured")
            return
        }
        benchmark.measurement(cpuRatio, Int(santeKit.cpuNanoseconds * 1000 / baseline.cpuNanoseconds))
        benchmark.measurement(wallRatio, Int(santeKit.wallNanoseconds * 1000 / baseline.wallNanoseconds))
        benchmark.measurement(santeKitCPU, Int(santeKit.cpuNanoseconds / UInt64(santeKit.requests) / 1000))
        benchmark.measurement(baselineCPU, Int(baseline.cpuNanoseconds / UInt64(baseline.requests) / 1000))
    }

    guard runsAttribution else { return }

    Benchmark("Attribution: baseline + JSON decode") { benchmark in
        guard let fixture = fixtureSlot.fixture else {
            benchmark.error("the mock server is not running")
            return
        }
        for _ in benchmark.scaledIterations {
            blackHole(try await fixture.sendThroughTransportAndDecode())
        }
    }

    for count in 0...innermostMiddlewareNames.count {
        let added = count == 0 ? "no middleware" : "+ " + innermostMiddlewareNames[count - 1]
        Benchmark("Attribution: SanteKit with \(count) innermost middlewares (\(added))") { benchmark in
            guard let pipeline = fixtureSlot.fixture?.partialPipelines[count] else {
                benchmark.error("the mock server is not running")
                return
            }
            for _ in benchmark.scaledIterations {
                blackHole(try await pipeline.send())
            }
        }
    }
}
