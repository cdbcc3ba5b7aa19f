extension INS {
    /// The qualification status of the identity carrying an INS (FR Core `fr-core-cs-identity-status`, RNIV).
    ///
    /// Open to codes this SDK does not know: they are kept in ``other(_:)``.
    public enum QualificationStatus: Hashable, Sendable, Codable, CustomStringConvertible {
        /// `PROV`, provisional: not retrieved through INSi, not checked on an identity document.
        case provisional
        /// `VALI`, validated: checked on an identity document, not retrieved through INSi.
        case validated
        /// `RECUP`, recovered: retrieved through INSi, not checked on an identity document.
        case recovered
        /// `QUAL`, qualified: retrieved through INSi and checked on an identity document.
        /// Only a qualified INS may be conveyed.
        case qualified
        /// A code not listed above, kept as read.
        case other(String)

        /// Reads a status code; unknown codes become ``other(_:)``.
        ///
        /// - Parameter code: Such as `"QUAL"` (compared case-insensitively, surrounding whitespace ignored).
        public init(code: String) {
            let trimmed = IdentifierText.withoutWhitespace(code)
            switch trimmed.uppercased() {
            case "PROV": self = .provisional
            case "VALI": self = .validated
            case "RECUP": self = .recovered
            case "QUAL": self = .qualified
            default: self = .other(trimmed)
            }
        }

        /// The status code, such as `"QUAL"`.
        public var code: String {
            switch self {
            case .provisional: "PROV"
            case .validated: "VALI"
            case .recovered: "RECUP"
            case .qualified: "QUAL"
            case .other(let code): code
            }
        }

        /// The status code.
        public var description: String { code }

        /// Decodes the status code.
        public init(from decoder: any Decoder) throws {
            self.init(code: try decoder.singleValueContainer().decode(String.self))
        }

        /// Encodes the status code.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(code)
        }
    }
}
