import Foundation

/// Converts between `JSONValue` trees and `Codable` values.
enum JSONValueConversion {
    /// Decodes `type` from a JSON tree.
    ///
    /// - Throws: ``FHIRDecodingError`` with a path relative to `value`.
    static func decode<Value: Decodable>(_ type: Value.Type, from value: JSONValue) throws(FHIRDecodingError) -> Value {
        let data: Data
        do {
            data = try JSONEncoder().encode(value)
        } catch {
            throw FHIRDecodingError(
                codingPath: "", message: "JSON value cannot be written: \(error)", underlyingError: error)
        }
        return try FHIRJSON.decode(Value.self, from: data)
    }

    /// Encodes a value into a JSON tree.
    ///
    /// - Throws: ``FHIREncodingError`` when the value cannot be written.
    static func encode<Value: Encodable>(_ value: Value) throws(FHIREncodingError) -> JSONValue {
        let data = try FHIRJSON.encode(value)
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw FHIREncodingError(error)
        }
    }
}
