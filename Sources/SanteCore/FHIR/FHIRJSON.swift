public import Foundation

/// The JSON settings every SanteKit FHIR payload is read and written with.
///
/// The encoder sorts keys and never escapes `/`, so URLs stay readable and output is stable.
/// Decoding errors become ``FHIRDecodingError`` with the coding path of the offending member.
public enum FHIRJSON {
    /// A decoder for FHIR JSON.
    ///
    /// FHIR types decode their dates and binary data themselves, so no strategy is set.
    public static func decoder() -> JSONDecoder {
        JSONDecoder()
    }

    /// An encoder for FHIR JSON: sorted keys, no `\/` escaping.
    ///
    /// - Parameter prettyPrinted: Whether to indent the output.
    public static func encoder(prettyPrinted: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        var formatting: JSONEncoder.OutputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if prettyPrinted { formatting.insert(.prettyPrinted) }
        encoder.outputFormatting = formatting
        return encoder
    }

    /// Decodes FHIR JSON into `type`.
    ///
    /// - Parameters:
    ///   - type: The type to decode, such as ``FHIRBundle`` or ``AnyFHIRResource``.
    ///   - data: The JSON bytes.
    ///   - operation: The operation decoding, recorded in the error.
    /// - Returns: The decoded value.
    /// - Throws: ``FHIRDecodingError`` with the coding path of the member that failed.
    public static func decode<Value: Decodable>(
        _ type: Value.Type,
        from data: Data,
        operation: String? = nil
    ) throws(FHIRDecodingError) -> Value {
        do {
            return try decoder().decode(Value.self, from: data)
        } catch let error as DecodingError {
            throw FHIRDecodingError(error, operation: operation)
        } catch let error as FHIRDecodingError {
            throw error
        } catch {
            throw FHIRDecodingError(
                codingPath: "", message: String(describing: error), operation: operation, underlyingError: error)
        }
    }

    /// Encodes a value as FHIR JSON with sorted keys and unescaped slashes.
    ///
    /// - Parameters:
    ///   - value: The value to encode.
    ///   - prettyPrinted: Whether to indent the output.
    ///   - operation: The operation encoding, recorded in the error.
    /// - Returns: The JSON bytes.
    /// - Throws: ``FHIREncodingError`` when a value cannot be written, such as a non-finite number.
    public static func encode<Value: Encodable>(
        _ value: Value,
        prettyPrinted: Bool = false,
        operation: String? = nil
    ) throws(FHIREncodingError) -> Data {
        do {
            return try encoder(prettyPrinted: prettyPrinted).encode(value)
        } catch {
            throw FHIREncodingError(error, operation: operation)
        }
    }
}
