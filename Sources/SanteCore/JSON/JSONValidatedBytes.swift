/// Moves over the values of a JSON document already checked by ``JSONByteReader/validateValue()``, without
/// checking them again: strings to their closing quote, containers to their closing bracket, numbers and
/// literals to the next delimiter.
///
/// Every step stays within the bytes, whatever they hold; on a checked document each lands where a parser
/// would.
struct JSONValidatedBytes {
    /// The bytes of the checked document.
    let bytes: UnsafeBufferPointer<UInt8>

    /// The offset of the first byte at or after `offset` that is not whitespace, or the count of bytes.
    @inline(__always)
    func skipWhitespace(from offset: Int) -> Int {
        var index = offset
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return index }
            index += 1
        }
        return index
    }

    /// The byte at `offset`, or 0 past the end.
    @inline(__always)
    func byte(at offset: Int) -> UInt8 {
        offset >= 0 && offset < bytes.count ? bytes[offset] : 0
    }

    /// A string's extent and what its bytes hold.
    struct StringExtent {
        /// The offset just past the closing quote.
        var end: Int
        /// Whether the string has a backslash escape.
        var hasEscape: Bool
        /// Whether a byte is 0x80 or above.
        var hasNonASCII: Bool
    }

    /// The extent of the string whose opening quote is at `offset`.
    func stringExtent(at offset: Int) -> StringExtent {
        var index = offset + 1
        var highBits: UInt8 = 0
        var hasEscape = false
        if let base = bytes.baseAddress {
            var wideBits: UInt64 = 0
            while index + 8 <= bytes.count {
                let word = JSONWordScan.word(base, at: index)
                guard
                    !JSONWordScan.contains(UInt8(ascii: "\""), in: word)
                        && !JSONWordScan.contains(UInt8(ascii: "\\"), in: word)
                else { break }
                wideBits |= word
                index += 8
            }
            if JSONWordScan.containsNonASCII(wideBits) { highBits = 0x80 }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                hasEscape = true
                index += 2
                continue
            }
            highBits |= byte
            index += 1
        }
        return StringExtent(end: min(index + 1, bytes.count), hasEscape: hasEscape, hasNonASCII: highBits >= 0x80)
    }

    /// The offset just past the value that starts at `offset`.
    func endOfValue(at offset: Int) -> Int {
        switch byte(at: offset) {
        case UInt8(ascii: "\""):
            return stringExtent(at: offset).end
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            return endOfContainer(at: offset)
        default:
            var index = offset
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09: return index
                default: index += 1
                }
            }
            return index
        }
    }

    /// The offset just past the array or object whose opening bracket is at `offset`.
    private func endOfContainer(at offset: Int) -> Int {
        var depth = 0
        var index = offset
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index = stringExtent(at: index).end
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return index + 1 }
            default:
                break
            }
            index += 1
        }
        return index
    }

    /// The offset of the next item of a container after a value or an opening bracket ending just before
    /// `offset`: past whitespace and one comma; at the closing bracket when there is no further item.
    func nextItem(after offset: Int) -> Int {
        var index = skipWhitespace(from: offset)
        if byte(at: index) == UInt8(ascii: ",") { index = skipWhitespace(from: index + 1) }
        return index
    }
}
