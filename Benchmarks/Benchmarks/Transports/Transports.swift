import Benchmark
import MockServerSupport

// Clients fetching the same bytes (`GET /_mock/bytes?count=N`) from an out-of-process `sante-mock`, in the
// same run, each with a freshly started server and its own connection pool:
//
// - "Baseline: bare AsyncHTTPClient": `HTTPClient.execute` on a client with AsyncHTTPClient's default
//   configuration (8 connections per host), the body collected.
// - "Baseline: bare AsyncHTTPClient with the transport's timeouts": the same with the connect (10 s) and read (60 s)
//   timeouts that `AsyncHTTPClientTransport` sets by default. AsyncHTTPClient re-arms its read timer on every read.
// - "Bare AsyncHTTPClientTransport": `AsyncHTTPClientTransport.send`, the body collected, no middleware.
// - "SanteKit on AsyncHTTPClientTransport(readTimeout: nil)": the SanteKit path on a transport without a read
//   timeout, configured like AsyncHTTPClient's default client.
// - "SanteKit on AsyncHTTPClientTransport": `SanteHTTPClient.data(for:)` through the standard middlewares (request
//   id, user agent, timeout, retry, no-op logging, accounting) over an `AsyncHTTPClientTransport()` with its own
//   default client.
// - "SanteKit on URLSessionTransport": the same pipeline over a `URLSessionTransport()`.
// - "Baseline: bare URLSessionTransport": `URLSessionTransport.send`, the body collected.
//
// Two sizes (350 B, 1 MiB), one after the other ("sequential") or from 16 tasks at once ("16 concurrent").
// Each iteration sends `requestsPerIteration` requests; the custom metric "Requests/s" is computed per iteration.

let slot = BenchmarkFixtureSlot<TransportFixture>()

/// The custom metric: requests per second over one iteration.
let requestsPerSecond = BenchmarkMetric.custom("Requests/s", polarity: .prefersLarger, useScalingFactor: false)

/// How many requests one iteration sends.
func requestsPerIteration(_ size: TransportFixture.BodySize) -> Int {
    size == .small ? 1_000 : 64
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, requestsPerSecond],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(8),
        maxIterations: 30
    )

    for size in TransportFixture.BodySize.allCases {
        for workers in [1, 16] {
            for path in TransportFixture.Path.allCases {
                let mode = workers == 1 ? "sequential" : "\(workers) concurrent"
                let count = requestsPerIteration(size)
                let name = "\(path.label) GET \(size.label), \(mode) (\(count) requests per iteration)"
                Benchmark(
                    name,
                    configuration: .init(
                        setup: { try await slot.setUp { try await TransportFixture.start(path: path, size: size) } },
                        teardown: { await slot.tearDown() })
                ) { benchmark in
                    guard let fixture = slot.fixture else {
                        return benchmark.error("the mock server is not running")
                    }
                    let started = ContinuousClock.now
                    let bytes = try await ConcurrentRequests.run(total: count, workers: workers) {
                        try await fixture.fetch()
                    }
                    let elapsed = ContinuousClock.now - started
                    guard bytes == count * size.rawValue else {
                        return benchmark.error("received \(bytes) bytes, expected \(count * size.rawValue)")
                    }
                    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                    benchmark.measurement(requestsPerSecond, Int((Double(count) / seconds).rounded()))
                }
            }
        }
    }
    for size in TransportFixture.BodySize.allCases {
        for workers in [1, 16] {
            // Configured alike (both with the transport's timeouts, or both without a read timeout), then SanteKit's
            // defaults against AsyncHTTPClient's.
            let pairs: [(santeKit: TransportFixture.Path, baseline: TransportFixture.Path)] = [
                (.santeKitOnAsyncHTTPClient, .bareAsyncHTTPClientWithTransportTimeouts),
                (.santeKitOnAsyncHTTPClientWithoutReadTimeout, .bareAsyncHTTPClient),
                (.santeKitOnAsyncHTTPClient, .bareAsyncHTTPClient),
            ]
            for pair in pairs {
                registerPairedBenchmark(size: size, workers: workers, santeKit: pair.santeKit, baseline: pair.baseline)
            }
        }
    }
}
