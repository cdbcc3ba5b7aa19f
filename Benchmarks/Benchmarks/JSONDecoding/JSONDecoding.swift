import Benchmark
import Foundation
import SanteHTTP

// `SanteHTTPClient.decodeJSON` on the same bytes, with the default decoder (read straight from the bytes) and with a
// decoder whose options keep `JSONDecoder` (one option changed that these types never use): the mock's echo answer
// (the request pipeline benchmark's response), 100 of them in an array, and a FHIR-like bundle of 20 patients.
// Each iteration decodes the document 1,000 times (scaling factor `.kilo`): the table shows figures per decode.

/// Decodes `document` as `type` through `decodeJSON`, 1,000 times per iteration.
func decodeBenchmark<Value: Decodable>(
    _ name: String, _ type: Value.Type, _ document: Data, decoder: JSONDecoder
) {
    Benchmark(name) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(
                try DecodingFixtures.client.decodeJSON(
                    type, from: document, response: DecodingFixtures.response, request: DecodingFixtures.request,
                    decoder: decoder))
        }
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal],
        timeUnits: .microseconds,
        warmupIterations: 1,
        scalingFactor: .kilo,
        maxDuration: .seconds(10),
        maxIterations: 30
    )
    let documents: [(String, Data)] = [
        ("echo", DecodingFixtures.echo), ("100 echoes", DecodingFixtures.echoes),
        ("FHIR bundle", DecodingFixtures.bundle),
    ]
    for (label, document) in documents {
        for (side, decoder) in [("bytes", JSONDecoder()), ("JSONDecoder", DecodingFixtures.foundationOnly)] {
            let name = "decodeJSON \(label) (\(document.count) B), \(side)"
            switch label {
            case "echo": decodeBenchmark(name, Echo.self, document, decoder: decoder)
            case "100 echoes": decodeBenchmark(name, [Echo].self, document, decoder: decoder)
            default: decodeBenchmark(name, PatientBundle.self, document, decoder: decoder)
            }
        }
    }
}
