import Foundation
import SanteCore
import Testing

@Suite("FileByteChunks streams a local file")
struct FileByteChunksTests {
    @Test("reads a file in chunks of the given size, from an offset")
    func readsChunks() async throws {
        let directory = try StreamingTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("data.bin")
        let bytes = (0..<1000).map { UInt8($0 % 251) }
        try Data(bytes).write(to: file)

        var sizes: [Int] = []
        var read: [UInt8] = []
        for try await chunk in FileByteChunks(url: file, chunkSize: 300) {
            sizes.append(chunk.count)
            read.append(contentsOf: chunk)
        }
        #expect(sizes == [300, 300, 300, 100])
        #expect(read == bytes)

        var tail: [UInt8] = []
        for try await chunk in FileByteChunks(url: file, chunkSize: 64, offset: 900) { tail.append(contentsOf: chunk) }
        #expect(tail == Array(bytes[900...]))
    }

    @Test("an empty file gives no chunks")
    func emptyFile() async throws {
        let directory = try StreamingTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("empty")
        try Data().write(to: file)
        var count = 0
        for try await _ in FileByteChunks(url: file) { count += 1 }
        #expect(count == 0)
    }

    @Test("a missing file throws a fileUnreadable error")
    func missingFile() async {
        let error = await StreamingTestSupport.streamingError {
            for try await _ in FileByteChunks(url: URL(fileURLWithPath: "/nonexistent/santekit/file.csv")) {}
        }
        #expect(error?.reason == .fileUnreadable)
        #expect(error?.code == .configuration)
    }

    @Test("feeds the CSV and JSON readers")
    func feedsReaders() async throws {
        let directory = try StreamingTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("a.csv")
        try Data("a;b\n1;2\n3;4\n".utf8).write(to: csv)
        var sum = 0
        for try await row in CSVRows(FileByteChunks(url: csv, chunkSize: 3)) { sum += row.integer("b") ?? 0 }
        #expect(sum == 6)

        let json = directory.appendingPathComponent("a.json")
        try Data(#"{"features": [{"a": 1}, {"a": 2}]}"#.utf8).write(to: json)
        let elements = try await StreamingTestSupport.elements(
            FileByteChunks(url: json, chunkSize: 5), keyPath: ["features"])
        #expect(elements == [#"{"a": 1}"#, #"{"a": 2}"#])
    }
}
