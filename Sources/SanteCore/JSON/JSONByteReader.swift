/// A pull reader of JSON over contiguous bytes: the bytes of one document, such as one element that
/// ``JSONArrayElements`` delimited.
///
/// It reads values one token at a time, without building anything it is not asked for: member names
/// are compared as bytes, and a value is read as the type the caller expects (``decodeString(at:)``,
/// ``decodeInt(at:)``, …) or captured whole as a ``JSONValue`` (``readValue()``). Types that decode
/// themselves from it (``JSONBytesDecodable``) skip `JSONDecoder` and its containers.
///
/// It accepts what Foundation's `JSONDecoder` accepts and gives the same values:
/// - strict RFC 8259 grammar, plus a trailing comma before `]` or `}`, as `JSONDecoder` allows;
/// - strings must be valid UTF-8 without raw control characters; escapes include surrogate pairs, and a
///   lone surrogate is an error;
/// - numbers follow ``JSONValue``: ``JSONValue/integer(_:)`` for an integral value that fits in 64 bits
///   (`3`, `3.0`, `1e3`), ``JSONValue/number(_:)`` otherwise; a number beyond `Double` is an error;
/// - the first of duplicate member names wins;
/// - nesting deeper than 512 levels is an error;
/// - a UTF-8 byte order mark at the start is skipped.
///
/// Malformed JSON throws ``StreamingReadError`` (`.malformedJSON`, or `.unexpectedEnd` when the bytes
/// stop early) with the byte offset; a value of the wrong type for a typed read throws `DecodingError`.
///
/// The reader holds a pointer to the bytes: use it only while they are alive, such as inside
/// `withUnsafeBytes`.
package struct JSONByteReader {
    /// The deepest nesting of arrays and objects accepted, as in `JSONDecoder`.
    package static let maximumDepth = 512

    /// The bytes read.
    package let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read.
    package internal(set) var position: Int
    /// The number of arrays and objects open.
    var depth = 0
    /// Room to unescape strings in, kept between strings.
    var scratch: [UInt8] = []

    /// Starts reading at the first byte, after a UTF-8 byte order mark if there is one.
    /// - Parameter bytes: The bytes of the document.
    package init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        position = hasByteOrderMark ? 3 : 0
    }

    /// Starts reading at the first byte, after a UTF-8 byte order mark if there is one.
    /// - Parameter bytes: The bytes of the document.
    package init(_ bytes: UnsafeRawBufferPointer) {
        self.init(bytes.assumingMemoryBound(to: UInt8.self))
    }

    /// The next byte that is not whitespace, not consumed, or `nil` at the end of the bytes.
    @inline(__always)
    mutating func peekByte() -> UInt8? {
        while position < bytes.count {
            let byte = bytes[position]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return byte }
            position += 1
        }
        return nil
    }

    /// The kind of the next value, not consumed.
    /// - Throws: ``StreamingReadError`` when no value starts there.
    package mutating func peekKind() throws -> JSONValueKind {
        guard let byte = peekByte() else { throw syntaxError("expected a value") }
        switch byte {
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: throw syntaxError("expected a value")
        }
    }

    /// Checks that only whitespace follows the value read.
    /// - Throws: ``StreamingReadError`` when anything else follows.
    package mutating func finish() throws {
        guard peekByte() == nil else { throw syntaxError("unexpected bytes after the value") }
    }

    /// A syntax error at the current position.
    func syntaxError(_ message: String) -> StreamingReadError {
        StreamingReadError(
            reason: position >= bytes.count ? .unexpectedEnd : .malformedJSON,
            message: (position >= bytes.count ? "the JSON value ends early: " : "malformed JSON: ") + message,
            byteOffset: Int64(position)
        )
    }
}

/// The kinds of JSON values.
package enum JSONValueKind: Hashable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool
    /// A number.
    case number
    /// A string.
    case string
    /// An array.
    case array
    /// An object.
    case object

    /// The kind's name as `JSONDecoder`'s messages give it.
    var decodingName: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .number: "number"
        case .string: "a string"
        case .array: "an array"
        case .object: "a dictionary"
        }
    }
}
