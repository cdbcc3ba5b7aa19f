import Benchmark
import MockServerSupport
import SanteOpenData

// The slot finder over the 101 départements against an out-of-process `sante-mock` that adds 50 ms of latency to
// every Vite Ma Dose file (a `latency` fault on `GET /data/vitemadose/*`), with named baselines measured in the
// same run:
//
// - "Baseline: one département file (one round of latency)": `ViteMaDoseClient.departmentFile("69")`, the cost of
//   one round.
// - "SlotFinder: 101 départements, default concurrency (8)": `SlotFinder.find(.departments(all 101))`. The target is
//   a wall time close to ceil(101 / 8) = 13 rounds, not 101.
// - "Baseline: SlotFinder with concurrency 1 (the sequential sum)": the same search one file at a time, which
//   costs about 101 rounds.
//
// All three use the AsyncHTTPClient transport (8 connections per host, matching the finder's bound) and the
// standard middlewares. Each benchmark gets a freshly started server; the warm-up iteration makes the mock generate
// the files it then caches.

/// The server and clients of the benchmark being run.
let fixtureSlot = BenchmarkFixtureSlot<SlotFinderFixture>()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        scalingFactor: .one,
        maxDuration: .seconds(15),
        maxIterations: 30
    )
    Benchmark.setup = { try await fixtureSlot.setUp { try await SlotFinderFixture.start() } }
    Benchmark.teardown = { await fixtureSlot.tearDown() }

    Benchmark("Baseline: one département file (one round of latency)") { benchmark in
        guard let fixture = fixtureSlot.fixture else {
            benchmark.error("the mock server is not running")
            return
        }
        for _ in benchmark.scaledIterations {
            let file = try await fixture.client.departmentFile(SlotFinderFixture.singleDepartment)
            guard !file.availableCentres.isEmpty || !file.unavailableCentres.isEmpty else {
                benchmark.error("the département file has no centre")
                return
            }
            blackHole(file)
        }
    }

    Benchmark("SlotFinder: 101 départements, default concurrency (8)") { benchmark in
        guard let fixture = fixtureSlot.fixture else {
            benchmark.error("the mock server is not running")
            return
        }
        for _ in benchmark.scaledIterations {
            let result = try await fixture.finder.find(.departments(fixture.departments))
            guard result.departments.count == 101, result.isComplete, !result.places.isEmpty else {
                benchmark.error("incomplete search: \(result.departments.count) départements, \(result.failures)")
                return
            }
            blackHole(result)
        }
    }

    var sequential = Benchmark.defaultConfiguration
    sequential.maxIterations = 5
    sequential.maxDuration = .seconds(30)
    Benchmark("Baseline: SlotFinder with concurrency 1 (the sequential sum)", configuration: sequential) {
        benchmark in
        guard let fixture = fixtureSlot.fixture else {
            benchmark.error("the mock server is not running")
            return
        }
        for _ in benchmark.scaledIterations {
            let result = try await fixture.sequentialFinder.find(.departments(fixture.departments))
            guard result.departments.count == 101, result.isComplete else {
                benchmark.error("incomplete search: \(result.departments.count) départements, \(result.failures)")
                return
            }
            blackHole(result)
        }
    }
}
