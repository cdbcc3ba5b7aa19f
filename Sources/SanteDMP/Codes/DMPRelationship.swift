public import SanteCore

/// A relationship between two documents (`DocumentReference.relatesTo`; XDS associations).
public struct DMPRelationship: Hashable, Sendable {
    /// The kind of relationship.
    public struct Kind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The FHIR code.
        public let rawValue: String
        /// Creates a kind from its FHIR code.
        /// - Parameter rawValue: The code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The FHIR code.
        public var description: String { rawValue }

        /// `replaces` (XDS RPLC, XFRM_RPLC).
        public static let replaces = Kind(rawValue: "replaces")
        /// `appends` (XDS APND).
        public static let appends = Kind(rawValue: "appends")
        /// `transforms` (XDS XFRM).
        public static let transforms = Kind(rawValue: "transforms")
        /// `signs` (XDS signs).
        public static let signs = Kind(rawValue: "signs")
    }

    /// The kind of relationship.
    public var kind: Kind
    /// The other document, such as `DocumentReference/<id>`.
    public var target: FHIRReference

    /// Creates a relationship.
    /// - Parameters:
    ///   - kind: The kind.
    ///   - target: The other document.
    public init(_ kind: Kind, target: FHIRReference) {
        self.kind = kind
        self.target = target
    }

    /// A `replaces` relationship to the document with this id.
    /// - Parameter documentID: The replaced document's `DocumentReference.id`.
    /// - Returns: The relationship.
    public static func replaces(documentID: String) -> DMPRelationship {
        DMPRelationship(.replaces, target: FHIRReference(reference: "DocumentReference/\(documentID)"))
    }

    /// The target's id when the reference has the form `DocumentReference/<id>` (possibly absolute).
    public var targetDocumentID: String? {
        guard let reference = target.reference else { return nil }
        let parts = reference.split(separator: "/")
        guard let index = parts.lastIndex(of: "DocumentReference"), index + 1 < parts.count else { return nil }
        return String(parts[index + 1])
    }
}
