extension INS {
    /// The assigning authority of an INS matricule, an OID such as `1.2.250.1.213.1.4.8`.
    ///
    /// An extensible set: unknown OIDs (including the obsolete INS-A `…4.1` and INS-C `…4.2`) are
    /// kept as read, and ``isKnown`` tells them apart.
    public struct System: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        /// The bare OID, such as `"1.2.250.1.213.1.4.8"`.
        public let rawValue: String

        /// Creates a system from a bare OID.
        ///
        /// - Parameter rawValue: The OID without the `urn:oid:` prefix.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Reads a system written as a bare OID or as a `urn:oid:` URN.
        ///
        /// - Parameter string: Such as `"1.2.250.1.213.1.4.8"` or `"urn:oid:1.2.250.1.213.1.4.8"`.
        public init(_ string: String) {
            let trimmed = IdentifierText.withoutWhitespace(string)
            let prefix = "urn:oid:"
            if trimmed.lowercased().hasPrefix(prefix) {
                rawValue = String(trimmed.dropFirst(prefix.count))
            } else {
                rawValue = trimmed
            }
        }

        /// INS-NIR, the definitive NIR: `1.2.250.1.213.1.4.8`.
        public static let nir = System(rawValue: "1.2.250.1.213.1.4.8")
        /// INS-NIA, a temporary number: `1.2.250.1.213.1.4.9`.
        public static let nia = System(rawValue: "1.2.250.1.213.1.4.9")
        /// INS-NIR for test patients: `1.2.250.1.213.1.4.10`.
        public static let test = System(rawValue: "1.2.250.1.213.1.4.10")
        /// INS-NIR for demonstration patients: `1.2.250.1.213.1.4.11`.
        public static let demo = System(rawValue: "1.2.250.1.213.1.4.11")

        /// The four systems the national platforms accept.
        public static let known: [System] = [.nir, .nia, .test, .demo]

        /// Whether this is one of the four ``known`` systems.
        public var isKnown: Bool { Self.known.contains(self) }

        /// The OID as a FHIR `Identifier.system`, such as `"urn:oid:1.2.250.1.213.1.4.8"`.
        public var urn: String { "urn:oid:\(rawValue)" }

        /// The FHIR `Identifier.use` for this system: `official` for NIR, `temp` for NIA, `nil` otherwise.
        public var fhirUse: String? {
            switch self {
            case .nir: "official"
            case .nia: "temp"
            default: nil
            }
        }

        /// A readable name, such as `"INS-NIR"`, or the URN for an unknown system.
        public var description: String {
            switch self {
            case .nir: "INS-NIR"
            case .nia: "INS-NIA"
            case .test: "INS-NIR-TEST"
            case .demo: "INS-NIR-DEMO"
            default: urn
            }
        }

        /// Decodes a bare OID or a `urn:oid:` URN.
        public init(from decoder: any Decoder) throws {
            self.init(try decoder.singleValueContainer().decode(String.self))
        }

        /// Encodes the `urn:oid:` form, as FHIR writes it.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(urn)
        }
    }
}
