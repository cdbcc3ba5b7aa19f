import Benchmark
import ProSanteConnect
import SanteCore

// ID-token verification with a warm JWK set, no request per verification, against the bare signature check of the
// same token with the same key (SanteCore's JWSVerifier), measured in the same run:
//
// - "ProSanteConnect verifyIDToken RS256" / "ES256": the algorithm policy, the cached key set lookup, the signature,
//   then every claim check of OpenID Connect Core §3.1.3.7 (issuer, audience, azp, times, acr).
// - "Baseline: JWSVerifier RS256" / "ES256": parsing and the signature only.
//
// Each measured iteration verifies 1,000 tokens (scaling factor `.kilo`); the table shows figures per verification.

let fixtureTask = Task { try await VerificationFixture.make() }

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal],
        timeUnits: .microseconds,
        warmupIterations: 1,
        scalingFactor: .kilo,
        maxDuration: .seconds(10),
        maxIterations: 30
    )

    Benchmark("ProSanteConnect verifyIDToken RS256") { benchmark in
        let fixture = try await fixtureTask.value
        for _ in benchmark.scaledIterations {
            blackHole(try await fixture.client.verifyIDToken(fixture.rsaToken))
        }
    }

    Benchmark("Baseline: JWSVerifier RS256 (signature only)") { benchmark in
        let fixture = try await fixtureTask.value
        for _ in benchmark.scaledIterations {
            blackHole(try fixture.rsaVerifier.verify(fixture.rsaToken))
        }
    }

    Benchmark("ProSanteConnect verifyIDToken ES256") { benchmark in
        let fixture = try await fixtureTask.value
        for _ in benchmark.scaledIterations {
            blackHole(try await fixture.client.verifyIDToken(fixture.ecToken))
        }
    }

    Benchmark("Baseline: JWSVerifier ES256 (signature only)") { benchmark in
        let fixture = try await fixtureTask.value
        for _ in benchmark.scaledIterations {
            blackHole(try fixture.ecVerifier.verify(fixture.ecToken))
        }
    }
}
