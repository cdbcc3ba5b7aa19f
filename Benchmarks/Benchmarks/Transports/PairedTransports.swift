import Benchmark
import MockServerSupport
import NIOPosix

/// The one event loop every client of the paired benchmarks runs on. With AsyncHTTPClient's default group (one loop
/// per core), how each client's connections fall on the loops is fixed for the life of the clients and moved the
/// 16-concurrent ratio by up to 0.2 between runs; on one loop, both sides are placed alike.
let pairedEventLoop = MultiThreadedEventLoopGroup(numberOfThreads: 1)

/// SanteKit on `AsyncHTTPClientTransport` and bare AsyncHTTPClient against one server, for the paired benchmarks:
/// both sides in the same iteration, in alternating blocks, so that they see the same machine at the same moment.
struct PairedTransportFixture: BenchmarkFixture {
    let server: MockServerProcess
    let santeKit: TransportFixture
    let baseline: TransportFixture
    let size: TransportFixture.BodySize

    /// Starts a server and builds both clients against it.
    /// - Parameters:
    ///   - size: The response size.
    ///   - santeKit: The SanteKit configuration measured.
    ///   - baseline: The bare AsyncHTTPClient configuration compared against.
    static func start(
        size: TransportFixture.BodySize, santeKit: TransportFixture.Path, baseline: TransportFixture.Path
    ) async throws -> PairedTransportFixture {
        let server = try await MockServerProcess.start()
        do {
            return PairedTransportFixture(
                server: server,
                santeKit: try TransportFixture(
                    server: server, path: santeKit, size: size, eventLoopGroup: pairedEventLoop),
                baseline: try TransportFixture(
                    server: server, path: baseline, size: size, eventLoopGroup: pairedEventLoop),
                size: size)
        } catch {
            await server.stop()
            throw error
        }
    }

    /// Shuts the clients down, then the server.
    func stop() async {
        await santeKit.shutDownClient()
        await baseline.shutDownClient()
        await server.stop()
    }

    /// Sends `count` requests from `workers` tasks on one side.
    /// - Throws: ``PairedTransportError`` when the bytes received are not the bytes asked for.
    static func block(_ fixture: TransportFixture, count: Int, workers: Int) async throws {
        let bytes = try await ConcurrentRequests.run(total: count, workers: workers) { try await fixture.fetch() }
        guard bytes == count * fixture.size.rawValue else {
            throw PairedTransportError(received: bytes, expected: count * fixture.size.rawValue)
        }
    }
}

/// A paired block received other bytes than it asked for.
struct PairedTransportError: Error, CustomStringConvertible {
    let received: Int
    let expected: Int
    var description: String { "received \(received) bytes, expected \(expected)" }
}

/// The paired fixture of the benchmark being run.
let pairedSlot = BenchmarkFixtureSlot<PairedTransportFixture>()

/// The paired benchmarks' metrics: SanteKit's requests per second as thousandths of bare AsyncHTTPClient's (the
/// target is at least 900), and its CPU time as thousandths of the baseline's.
let throughputRatio = BenchmarkMetric.custom(
    "Requests/s ratio (‰)", polarity: .prefersLarger, useScalingFactor: false)
let pairedCPURatio = BenchmarkMetric.custom("CPU ratio (‰)", polarity: .prefersSmaller, useScalingFactor: false)

/// Registers one paired benchmark: `blocks` blocks a side of `requestsPerBlock` requests from `workers` tasks.
/// - Parameters:
///   - size: The response size.
///   - workers: The number of tasks sending at once.
///   - santeKit: SanteKit on the transport with its default configuration, or without its read timeout.
///   - baseline: Bare AsyncHTTPClient with its default configuration, or with the timeouts the transport sets.
func registerPairedBenchmark(
    size: TransportFixture.BodySize, workers: Int, santeKit: TransportFixture.Path, baseline: TransportFixture.Path
) {
    let mode = workers == 1 ? "sequential" : "\(workers) concurrent"
    let (blocks, requestsPerBlock) = size == .small ? (10, 100) : (8, 8)
    let baselineName =
        baseline == .bareAsyncHTTPClient ? "bare AsyncHTTPClient" : "bare AsyncHTTPClient with the same timeouts"
    let santeKitName =
        santeKit == .santeKitOnAsyncHTTPClient
        ? "AsyncHTTPClientTransport" : "AsyncHTTPClientTransport(readTimeout: nil)"
    Benchmark(
        "Paired: SanteKit on \(santeKitName) ÷ \(baselineName), GET \(size.label), \(mode) (‰)",
        configuration: .init(
            metrics: [throughputRatio, pairedCPURatio], maxDuration: .seconds(12), maxIterations: 20,
            setup: {
                try await pairedSlot.setUp {
                    try await PairedTransportFixture.start(size: size, santeKit: santeKit, baseline: baseline)
                }
            },
            teardown: { await pairedSlot.tearDown() })
    ) { benchmark in
        guard let fixture = pairedSlot.fixture else {
            return benchmark.error("the mock server is not running")
        }
        let (santeKit, baseline) = try await PairedComparison.run(
            blocks: blocks, requestsPerBlock: 1,
            santeKit: {
                try await PairedTransportFixture.block(fixture.santeKit, count: requestsPerBlock, workers: workers)
            },
            baseline: {
                try await PairedTransportFixture.block(fixture.baseline, count: requestsPerBlock, workers: workers)
            })
        guard santeKit.wallNanoseconds > 0, baseline.cpuNanoseconds > 0 else {
            return benchmark.error("no time measured")
        }
        benchmark.measurement(throughputRatio, Int(baseline.wallNanoseconds * 1000 / santeKit.wallNanoseconds))
        benchmark.measurement(pairedCPURatio, Int(santeKit.cpuNanoseconds * 1000 / baseline.cpuNanoseconds))
    }
}
