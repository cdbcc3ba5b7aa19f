import Foundation

/// Runs one of the Python baseline scripts of `Benchmarks/Baselines` as a child process and reads its one-line
/// report (`key=value` pairs, such as `rows=1000000 sum=… maxrss_kib=… cpu_ms=…`).
///
/// The child's wall time includes the interpreter's start-up; its CPU time and memory are not in the benchmark
/// process's metrics, which is why the script reports its own (`ru_maxrss`, user + system CPU).
enum PythonBaseline {
    /// `Benchmarks/Baselines`, computed from this file's location
    /// (`<root>/Benchmarks/Benchmarks/OpenDataStreaming/PythonBaseline.swift`).
    static let scriptsDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // OpenDataStreaming
        .deletingLastPathComponent()  // Benchmarks (sources)
        .deletingLastPathComponent()  // Benchmarks (package)
        .appendingPathComponent("Baselines")

    /// Runs `python3 <script> <arguments…>` and returns its report.
    /// - Parameters:
    ///   - script: The script's file name, such as `csv_sum.py`.
    ///   - arguments: Its arguments.
    /// - Returns: The report's values by key.
    /// - Throws: ``BenchmarkFileError`` when the script fails or prints something else.
    static func run(_ script: String, _ arguments: [String]) throws -> [String: Int] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptsDirectory.appendingPathComponent(script).path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0 else {
            throw BenchmarkFileError(message: "\(script) exited with status \(process.terminationStatus)")
        }
        var values: [String: Int] = [:]
        for pair in text.split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, let value = Int(parts[1]) { values[String(parts[0])] = value }
        }
        guard !values.isEmpty else { throw BenchmarkFileError(message: "\(script) printed \"\(text)\"") }
        return values
    }
}
