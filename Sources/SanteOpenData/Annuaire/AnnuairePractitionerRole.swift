public import SanteCore

/// A professional's activity at a structure (FHIR `PractitionerRole`, profile `as-dp-practitionerrole`):
/// who (``practitioner``), where (``organization``), and how (``code``: activity genre, practice mode,
/// function).
public struct AnnuairePractitionerRole: FHIRDomainResource {
    /// `"PractitionerRole"`.
    public static let resourceType = "PractitionerRole"

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
    /// The resource's extensions (such as `as-ext-practitionerrole-vitale-accepted`).
    public var `extension`: [FHIRExtension]
    /// Extensions that change the meaning of the resource.
    public var modifierExtension: [FHIRExtension]
    /// The business identifiers.
    public var identifier: [FHIRIdentifier]
    /// Whether the activity is current.
    public var active: Bool?
    /// When the activity runs.
    public var period: FHIRPeriod?
    /// The professional.
    public var practitioner: FHIRReference?
    /// The structure.
    public var organization: FHIRReference?
    /// The roles: activity genre (`TRE_R22`), practice mode (`TRE_R23`), function (`TRE_R21`)…
    public var code: [FHIRCodeableConcept]
    /// Specialties.
    public var specialty: [FHIRCodeableConcept]
    /// Where the activity takes place.
    public var location: [FHIRReference]
    /// The services provided.
    public var healthcareService: [FHIRReference]
    /// Phones and e-mails at this activity.
    public var telecom: [AnnuaireContactPoint]
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a role.
    /// - Parameters:
    ///   - practitioner: The professional.
    ///   - organization: The structure.
    ///   - id: The logical id.
    public init(practitioner: FHIRReference? = nil, organization: FHIRReference? = nil, id: FHIRID? = nil) {
        self.practitioner = practitioner
        self.organization = organization
        self.id = id
        self.contained = []
        self.extension = []
        self.modifierExtension = []
        self.identifier = []
        self.code = []
        self.specialty = []
        self.location = []
        self.healthcareService = []
        self.telecom = []
    }

    /// The codes of the roles in `system`.
    /// - Parameter system: The code system, such as `…/TRE-R23-ModeExercice`.
    /// - Returns: The codes, in order.
    public func codes(system: FHIRURI) -> [FHIRCode] {
        code.compactMap { $0.coding(system: system)?.code }
    }

    /// Decodes the role, checking `resourceType` and keeping unknown members.
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
        period = try object.optional("period")
        practitioner = try object.optional("practitioner")
        organization = try object.optional("organization")
        code = try object.array("code")
        specialty = try object.array("specialty")
        location = try object.array("location")
        healthcareService = try object.array("healthcareService")
        telecom = try object.array("telecom")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the role and its kept members.
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
        try object.encode(period, "period")
        try object.encode(practitioner, "practitioner")
        try object.encode(organization, "organization")
        try object.encode(code, "code")
        try object.encode(specialty, "specialty")
        try object.encode(location, "location")
        try object.encode(healthcareService, "healthcareService")
        try object.encode(telecom, "telecom")
        try object.finish(with: additionalMembers)
    }
}
