import Benchmark
import Foundation

// Streaming readers against Python's standard library, measured in the same run on files generated once into a
// temporary directory (see `BenchmarkFiles`):
//
// - "SanteKit CSV: sum n_dose1 (CSVRows.batches)": every record of the 1,000,000-row VACSI-shaped CSV through
//   `CSVRows(...).batches`, the column resolved once from the header, each value parsed from the bytes.
// - "SanteKit CSV: sum n_dose1 (CSVRow per row)": the same through the row-by-row `CSVRow` API (every field
//   decoded into a String, the column looked up by name).
// - "Baseline: Python csv.reader sum n_dose1": `python3 Benchmarks/Baselines/csv_sum.py FILE n_dose1`.
// - "SanteKit JSON: decode every ViteMaDoseCentre": the 50 MB array streamed with `JSONArrayElements`, each element
//   decoded into a `ViteMaDoseCentre`.
// - "SanteKit JSON: scan elements only": the same array streamed with `JSONArrayElements`, each element copied out
//   as raw bytes and not decoded (what the scanner costs alone).
// - "Baseline: Python json.load + iterate": `python3 Benchmarks/Baselines/json_places.py FILE`.
// - "Idle: stat the files": nothing but reading the files' sizes, so that the peak resident memory of the
//   others can be read against this process's own at rest.
//
// One iteration reads the whole file once. The Python children's wall time includes the interpreter's start-up;
// their CPU time and peak memory are not in this process's metrics, so the scripts report theirs, recorded as the
// custom metrics "Python CPU (ms)" and "Python peak RSS (KiB)".

let pythonCPU = BenchmarkMetric.custom("Python CPU (ms)", polarity: .prefersSmaller, useScalingFactor: false)
let pythonPeakMemory = BenchmarkMetric.custom(
    "Python peak RSS (KiB)", polarity: .prefersSmaller, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .throughput, .peakMemoryResident]
    Benchmark.defaultConfiguration = .init(
        metrics: metrics,
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(20),
        maxIterations: 15
    )
    Benchmark.setup = { try BenchmarkFiles.ensureGenerated() }

    let csv = BenchmarkFiles.csvFile
    let json = BenchmarkFiles.jsonFile
    let column = BenchmarkFiles.summedColumn

    Benchmark("SanteKit CSV: sum n_dose1 (CSVRows.batches)") { benchmark in
        let expected = try BenchmarkFiles.expectedSum(of: csv)
        for _ in benchmark.scaledIterations {
            let result = try await SanteKitReaders.sumColumnWithBatches(csv, column: column)
            guard result.rows == BenchmarkFiles.csvRowCount, result.sum == expected else {
                benchmark.error("read \(result.rows) rows summing \(result.sum), expected \(expected)")
                return
            }
            blackHole(result.sum)
        }
    }

    Benchmark(
        "SanteKit CSV: sum n_dose1 (CSVRow per row)",
        configuration: .init(metrics: metrics, timeUnits: .milliseconds, maxDuration: .seconds(20), maxIterations: 8)
    ) { benchmark in
        let expected = try BenchmarkFiles.expectedSum(of: csv)
        for _ in benchmark.scaledIterations {
            let result = try await SanteKitReaders.sumColumnWithRows(csv, column: column)
            guard result.rows == BenchmarkFiles.csvRowCount, result.sum == expected else {
                benchmark.error("read \(result.rows) rows summing \(result.sum), expected \(expected)")
                return
            }
            blackHole(result.sum)
        }
    }

    Benchmark(
        "Baseline: Python csv.reader sum n_dose1",
        configuration: .init(
            metrics: metrics + [pythonCPU, pythonPeakMemory], timeUnits: .milliseconds, warmupIterations: 1,
            maxDuration: .seconds(20), maxIterations: 10)
    ) { benchmark in
        let expected = try BenchmarkFiles.expectedSum(of: csv)
        for _ in benchmark.scaledIterations {
            let report = try PythonBaseline.run("csv_sum.py", [csv.path, column])
            guard report["rows"] == BenchmarkFiles.csvRowCount, report["sum"] == expected else {
                benchmark.error("Python read \(report["rows"] ?? -1) rows summing \(report["sum"] ?? -1)")
                return
            }
            benchmark.measurement(pythonCPU, report["cpu_ms"] ?? 0)
            benchmark.measurement(pythonPeakMemory, report["maxrss_kib"] ?? 0)
            blackHole(report)
        }
    }

    Benchmark(
        "SanteKit JSON: decode every ViteMaDoseCentre",
        configuration: .init(metrics: metrics, timeUnits: .milliseconds, maxDuration: .seconds(20), maxIterations: 10)
    ) { benchmark in
        let expected = try BenchmarkFiles.expectedSum(of: json)
        for _ in benchmark.scaledIterations {
            let result = try await SanteKitReaders.decodeCentres(json)
            guard result.places == BenchmarkFiles.centreCount, result.sum == expected else {
                benchmark.error("decoded \(result.places) centres summing \(result.sum), expected \(expected)")
                return
            }
            blackHole(result.sum)
        }
    }

    Benchmark(
        "SanteKit JSON: scan elements only",
        configuration: .init(metrics: metrics, timeUnits: .milliseconds, maxDuration: .seconds(20), maxIterations: 15)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            let result = try await SanteKitReaders.scanElements(json)
            guard result.places == BenchmarkFiles.centreCount else {
                benchmark.error("found \(result.places) elements, expected \(BenchmarkFiles.centreCount)")
                return
            }
            blackHole(result.bytes)
        }
    }

    Benchmark(
        "Baseline: Python json.load + iterate",
        configuration: .init(
            metrics: metrics + [pythonCPU, pythonPeakMemory], timeUnits: .milliseconds, warmupIterations: 1,
            maxDuration: .seconds(20), maxIterations: 10)
    ) { benchmark in
        let expected = try BenchmarkFiles.expectedSum(of: json)
        for _ in benchmark.scaledIterations {
            let report = try PythonBaseline.run("json_places.py", [json.path])
            guard report["places"] == BenchmarkFiles.centreCount, report["sum"] == expected else {
                benchmark.error("Python read \(report["places"] ?? -1) centres summing \(report["sum"] ?? -1)")
                return
            }
            benchmark.measurement(pythonCPU, report["cpu_ms"] ?? 0)
            benchmark.measurement(pythonPeakMemory, report["maxrss_kib"] ?? 0)
            blackHole(report)
        }
    }

    Benchmark(
        "Idle: stat the files",
        configuration: .init(metrics: metrics, timeUnits: .milliseconds, maxDuration: .seconds(3), maxIterations: 20)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(BenchmarkFiles.size(of: csv) + BenchmarkFiles.size(of: json))
        }
    }
}
