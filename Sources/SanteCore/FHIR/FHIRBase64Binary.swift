public import Foundation

/// A FHIR `base64Binary`: the base64 text is kept as read and decoded only when asked.
public struct FHIRBase64Binary: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The base64 text exactly as read or written.
    public let rawValue: String

    /// Wraps base64 text without checking it; ``data`` checks it when read.
    ///
    /// - Parameter rawValue: The base64 text.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Encodes bytes as standard padded base64.
    ///
    /// - Parameter data: The bytes.
    public init(data: Data) {
        self.rawValue = data.base64EncodedString()
    }

    /// The decoded bytes.
    ///
    /// Whitespace is ignored and missing `=` padding is tolerated.
    /// - Throws: ``FHIRDecodingError`` when the text is not base64.
    public var data: Data {
        get throws(FHIRDecodingError) {
            var compact = rawValue.filter { !$0.isWhitespace }
            let remainder = compact.utf8.count % 4
            if remainder == 2 || remainder == 3 {
                compact += String(repeating: "=", count: 4 - remainder)
            }
            guard let data = Data(base64Encoded: compact) else {
                throw FHIRDecodingError(
                    codingPath: "",
                    message: "not valid base64 (\(rawValue.utf8.count) characters starting \"\(rawValue.prefix(16))\")"
                )
            }
            return data
        }
    }

    /// The base64 text.
    public var description: String { rawValue }

    /// Decodes the base64 text without decoding the bytes.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the base64 text as read.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
