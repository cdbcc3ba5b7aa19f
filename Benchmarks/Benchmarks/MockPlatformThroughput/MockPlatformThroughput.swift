import Benchmark
import Foundation
import MockServerSupport
import SanteMockPlatform

// The mock platform's own cost, so that it is never the bottleneck of a test suite:
//
// - "sante-mock throughput: GET <route>, W concurrent": an out-of-process `sante-mock` answering bare
//   AsyncHTTPClient requests sent from W tasks over W connections. Each iteration sends 2,000 requests. Custom
//   metrics: requests per second, and the server process's CPU time per iteration (from /proc). The client runs on
//   the same two cores: "Time (total CPU)" is the client's.
// - "MockPlatform.start (in process)": `MockPlatform.start(Configuration(port: 0))` until it accepts connections;
//   the `stop()` that follows each iteration is not measured.
// - "MockPlatform.start + stop (in process)": both.

let slot = BenchmarkFixtureSlot<ThroughputFixture>()

let requestsPerSecond = BenchmarkMetric.custom("Requests/s", polarity: .prefersLarger, useScalingFactor: false)
let serverCPU = BenchmarkMetric.custom("Server CPU per iteration (ms)", useScalingFactor: false)

/// The requests of one throughput iteration.
let requestsPerIteration = 2_000

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, requestsPerSecond, serverCPU],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(10),
        maxIterations: 30
    )

    let routes = [("/_mock/bytes?count=350", "350 B"), ("/health", "health")]
    for (route, label) in routes {
        for workers in [16, 64] {
            Benchmark(
                "sante-mock throughput: GET \(label), \(workers) concurrent (\(requestsPerIteration) per iteration)",
                configuration: .init(
                    setup: {
                        try await slot.setUp { try await ThroughputFixture.start(connections: workers, route: route) }
                    },
                    teardown: { await slot.tearDown() })
            ) { benchmark in
                guard let fixture = slot.fixture else { return benchmark.error("the mock server is not running") }
                let serverBefore = ProcessCPUTime.microseconds(of: fixture.server.processIdentifier)
                let started = ContinuousClock.now
                let bytes = try await ConcurrentRequests.run(total: requestsPerIteration, workers: workers) {
                    try await fixture.fetch()
                }
                let elapsed = ContinuousClock.now - started
                let serverAfter = ProcessCPUTime.microseconds(of: fixture.server.processIdentifier)
                guard bytes > 0 else { return benchmark.error("a request did not get 200") }
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                benchmark.measurement(requestsPerSecond, Int((Double(requestsPerIteration) / seconds).rounded()))
                if let serverBefore, let serverAfter {
                    benchmark.measurement(serverCPU, (serverAfter - serverBefore) / 1_000)
                }
            }
        }
    }

    Benchmark(
        "MockPlatform.start (in process)",
        configuration: .init(
            metrics: [.wallClock, .cpuTotal, .mallocCountTotal], timeUnits: .microseconds, warmupIterations: 3,
            maxDuration: .seconds(10), maxIterations: 100)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            benchmark.startMeasurement()
            let platform = try await MockPlatform.start(MockPlatform.Configuration(port: 0))
            benchmark.stopMeasurement()
            await platform.stop()
        }
    }

    Benchmark(
        "MockPlatform.start + stop (in process)",
        configuration: .init(
            metrics: [.wallClock, .cpuTotal], timeUnits: .microseconds, warmupIterations: 3,
            maxDuration: .seconds(10), maxIterations: 100)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            let platform = try await MockPlatform.start(MockPlatform.Configuration(port: 0))
            await platform.stop()
        }
    }
}
