public import Foundation

/// Base64url encoding without padding, as JOSE uses it (RFC 7515 §2, RFC 4648 §5).
///
/// Encoding never writes `=` padding. Decoding accepts input with or without padding but refuses any
/// character outside the URL-safe alphabet (so `+`, `/`, whitespace and line breaks are errors) and
/// refuses non-canonical encodings whose unused trailing bits are not zero.
public enum Base64URL {
    /// Encodes bytes as unpadded base64url.
    /// - Parameter bytes: The bytes to encode.
    /// - Returns: The base64url text, without `=` padding.
    public static func encode(_ bytes: some DataProtocol) -> String {
        var text = Data(bytes).base64EncodedString()
        text = text.replacingOccurrences(of: "+", with: "-")
        text = text.replacingOccurrences(of: "/", with: "_")
        while text.hasSuffix("=") { text.removeLast() }
        return text
    }

    /// Encodes the UTF-8 bytes of a string as unpadded base64url.
    /// - Parameter text: The string whose UTF-8 bytes are encoded.
    /// - Returns: The base64url text, without `=` padding.
    public static func encode(utf8 text: String) -> String {
        encode(Data(text.utf8))
    }

    /// Decodes base64url text, with or without `=` padding.
    /// - Parameter text: The base64url text.
    /// - Returns: The decoded bytes.
    /// - Throws: ``JOSEError`` with reason ``JOSEError/Reason/invalidBase64URL`` when the text contains a
    ///   character outside the alphabet, has an impossible length, misplaced padding, or non-zero trailing bits.
    public static func decode(_ text: some StringProtocol) throws(JOSEError) -> Data {
        var unpadded = Substring(text)
        var paddingCount = 0
        while unpadded.hasSuffix("=") {
            unpadded.removeLast()
            paddingCount += 1
        }
        if paddingCount > 0 {
            guard paddingCount <= 2, text.utf8.count % 4 == 0 else {
                throw invalid("misplaced or excess padding")
            }
        }
        guard unpadded.utf8.allSatisfy(isAlphabetByte) else {
            throw invalid("character outside the base64url alphabet")
        }
        let remainder = unpadded.utf8.count % 4
        guard remainder != 1 else {
            throw invalid("impossible length")
        }
        var standard = String(unpadded)
        standard = standard.replacingOccurrences(of: "-", with: "+")
        standard = standard.replacingOccurrences(of: "_", with: "/")
        if remainder > 0 { standard += String(repeating: "=", count: 4 - remainder) }
        guard let data = Data(base64Encoded: standard) else {
            throw invalid("undecodable text")
        }
        guard encode(data) == unpadded else {
            throw invalid("non-canonical encoding (unused bits are not zero)")
        }
        return data
    }

    private static func isAlphabetByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }

    private static func invalid(_ detail: String) -> JOSEError {
        JOSEError(.invalidBase64URL, "invalid base64url: \(detail)")
    }
}
