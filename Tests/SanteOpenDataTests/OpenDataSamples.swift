import Foundation
import SanteCore

/// The real open-data samples in `<repository root>/../shared/data/opendata`, when that folder exists.
enum OpenDataSamples {
    /// `…/Tests/SanteOpenDataTests/OpenDataSamples.swift` → the repository root is three levels up.
    static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("../shared/data/opendata")
        .standardizedFileURL

    /// Whether the samples folder is present.
    static var folderExists: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Every sample file relative to ``folder`` (the provenance notes excepted), sorted.
    static let relativePaths: [String] = {
        guard folderExists,
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        else { return [] }
        let rootPath = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        var paths: [String] = []
        for case let url as URL in enumerator {
            let path = url.standardizedFileURL.path
            var isDirectory: ObjCBool = false
            guard path.hasPrefix(rootPath), FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
                !isDirectory.boolValue, url.pathExtension != "md"
            else { continue }
            paths.append(String(path.dropFirst(rootPath.count)))
        }
        return paths.sorted()
    }()

    /// The URL of one sample.
    static func url(_ relativePath: String) -> URL {
        folder.appendingPathComponent(relativePath)
    }

    /// The bytes of one sample.
    static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: url(relativePath))
    }

    /// A recorded udata response: `{request, status, headers, body}`.
    struct RecordedResponse: Decodable {
        let request: String
        let status: Int
        let headers: [String: String]
        let body: JSONValue

        /// The body as JSON text.
        var bodyText: String {
            (try? String(decoding: JSONEncoder().encode(body), as: UTF8.self)) ?? "null"
        }
    }

    /// One recorded udata response from `udata-api-responses/`.
    static func recorded(_ name: String) throws -> RecordedResponse {
        try JSONDecoder().decode(RecordedResponse.self, from: data("udata-api-responses/\(name).json"))
    }
}

/// JSON comparison helpers.
enum TestJSON {
    /// Parses JSON bytes into a `JSONValue`.
    static func parse(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// Encodes a value and parses it back into a `JSONValue`.
    static func encode<Value: Encodable>(_ value: Value) throws -> JSONValue {
        try parse(try JSONEncoder().encode(value))
    }

    /// Decodes a value from a `JSONValue`.
    static func decode<Value: Decodable>(_ type: Value.Type, from value: JSONValue) throws -> Value {
        try JSONDecoder().decode(type, from: try JSONEncoder().encode(value))
    }
}
