import Benchmark
import Crypto
import Foundation
import SanteNotify
import Synchronization

// Standard Webhooks verification against the bare HMAC-SHA256 check of the same signed content, measured in the
// same run:
//
// - "SanteNotify verifySignature": the three headers read, the id and timestamp checked, the tolerance window, every
//   `v1` signature of the header decoded and compared in constant time.
// - "SanteNotify verify with replay store": the same, then the id remembered in an `InMemoryWebhookReplayStore`
//   (each message id is new).
// - "Baseline: HMAC-SHA256 check (swift-crypto)": `HMAC<SHA256>.isValidAuthenticationCode` on the signed content,
//   with the expected MAC already decoded: the cryptographic floor, no parsing.
//
// Each measured iteration verifies 1,000 messages (scaling factor `.kilo`); the table shows figures per message.

let fixture = Result { try WebhookFixture.make() }
/// The next unused message for the replay-store benchmark, across its iterations (each id is accepted once).
let nextFreshMessage = Atomic<Int>(0)

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal],
        timeUnits: .microseconds,
        warmupIterations: 1,
        scalingFactor: .kilo,
        maxDuration: .seconds(10),
        maxIterations: 40
    )

    Benchmark("SanteNotify verifySignature") { benchmark in
        let fixture = try fixture.get()
        var index = 0
        for _ in benchmark.scaledIterations {
            blackHole(try fixture.verifier.verifySignature(headers: fixture.messages[index], body: fixture.body))
            index = (index + 1) % WebhookFixture.messageCount
        }
    }

    Benchmark("SanteNotify verify with replay store") { benchmark in
        let fixture = try fixture.get()
        for _ in benchmark.scaledIterations {
            let index = nextFreshMessage.add(1, ordering: .relaxed).oldValue
            guard index < WebhookFixture.messageCount else {
                benchmark.error("the benchmark ran out of distinct message ids")
                return
            }
            blackHole(
                try await fixture.verifierWithReplayStore.verify(headers: fixture.messages[index], body: fixture.body))
        }
    }

    Benchmark("Baseline: HMAC-SHA256 check (swift-crypto)") { benchmark in
        let fixture = try fixture.get()
        let contents = (0..<1_000).map { fixture.signedContent($0) }
        let codes = contents.map { Data(HMAC<SHA256>.authenticationCode(for: $0, using: fixture.key)) }
        var index = 0
        for _ in benchmark.scaledIterations {
            blackHole(
                HMAC<SHA256>.isValidAuthenticationCode(
                    codes[index], authenticating: contents[index], using: fixture.key))
            index = (index + 1) % 1_000
        }
    }
}
