import Foundation
import HTTPTypes
import NIOCore
import SanteCore

/// JSON helpers of the mock DMP: resources are kept as JSON objects so that nothing the client sent is lost.
enum DMPJSON {
    /// A JSON object as the mock keeps a resource.
    typealias Object = [String: JSONValue]

    /// Decodes a request body as one JSON object.
    /// - Throws: ``DMPFailure`` `400` (`structure`) when the body is not a JSON object.
    static func object(from buffer: ByteBuffer) throws(DMPFailure) -> Object {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(buffer.readableBytesView))
        } catch {
            throw DMPFailure(.badRequest, "structure", "The body is not valid JSON: \(error)")
        }
        guard let object = value.objectValue else {
            throw DMPFailure(.badRequest, "structure", "The body is not a JSON object")
        }
        return object
    }

    /// Compact JSON bytes with sorted keys.
    static func data(_ value: JSONValue) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a JSONValue cannot fail but for non-finite numbers, which decoding never produces.
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }

    /// The string values of every `coding` of a CodeableConcept (or array of them) as `(system, code)`.
    static func codings(_ value: JSONValue?) -> [(system: String?, code: String?)] {
        guard let value else { return [] }
        if let array = value.arrayValue {
            return array.flatMap { codings($0) }
        }
        if let codingArray = value["coding"]?.arrayValue {
            return codingArray.map { ($0["system"]?.stringValue, $0["code"]?.stringValue) }
        }
        if value["code"] != nil || value["system"] != nil {
            return [(value["system"]?.stringValue, value["code"]?.stringValue)]
        }
        return []
    }
}

extension JSONValue {
    /// The value at a path of object keys, array indices written as numbers.
    func dmpValue(at path: String...) -> JSONValue? {
        var current: JSONValue? = self
        for key in path {
            guard let value = current else { return nil }
            if let index = Int(key), let array = value.arrayValue {
                current = array.indices.contains(index) ? array[index] : nil
            } else {
                current = value[key]
            }
        }
        return current
    }

    /// The non-empty string, if this is one.
    var dmpNonEmptyString: String? {
        guard let string = stringValue, !string.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return string
    }
}
