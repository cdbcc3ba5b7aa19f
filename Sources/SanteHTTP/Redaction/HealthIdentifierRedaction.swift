/// Finds French health identifiers (NIR, the INS number) in text and replaces them.
///
/// A NIR is 13 characters (15 with its control key): 13 or 15 consecutive digits, or, for people born
/// in Corsica, 6 digits ending in `2`, then `A` or `B`, then 6 or 8 digits. Every such run is replaced,
/// wherever it appears; a run of 13 or 15 digits that is something else (a millisecond timestamp) is
/// replaced too, which errs on the safe side. Percent escapes (`%7C`) are treated as separators, so an
/// identifier after an encoded `|` is still found. A NIR written with spaces is not recognised.
enum HealthIdentifierRedaction {
    /// Returns `text` with every health identifier replaced by `placeholder`.
    static func redact(_ text: String, placeholder: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count >= 13 else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var changed = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if isDigit(byte) {
                let runEnd = endOfDigits(bytes, from: index)
                let runLength = runEnd - index
                if let corsicanEnd = corsicanNIREnd(bytes, runStart: index, runEnd: runEnd) {
                    output.append(contentsOf: placeholder.utf8)
                    changed = true
                    index = corsicanEnd
                    continue
                }
                if runLength == 13 || runLength == 15 {
                    output.append(contentsOf: placeholder.utf8)
                    changed = true
                } else {
                    output.append(contentsOf: bytes[index..<runEnd])
                }
                index = runEnd
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.count, isHexDigit(bytes[index + 1]),
                isHexDigit(bytes[index + 2])
            {
                output.append(contentsOf: bytes[index...(index + 2)])
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
        return changed ? String(decoding: output, as: UTF8.self) : text
    }

    /// Whether `text` contains a health identifier.
    static func containsIdentifier(_ text: String) -> Bool {
        redact(text, placeholder: "") != text
    }

    /// If a Corsican NIR starts at `runStart` (6 digits ending in 2, then A/B, then 6 or 8 digits),
    /// returns the index just after it.
    private static func corsicanNIREnd(_ bytes: [UInt8], runStart: Int, runEnd: Int) -> Int? {
        guard runEnd - runStart == 6, bytes[runEnd - 1] == UInt8(ascii: "2"), runEnd < bytes.count else {
            return nil
        }
        let letter = bytes[runEnd] | 0x20  // lowercase
        guard letter == UInt8(ascii: "a") || letter == UInt8(ascii: "b") else { return nil }
        let tailStart = runEnd + 1
        let tailEnd = endOfDigits(bytes, from: tailStart)
        let tailLength = tailEnd - tailStart
        return tailLength == 6 || tailLength == 8 ? tailEnd : nil
    }

    private static func endOfDigits(_ bytes: [UInt8], from start: Int) -> Int {
        var end = start
        while end < bytes.count, isDigit(bytes[end]) { end += 1 }
        return end
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
    }
}
