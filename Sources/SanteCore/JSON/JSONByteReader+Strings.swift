extension JSONByteReader {
    /// Reads the string that starts here (at its opening quote).
    /// - Returns: The unescaped text.
    /// - Throws: ``StreamingReadError`` when no string starts here, or on a bad escape, a raw control
    ///   character or invalid UTF-8.
    package mutating func readString() throws -> String {
        guard peekByte() == UInt8(ascii: "\"") else { throw syntaxError("expected a string") }
        switch try scanString() {
        case .plain(let text, let isASCII): return try makeString(text, isASCII: isASCII)
        case .escaped(let text): return text
        }
    }

    /// Reads a member name at its opening quote.
    mutating func readMemberName() throws -> JSONMemberName {
        switch try scanString() {
        case .plain(let text, let isASCII):
            if !isASCII { _ = try makeString(text, isASCII: false) }
            return JSONMemberName(raw: text, unescaped: nil)
        case .escaped(let text):
            return JSONMemberName(raw: UnsafeBufferPointer(start: nil, count: 0), unescaped: text)
        }
    }

    /// A string's content: its bytes when it has no escape, else the unescaped text.
    enum ScannedString {
        case plain(UnsafeBufferPointer<UInt8>, isASCII: Bool)
        case escaped(String)
    }

    /// Reads a string from its opening quote to past its closing quote.
    mutating func scanString() throws -> ScannedString {
        position += 1
        let start = position
        var highBits: UInt8 = 0
        if let base = bytes.baseAddress {
            // Eight bytes at a time while none is a quote, a backslash or a control character.
            var wideBits: UInt64 = 0
            while position + 8 <= bytes.count {
                let word = JSONWordScan.word(base, at: position)
                guard
                    !JSONWordScan.contains(UInt8(ascii: "\""), in: word)
                        && !JSONWordScan.contains(UInt8(ascii: "\\"), in: word) && !JSONWordScan.containsControl(word)
                else { break }
                wideBits |= word
                position += 8
            }
            if JSONWordScan.containsNonASCII(wideBits) { highBits = 0x80 }
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                return .plain(text, isASCII: highBits < 0x80)
            }
            if byte == UInt8(ascii: "\\") { return .escaped(try readEscapedString(from: start)) }
            guard byte >= 0x20 else { throw syntaxError("a control character in a string") }
            highBits |= byte
            position += 1
        }
        throw syntaxError("a string is not closed")
    }

    /// Text from UTF-8 bytes, checked unless they are ASCII.
    func makeString(_ text: UnsafeBufferPointer<UInt8>, isASCII: Bool) throws -> String {
        if isASCII { return String(decoding: text, as: UTF8.self) }
        guard let string = String(validating: text, as: UTF8.self) else {
            throw syntaxError("a string is not valid UTF-8")
        }
        return string
    }

    /// Reads the rest of a string with escapes, `start` being the offset of its first byte.
    private mutating func readEscapedString(from start: Int) throws -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                guard let string = String(validating: scratch, as: UTF8.self) else {
                    throw syntaxError("a string is not valid UTF-8")
                }
                return string
            case UInt8(ascii: "\\"):
                try readEscape()
            case 0..<0x20:
                throw syntaxError("a control character in a string")
            default:
                scratch.append(byte)
                position += 1
            }
        }
        throw syntaxError("a string is not closed")
    }

    /// Reads one escape at its backslash into `scratch`.
    private mutating func readEscape() throws {
        guard position + 1 < bytes.count else { throw syntaxError("a string is not closed") }
        let letter = bytes[position + 1]
        position += 2
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(letter)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"): try readUnicodeEscape()
        default: throw syntaxError("an unknown escape in a string")
        }
    }

    /// Reads the hex digits of `\uXXXX` (and of the low surrogate that must follow a high one).
    private mutating func readUnicodeEscape() throws {
        let unit = try readHexUnit()
        var scalarValue = UInt32(unit)
        if (0xD800...0xDBFF).contains(unit) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                bytes[position + 1] == UInt8(ascii: "u")
            else { throw syntaxError("a high surrogate escape without its low surrogate") }
            position += 2
            let low = try readHexUnit()
            guard (0xDC00...0xDFFF).contains(low) else {
                throw syntaxError("a high surrogate escape without its low surrogate")
            }
            scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(unit) {
            throw syntaxError("a low surrogate escape without its high surrogate")
        }
        appendUTF8(scalarValue)
    }

    /// Appends a Unicode scalar value (not a surrogate) to `scratch` as UTF-8.
    private mutating func appendUTF8(_ value: UInt32) {
        switch value {
        case 0..<0x80:
            scratch.append(UInt8(value))
        case 0x80..<0x800:
            scratch.append(0xC0 | UInt8(value >> 6))
            scratch.append(0x80 | UInt8(value & 0x3F))
        case 0x800..<0x10000:
            scratch.append(0xE0 | UInt8(value >> 12))
            scratch.append(0x80 | UInt8(value >> 6 & 0x3F))
            scratch.append(0x80 | UInt8(value & 0x3F))
        default:
            scratch.append(0xF0 | UInt8(value >> 18))
            scratch.append(0x80 | UInt8(value >> 12 & 0x3F))
            scratch.append(0x80 | UInt8(value >> 6 & 0x3F))
            scratch.append(0x80 | UInt8(value & 0x3F))
        }
    }

    private mutating func readHexUnit() throws -> UInt16 {
        guard position + 4 <= bytes.count else { throw syntaxError("a unicode escape is cut short") }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw syntaxError("a unicode escape has a non-hex digit")
            }
            value = value << 4 | UInt16(digit)
            position += 1
        }
        return value
    }
}
