/// A FHIR `CodeableConcept`: a concept given by codings from one or more systems and/or text.
public struct FHIRCodeableConcept: FHIRElement {
    /// The element's `id`.
    public var id: String?
    /// The element's extensions.
    public var `extension`: [FHIRExtension]
    /// The codings, each from one code system.
    public var coding: [FHIRCoding]
    /// The concept as the user entered or saw it.
    public var text: String?
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a concept.
    ///
    /// - Parameters:
    ///   - coding: The codings.
    ///   - text: The concept as text.
    ///   - extension: The element's extensions.
    public init(coding: [FHIRCoding] = [], text: String? = nil, extension: [FHIRExtension] = []) {
        self.coding = coding
        self.text = text
        self.extension = `extension`
    }

    /// The first coding from `system`.
    ///
    /// - Parameter system: The code system URI.
    /// - Returns: The coding, or `nil` when none uses that system.
    public func coding(system: FHIRURI) -> FHIRCoding? {
        coding.first { $0.system == system }
    }

    /// Whether any coding has `code` in `system`.
    ///
    /// - Parameters:
    ///   - system: The code system URI.
    ///   - code: The code.
    /// - Returns: `true` when a coding matches both.
    public func contains(system: FHIRURI, code: FHIRCode) -> Bool {
        coding.contains { $0.system == system && $0.code == code }
    }

    /// Decodes the concept, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        id = try object.optional("id")
        `extension` = try object.array("extension")
        coding = try object.array("coding")
        text = try object.optional("text")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the concept and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(`extension`, "extension")
        try object.encode(coding, "coding")
        try object.encode(text, "text")
        try object.finish(with: additionalMembers)
    }
}
