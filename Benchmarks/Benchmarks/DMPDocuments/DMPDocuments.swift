import Benchmark
import Foundation
import HTTPTypes
import MockServerSupport
import SanteDMP

// DMP publish and retrieve against an out-of-process `sante-mock`, each against a bare-transport baseline measured
// in the same run. Documents are 64 KiB.
//
// - "SanteDMP publish (ITI-65)": a new `DMPPublication` (fresh unique ids), validated, hashed (size + SHA-1), the
//   transaction Bundle built with the content spliced in as base64, sent through the standard middlewares, the
//   `transaction-response` decoded into a `DMPDocumentEntry`.
// - "Baseline: bare transport POST of a captured transaction": the same client's transaction bytes, captured before
//   measuring (each sent once, so every one stores a new document), posted by the same `URLSessionTransport`; the
//   answer collected, not decoded.
// - "SanteDMP retrieve (ITI-68, size + SHA-1 checked)": the stored document's content streamed and checked.
// - "Baseline: bare transport GET of the same Binary": the same bytes, no check.
//
// Every benchmark gets a freshly started server. Each iteration is one request.

let slot = BenchmarkFixtureSlot<DocumentFixture>()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .microseconds,
        warmupIterations: 3,
        maxDuration: .seconds(15),
        maxIterations: DocumentFixture.capturedTransactions - 3
    )
    Benchmark.setup = { try await slot.setUp { try await DocumentFixture.start() } }
    Benchmark.teardown = { await slot.tearDown() }

    Benchmark("SanteDMP publish (ITI-65) 64 KiB") { benchmark in
        guard let fixture = slot.fixture else { return benchmark.error("the mock server is not running") }
        for _ in benchmark.scaledIterations {
            let outcome = try await fixture.client.publish(try DocumentFixture.publication(fixture.content))
            guard outcome.isCreated else { return benchmark.error("a publication was not created") }
            blackHole(outcome)
        }
    }

    Benchmark("Baseline: bare transport POST of a captured 64 KiB transaction") { benchmark in
        guard let fixture = slot.fixture else { return benchmark.error("the mock server is not running") }
        for _ in benchmark.scaledIterations {
            guard let index = fixture.nextTransaction.take(below: fixture.transactions.count) else {
                return benchmark.error("every captured transaction was sent")
            }
            let status = try await fixture.sendCaptured(index)
            guard status == .ok else { return benchmark.error("the transaction got \(status.code)") }
        }
    }

    Benchmark("SanteDMP retrieve (ITI-68) 64 KiB, size + SHA-1 checked") { benchmark in
        guard let fixture = slot.fixture else { return benchmark.error("the mock server is not running") }
        for _ in benchmark.scaledIterations {
            let data = try await fixture.client.retrieve(fixture.storedEntry).collect()
            guard data.count == DocumentFixture.documentSize else { return benchmark.error("short content") }
            blackHole(data)
        }
    }

    Benchmark("Baseline: bare transport GET of the same 64 KiB Binary") { benchmark in
        guard let fixture = slot.fixture else { return benchmark.error("the mock server is not running") }
        for _ in benchmark.scaledIterations {
            let data = try await fixture.fetchBinary()
            guard data.count == DocumentFixture.documentSize else { return benchmark.error("short content") }
            blackHole(data)
        }
    }
}
