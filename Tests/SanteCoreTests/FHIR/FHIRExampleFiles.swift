import Foundation
import SanteCore

/// The official FHIR examples in `<repository root>/../shared/data/fhir`, when that folder exists.
enum FHIRExampleFiles {
    /// `…/Tests/SanteCoreTests/FHIR/FHIRExampleFiles.swift` → repository root is four levels up.
    static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("../shared/data/fhir")
        .standardizedFileURL

    /// Whether the examples folder is present.
    static var folderExists: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Paths of every `.json` example relative to ``folder``, except the `openapi/` folder, sorted.
    static let relativePaths: [String] = {
        guard folderExists,
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        else { return [] }
        let rootPath = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        var paths: [String] = []
        for case let url as URL in enumerator where url.pathExtension == "json" {
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(rootPath) else { continue }
            let relative = String(path.dropFirst(rootPath.count))
            if relative.split(separator: "/").contains("openapi") { continue }
            paths.append(relative)
        }
        return paths.sorted()
    }()

    /// The bytes of one example.
    static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(relativePath))
    }
}

/// JSON helpers for the FHIR tests, all through the public API.
enum FHIRTestJSON {
    /// Parses JSON bytes into a `JSONValue`, which ignores key order and whitespace when compared.
    static func parse(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// Encodes a value with the FHIR encoder and parses the result back into a `JSONValue`.
    static func encode<Value: Encodable>(_ value: Value) throws -> JSONValue {
        try parse(try FHIRJSON.encode(value))
    }

    /// Decodes a `JSONValue` subtree as a FHIR type with the FHIR decoder.
    static func decode<Value: Decodable>(_ type: Value.Type, from json: JSONValue) throws -> Value {
        try FHIRJSON.decode(type, from: try JSONEncoder().encode(json))
    }
}
