package import Foundation

/// Decodes any `Decodable` type straight from the UTF-8 bytes of a JSON document, to exactly what
/// `JSONDecoder()` gives, several times faster and with far fewer allocations.
///
/// It checks the whole document first (``JSONByteReader/validateValue()``, so malformed JSON anywhere fails as
/// in `JSONDecoder`), then decodes lazily: a keyed container indexes its members once and finds a key by
/// comparing bytes, values are read where they are, and the coding path is only built when read.
///
/// It gives a value only when it is sure to be `JSONDecoder`'s: whenever any of its operations throws (even if
/// the type catches the error), or a type that `JSONDecoder` decodes its own way is asked for (`Data`, `URL`,
/// `Decimal`), the run gives up and ``JSONDecoder/decodeUsingBytesFirst(_:from:)`` asks `JSONDecoder`, whose
/// value or error is then the answer.
package enum JSONByteDecoding {
    /// The largest document read (512 MB); a larger one goes to `JSONDecoder`.
    package static let maximumByteCount = 512 * 1024 * 1024

    /// Decodes `type` from a document, or gives `nil` when the answer is `JSONDecoder`'s to give.
    /// - Parameters:
    ///   - type: The type.
    ///   - bytes: The UTF-8 bytes of the document; whitespace may surround the value.
    /// - Returns: The value `JSONDecoder()` would give, or `nil`.
    package static func value<Value: Decodable>(_ type: Value.Type, from bytes: UnsafeRawBufferPointer) -> Value? {
        // Containers keep offsets in 32 bits.
        guard bytes.count < maximumByteCount else { return nil }
        var reader = JSONByteReader(bytes)
        do {
            try reader.validateValue()
            try reader.finish()
        } catch {
            return nil
        }
        let buffer = bytes.assumingMemoryBound(to: UInt8.self)
        var state = JSONByteDecodingState(bytes: buffer)
        defer { state.close() }
        let start = state.layout.skipWhitespace(from: JSONByteReader(buffer).position)
        guard let value = try? state.decode(type, at: start, path: -1), !state.needsFallback else { return nil }
        // A value that kept a decoder or a container would find it closed once the bytes are gone, where
        // `JSONDecoder`'s keeps working: such a value is `JSONDecoder`'s to give.
        guard isKnownUniquelyReferenced(&state) else { return nil }
        return value
    }
}

extension JSONDecoder {
    /// Decodes `type` from `data`, giving exactly what ``decode(_:from:)`` gives (value or error), through
    /// ``JSONByteDecoding`` when the options are the defaults (see ``hasDefaultOptions``).
    /// - Parameters:
    ///   - type: The type.
    ///   - data: The JSON document.
    /// - Returns: The value.
    /// - Throws: `JSONDecoder`'s error when the document does not decode.
    package func decodeUsingBytesFirst<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        if hasDefaultOptions, let value = data.withUnsafeBytes({ JSONByteDecoding.value(type, from: $0) }) {
            return value
        }
        return try decode(type, from: data)
    }
}
