/// A FHIR `OperationOutcome`: the errors, warnings and information a server reports about a request.
///
/// ``summary`` gives one readable line per issue, such as
/// `error [required] DocumentReference.custodian: missing`.
public struct FHIROperationOutcome: FHIRDomainResource {
    /// `"OperationOutcome"`.
    public static let resourceType = "OperationOutcome"

    /// The logical id.
    public var id: FHIRID?
    /// The resource's metadata.
    public var meta: FHIRMeta?
    /// Rules the content was created under.
    public var implicitRules: FHIRURI?
    /// The language of the content.
    public var language: FHIRCode?
    /// The human-readable narrative.
    public var text: FHIRNarrative?
    /// Resources contained inline.
    public var contained: [AnyFHIRResource]
    /// The resource's extensions.
    public var `extension`: [FHIRExtension]
    /// Extensions that change the meaning of the resource.
    public var modifierExtension: [FHIRExtension]
    /// The issues, at least one.
    public var issue: [Issue]
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates an outcome.
    ///
    /// - Parameters:
    ///   - issue: The issues.
    ///   - id: The logical id.
    public init(issue: [Issue], id: FHIRID? = nil) {
        self.issue = issue
        self.id = id
        self.contained = []
        self.extension = []
        self.modifierExtension = []
    }

    /// Whether any issue is ``Severity/fatal`` or ``Severity/error``.
    public var hasErrors: Bool {
        issue.contains { $0.severity == .fatal || $0.severity == .error }
    }

    /// One line per issue, such as `error [required] DocumentReference.custodian: missing`.
    public var summary: String {
        issue.map(\.summary).joined(separator: "\n")
    }

    /// Decodes the outcome, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        try object.resourceType(expected: Self.resourceType)
        id = try object.optional("id")
        meta = try object.optional("meta")
        implicitRules = try object.optional("implicitRules")
        language = try object.optional("language")
        text = try object.optional("text")
        contained = try object.array("contained")
        `extension` = try object.array("extension")
        modifierExtension = try object.array("modifierExtension")
        issue = try object.array("issue")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the outcome and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(Self.resourceType, "resourceType")
        try object.encode(id, "id")
        try object.encode(meta, "meta")
        try object.encode(implicitRules, "implicitRules")
        try object.encode(language, "language")
        try object.encode(text, "text")
        try object.encode(contained, "contained")
        try object.encode(`extension`, "extension")
        try object.encode(modifierExtension, "modifierExtension")
        try object.encode(issue, "issue")
        try object.finish(with: additionalMembers)
    }
}
