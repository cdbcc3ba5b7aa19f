import Benchmark
import Foundation
import MockServerSupport
import SanteDMP

// A 50 MB document published to and retrieved from an out-of-process `sante-mock`, through `DMPClient` on
// `AsyncHTTPClientTransport`. What matters is the client's memory: each iteration resets the kernel's peak resident
// size (`VmHWM`, through /proc/self/clear_refs), reads the resident size ("idle"), runs one operation, and reads the
// peak. Custom metrics: "Idle resident (kB)" and "Peak above idle (kB)", in decimal kilobytes.
//
// - "publish 50 MB from a file": `DMPPublication.Content.file`: hashed in chunks, the base64 content streamed into
//   the ITI-65 transaction Bundle.
// - "publish 50 MB from memory": `.data`, the content already in memory before the measurement (so it is in the
//   idle figure); the peak shows what the client adds (base64, the Bundle's JSON).
// - "download 50 MB to a file": `DMPClient.download(_:to:)`, streamed to disk, size and SHA-1 checked.
// - "retrieve 50 MB, streamed": `DMPClient.retrieve(_:)`, every chunk read and dropped, size and SHA-1 checked.

let slot = BenchmarkFixtureSlot<LargeDocumentFixture>()

let idleResident = BenchmarkMetric.custom("Idle resident (kB)", useScalingFactor: false)
let peakAboveIdle = BenchmarkMetric.custom("Peak above idle (kB)", useScalingFactor: false)

/// Runs `operation` between a peak reset and a peak reading, and records both custom metrics.
func measuringMemory(_ benchmark: Benchmark, _ operation: () async throws -> Void) async throws {
    ResidentMemory.resetPeak()
    let idle = ResidentMemory.currentBytes() ?? 0
    try await operation()
    let peak = ResidentMemory.peakBytes() ?? 0
    benchmark.measurement(idleResident, idle / 1_000)
    benchmark.measurement(peakAboveIdle, max(0, peak - idle) / 1_000)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, idleResident, peakAboveIdle],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(30),
        maxIterations: 8,
        setup: { try await slot.setUp { try await LargeDocumentFixture.start() } },
        teardown: { await slot.tearDown() }
    )

    Benchmark("DMP publish 50 MB from a file (AsyncHTTPClientTransport)") { benchmark in
        guard let fixture = slot.fixture else { return benchmark.error("the mock server is not running") }
        let publication = try LargeDocumentFixture.publication(.file(fixture.documentFile))
        try await measuringMemory(benchmark) {
            let outcome = try await fixture.client.publish(publication)
            guard outcome.isCreated else { return benchmark.error("the publication was not created") }
        }
    }

    Benchmark("DMP publish 50 MB from memory (AsyncHTTPClientTransport)") { benchmark in
        guard let fixture = slot.fixture else { return benchmark.error("the mock server is not running") }
        let content = try Data(contentsOf: fixture.documentFile)
        let publication = try LargeDocumentFixture.publication(.data(content))
        try await measuringMemory(benchmark) {
            let outcome = try await fixture.client.publish(publication)
            guard outcome.isCreated else { return benchmark.error("the publication was not created") }
        }
        blackHole(content)
    }

    Benchmark("DMP download 50 MB to a file (AsyncHTTPClientTransport)") { benchmark in
        guard let fixture = slot.fixture else { return benchmark.error("the mock server is not running") }
        let destination = fixture.directory.appending(path: "downloaded.pdf")
        try await measuringMemory(benchmark) {
            let result = try await fixture.client.download(fixture.storedEntry, to: destination)
            guard result.size == LargeDocumentFixture.documentSize else {
                return benchmark.error("downloaded \(result.size) bytes")
            }
        }
        try? FileManager.default.removeItem(at: destination)
    }

    Benchmark("DMP retrieve 50 MB, streamed and dropped (AsyncHTTPClientTransport)") { benchmark in
        guard let fixture = slot.fixture else { return benchmark.error("the mock server is not running") }
        try await measuringMemory(benchmark) {
            var received = 0
            for try await chunk in try await fixture.client.retrieve(fixture.storedEntry) {
                received += chunk.count
            }
            guard received == LargeDocumentFixture.documentSize else {
                return benchmark.error("retrieved \(received) bytes")
            }
        }
    }
}
