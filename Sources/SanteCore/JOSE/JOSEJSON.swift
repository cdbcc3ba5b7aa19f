import Foundation

/// The JSON encoder and decoder settings shared by the JOSE code.
enum JOSEJSON {
    /// Compact JSON with sorted member names, unescaped slashes and dates as NumericDate seconds.
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .secondsSince1970
        return encoder
    }

    /// A decoder reading dates as NumericDate seconds.
    static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }

    /// Encodes `value`, mapping failures to ``JOSEError/Reason/encodingFailed``.
    static func encode(_ value: some Encodable) throws(JOSEError) -> Data {
        do {
            return try makeEncoder().encode(value)
        } catch {
            throw JOSEError(.encodingFailed, "could not encode JSON: \(error)", underlyingError: error)
        }
    }

    /// Decodes `type` from `data`, mapping failures to `reason`.
    static func decode<Value: Decodable>(
        _ type: Value.Type, from data: Data, reason: JOSEError.Reason, what: String
    ) throws(JOSEError) -> Value {
        do {
            return try makeDecoder().decode(type, from: data)
        } catch {
            throw JOSEError(reason, "invalid \(what): \(summary(of: error))", underlyingError: error)
        }
    }

    /// A short description of a decoding error, without the input it was decoding.
    static func summary(of error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return "not valid JSON" }
        switch decodingError {
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty && context.underlyingError != nil
                ? "not valid JSON" : context.debugDescription
        case .keyNotFound(let key, _):
            return "missing member \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "wrong type at \"\(path)\""
        @unknown default:
            return "not valid JSON"
        }
    }
}
