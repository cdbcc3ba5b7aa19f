import Foundation

/// The two files the benchmarks read, generated once and kept in a temporary directory for every later benchmark
/// process (each benchmark runs in its own process, and the files are only written when missing).
///
/// - `vacsi-a-dep.csv`: a VACSI-shaped CSV by département and age class, 1,000,000 data rows × 10 columns,
///   `;`-separated, `.` decimals: `dep;clage_vacsi;jour;n_dose1;n_complet;n_cum_dose1;n_cum_complet;n_cum_rappel;
///   couv_dose1;couv_complet` (about 47 MB);
/// - `centres.json`: a JSON array of 30,500 Vite Ma Dose vaccination centres in the late-2021 shape (about 50 MB,
///   1,640 bytes a centre).
///
/// Both follow the shapes of the mock platform's benchmark-scale files (`OpenDataScale.benchmark`); they are
/// written here so that the benchmark does not depend on starting the mock.
enum BenchmarkFiles {
    /// The integer column the CSV benchmarks sum.
    static let summedColumn = "n_dose1"
    /// The data rows of the CSV.
    static let csvRowCount = 1_000_000
    /// The centres of the JSON array.
    static let centreCount = 30_500

    /// The directory holding both files, shared by the benchmark processes.
    static let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("santekit-opendata-benchmark-v3-\(csvRowCount)-\(centreCount)")

    /// The VACSI-shaped CSV.
    static var csvFile: URL { directory.appendingPathComponent("vacsi-a-dep.csv") }
    /// The JSON array of centres.
    static var jsonFile: URL { directory.appendingPathComponent("centres.json") }

    /// The sum each file was generated with (`n_dose1` of the CSV, `appointment_count` of the centres), written
    /// next to it so that every benchmark process checks its readers' sums, SanteKit's and Python's alike.
    static func expectedSum(of file: URL) throws -> Int {
        let text = try String(contentsOf: sumFile(of: file), encoding: .utf8)
        guard let sum = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: sumFile(of: file).path])
        }
        return sum
    }

    /// Generates the files unless an earlier process already did.
    /// - Throws: When a file cannot be written.
    static func ensureGenerated() throws {
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        if !manager.fileExists(atPath: csvFile.path) || !manager.fileExists(atPath: sumFile(of: csvFile).path) {
            try write(csvFile) { output in try BenchmarkGenerators.writeVacsi(rows: csvRowCount, into: &output) }
        }
        if !manager.fileExists(atPath: jsonFile.path) || !manager.fileExists(atPath: sumFile(of: jsonFile).path) {
            try write(jsonFile) { output in try BenchmarkGenerators.writeCentres(count: centreCount, into: &output) }
        }
    }

    /// Where the sum a file was generated with is kept.
    private static func sumFile(of file: URL) -> URL { file.appendingPathExtension("sum") }

    /// Writes a file through a `.partial` file, renamed once complete, then the sum it was generated with.
    private static func write(_ destination: URL, _ generate: (inout ChunkedFileWriter) throws -> Int) throws {
        let partial = destination.appendingPathExtension("partial")
        var output = try ChunkedFileWriter(partial)
        let sum = try generate(&output)
        try output.finish()
        try? FileManager.default.removeItem(at: destination)
        try FileManager.default.moveItem(at: partial, to: destination)
        try Data("\(sum)\n".utf8).write(to: sumFile(of: destination), options: .atomic)
    }

    /// The size of a file in bytes.
    static func size(of file: URL) -> Int64 {
        let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
        return (attributes?[.size] as? NSNumber)?.int64Value ?? 0
    }
}

/// Appends text to a file through a 1 MiB buffer.
struct ChunkedFileWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(_ url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw BenchmarkFileError(message: "cannot create \(url.path)")
        }
        handle = try FileHandle(forWritingTo: url)
        buffer.reserveCapacity(1 << 20)
    }

    mutating func append(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 {
            try handle.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    mutating func finish() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll()
        try handle.close()
    }
}

/// A benchmark file could not be generated.
struct BenchmarkFileError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
