import Foundation
import SanteCore

/// Local file operations for downloads and the cache, each run off the cooperative pool.
enum FileOperations {
    /// The size of the regular file at `url`, or `nil` when there is none.
    static func size(of url: URL) async -> Int64? {
        let path = url.path
        return try? await BlockingIO.run { () -> Int64? in
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                (attributes[.type] as? FileAttributeType) == .typeRegular
            else { return nil }
            return (attributes[.size] as? NSNumber)?.int64Value
        }
    }

    /// Removes the file at `url` if it exists.
    static func remove(_ url: URL) async {
        let path = url.path
        _ = try? await BlockingIO.run { try FileManager.default.removeItem(atPath: path) }
    }

    /// Replaces `destination` with `source` (a rename when both are on the same volume).
    static func move(_ source: URL, to destination: URL, operation: String) async throws {
        let sourcePath = source.path
        let destinationPath = destination.path
        do {
            try await BlockingIO.run {
                let manager = FileManager.default
                let parent = (destinationPath as NSString).deletingLastPathComponent
                if !parent.isEmpty { try manager.createDirectory(atPath: parent, withIntermediateDirectories: true) }
                if manager.fileExists(atPath: destinationPath) { try manager.removeItem(atPath: destinationPath) }
                try manager.moveItem(atPath: sourcePath, toPath: destinationPath)
            }
        } catch {
            throw OpenDataError(
                reason: .fileSystem, message: "cannot move the downloaded file into place", operation: operation,
                underlyingError: error)
        }
    }

    /// Creates `directory` and its parents.
    static func createDirectory(_ directory: URL, operation: String) async throws {
        let path = directory.path
        do {
            try await BlockingIO.run {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            }
        } catch {
            throw OpenDataError(
                reason: .fileSystem, message: "cannot create the directory", operation: operation,
                underlyingError: error)
        }
    }

    /// Writes `value` as JSON to `url`, atomically.
    static func writeJSON<Value: Encodable & Sendable>(_ value: Value, to url: URL, operation: String) async throws {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            let data = try encoder.encode(value)
            try await BlockingIO.run { try data.write(to: url, options: .atomic) }
        } catch {
            throw OpenDataError(
                reason: .fileSystem, message: "cannot write the download metadata", operation: operation,
                underlyingError: error)
        }
    }

    /// Reads JSON from `url`, or `nil` when the file is absent or unreadable.
    static func readJSON<Value: Decodable & Sendable>(_ type: Value.Type, from url: URL) async -> Value? {
        guard let data = try? await BlockingIO.run({ try Data(contentsOf: url) }) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(type, from: data)
    }
}
