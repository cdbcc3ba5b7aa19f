/// The status of a DMP document entry (`DocumentReference.status`).
///
/// PDSm allows `current` and `superseded` only; `entered-in-error` appears when a document is deleted
/// with ``DMPDeleteEncoding/enteredInError``.
public struct DMPDocumentStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The FHIR code.
    public let rawValue: String
    /// Creates a status from its FHIR code.
    /// - Parameter rawValue: The code.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The FHIR code.
    public var description: String { rawValue }

    /// `current`: approved (XDS Approved).
    public static let current = DMPDocumentStatus(rawValue: "current")
    /// `superseded`: replaced or deprecated (XDS Deprecated).
    public static let superseded = DMPDocumentStatus(rawValue: "superseded")
    /// `entered-in-error`: withdrawn (outside MHD; see ``DMPDeleteEncoding``).
    public static let enteredInError = DMPDocumentStatus(rawValue: "entered-in-error")
}
