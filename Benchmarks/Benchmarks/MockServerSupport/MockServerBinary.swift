import Foundation

/// Finds the `sante-mock` executable the benchmarks talk to.
///
/// In order: the `SANTE_MOCK_BINARY` environment variable, then `<repository root>/.build/release/sante-mock`, then
/// `<repository root>/.build/debug/sante-mock`, the repository root being computed from this file's location.
enum MockServerBinary {
    /// The environment variable that names the binary explicitly.
    static let environmentVariable = "SANTE_MOCK_BINARY"

    /// The repository root: this file is `<root>/Benchmarks/Benchmarks/RequestPipeline/MockServerBinary.swift`.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // RequestPipeline
        .deletingLastPathComponent()  // Benchmarks (sources)
        .deletingLastPathComponent()  // Benchmarks (package)
        .deletingLastPathComponent()  // repository root

    /// The places looked at, in order.
    static func candidates(environment: [String: String] = ProcessInfo.processInfo.environment) -> [URL] {
        var candidates: [URL] = []
        if let explicit = environment[environmentVariable], !explicit.isEmpty {
            candidates.append(URL(fileURLWithPath: explicit))
        }
        candidates.append(repositoryRoot.appendingPathComponent(".build/release/sante-mock"))
        candidates.append(repositoryRoot.appendingPathComponent(".build/debug/sante-mock"))
        return candidates
    }

    /// The first candidate that is an executable file.
    /// - Throws: ``MockServerError/binaryNotFound(searched:repositoryRoot:)`` when there is none.
    static func locate() throws -> URL {
        let searched = candidates()
        if let found = searched.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) {
            return found
        }
        throw MockServerError.binaryNotFound(searched: searched.map(\.path), repositoryRoot: repositoryRoot.path)
    }
}
