package import Foundation

/// A `Decodable` type that can also decode itself straight from the bytes of one JSON value, through a
/// ``JSONByteReader``, to the same value `JSONDecoder` gives, without `JSONDecoder`'s containers.
///
/// ``DecodedJSONElements`` uses it when its decoder has the default options (see
/// `JSONDecoder.hasDefaultOptions`), and falls back to `JSONDecoder` when it throws, so an element that does
/// not decode fails with exactly the error `JSONDecoder` gives.
package protocol JSONBytesDecodable: Decodable {
    /// Reads one value, which starts at the reader's position.
    /// - Parameter reader: The reader, left after the value.
    /// - Throws: `DecodingError` or ``StreamingReadError``, as `JSONDecoder` would fail (maybe with another
    ///   message or for another member).
    init(json reader: inout JSONByteReader) throws
}

extension JSONBytesDecodable {
    /// Decodes one JSON document from its bytes.
    ///
    /// Malformed JSON anywhere in the document wins over a member of the wrong type, as in `JSONDecoder`,
    /// which reads the whole document before decoding.
    /// - Parameter bytes: The UTF-8 bytes; whitespace may surround the value.
    /// - Throws: ``StreamingReadError`` for malformed JSON, else `DecodingError`.
    package init(jsonBytes bytes: UnsafeRawBufferPointer) throws {
        do {
            var reader = JSONByteReader(bytes)
            self = try Self(json: &reader)
            try reader.finish()
        } catch let error as DecodingError {
            _ = try JSONValue(jsonBytes: bytes)
            throw error
        }
    }
}

extension JSONDecoder {
    /// Whether every option is at its default, so that a ``JSONBytesDecodable`` type decodes the same
    /// without it. A subclass never has: it may decode its own way.
    package var hasDefaultOptions: Bool {
        guard type(of: self) == JSONDecoder.self, case .useDefaultKeys = keyDecodingStrategy,
            case .deferredToDate = dateDecodingStrategy,
            case .base64 = dataDecodingStrategy, case .throw = nonConformingFloatDecodingStrategy
        else { return false }
        return !allowsJSON5 && !assumesTopLevelDictionary && userInfo.isEmpty
    }
}
