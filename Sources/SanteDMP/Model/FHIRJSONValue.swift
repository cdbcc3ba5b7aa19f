import Foundation
import SanteCore

/// Converts between Codable FHIR values and ``JSONValue`` (the form contained resources are kept in).
enum FHIRJSONValue {
    static func encode<Value: Encodable>(_ value: Value) throws -> JSONValue {
        let data = try FHIRJSON.encode(value)
        return try JSONDecoder().decode(JSONValue.self, from: data)
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from value: JSONValue) throws -> Value {
        let data = try JSONEncoder().encode(value)
        return try FHIRJSON.decode(type, from: data)
    }
}
