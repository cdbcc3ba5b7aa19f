public import SanteCore

/// A service offered by a structure (FHIR `HealthcareService`): an authorised activity, equipment or
/// social-care service, attached to its organization (``providedBy``).
public struct AnnuaireHealthcareService: FHIRDomainResource {
    /// `"HealthcareService"`.
    public static let resourceType = "HealthcareService"

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
    /// The business identifiers.
    public var identifier: [FHIRIdentifier]
    /// Whether the service is active.
    public var active: Bool?
    /// The organization offering it.
    public var providedBy: FHIRReference?
    /// Broad categories.
    public var category: [FHIRCodeableConcept]
    /// The kinds of service.
    public var type: [FHIRCodeableConcept]
    /// Specialties.
    public var specialty: [FHIRCodeableConcept]
    /// Where it is offered.
    public var location: [FHIRReference]
    /// The name.
    public var name: String?
    /// A comment.
    public var comment: String?
    /// Phones and e-mails.
    public var telecom: [AnnuaireContactPoint]
    /// Characteristics (such as the form of activity).
    public var characteristic: [FHIRCodeableConcept]
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a service.
    /// - Parameters:
    ///   - providedBy: The organization offering it.
    ///   - id: The logical id.
    public init(providedBy: FHIRReference? = nil, id: FHIRID? = nil) {
        self.providedBy = providedBy
        self.id = id
        self.contained = []
        self.extension = []
        self.modifierExtension = []
        self.identifier = []
        self.category = []
        self.type = []
        self.specialty = []
        self.location = []
        self.telecom = []
        self.characteristic = []
    }

    /// Decodes the service, checking `resourceType` and keeping unknown members.
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
        identifier = try object.array("identifier")
        active = try object.optional("active")
        providedBy = try object.optional("providedBy")
        category = try object.array("category")
        type = try object.array("type")
        specialty = try object.array("specialty")
        location = try object.array("location")
        name = try object.optional("name")
        comment = try object.optional("comment")
        telecom = try object.array("telecom")
        characteristic = try object.array("characteristic")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the service and its kept members.
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
        try object.encode(identifier, "identifier")
        try object.encode(active, "active")
        try object.encode(providedBy, "providedBy")
        try object.encode(category, "category")
        try object.encode(type, "type")
        try object.encode(specialty, "specialty")
        try object.encode(location, "location")
        try object.encode(name, "name")
        try object.encode(comment, "comment")
        try object.encode(telecom, "telecom")
        try object.encode(characteristic, "characteristic")
        try object.finish(with: additionalMembers)
    }
}
