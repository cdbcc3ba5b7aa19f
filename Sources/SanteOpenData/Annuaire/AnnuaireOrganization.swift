public import SanteCore

/// A health structure of the Annuaire Santé (FHIR `Organization`, profile `as-dp-organization`): a legal
/// entity (FINESS juridique, `FINEJ`), a geographic entity (FINESS géographique, `FINEG`), or a structure
/// known by its SIRET.
public struct AnnuaireOrganization: FHIRDomainResource {
    /// `"Organization"`.
    public static let resourceType = "Organization"

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
    /// The resource's extensions (such as `organization-period`, `as-ext-organization-pharmacy-licence`).
    public var `extension`: [FHIRExtension]
    /// Extensions that change the meaning of the resource.
    public var modifierExtension: [FHIRExtension]
    /// The business identifiers (IDNST, FINESS, RPPS-rang).
    public var identifier: [FHIRIdentifier]
    /// Whether the structure is active.
    public var active: Bool?
    /// The kinds: entity type (`fr-core-cs-v2-3307`), activity sector (`TRE_R02`)…
    public var type: [FHIRCodeableConcept]
    /// The name.
    public var name: String?
    /// Other names.
    public var alias: [String]
    /// Phones, faxes and e-mails.
    public var telecom: [AnnuaireContactPoint]
    /// Addresses.
    public var address: [AnnuaireAddress]
    /// The structure this one belongs to.
    public var partOf: FHIRReference?
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates an organization.
    /// - Parameters:
    ///   - name: The name.
    ///   - identifier: The business identifiers.
    ///   - id: The logical id.
    public init(name: String? = nil, identifier: [FHIRIdentifier] = [], id: FHIRID? = nil) {
        self.name = name
        self.identifier = identifier
        self.id = id
        self.contained = []
        self.extension = []
        self.modifierExtension = []
        self.type = []
        self.alias = []
        self.telecom = []
        self.address = []
    }

    /// The FINESS number (system `https://finess.esante.gouv.fr`, or from the IDNST `1` + FINESS).
    public var finess: FINESS? {
        if let value = identifier.value(system: AnnuaireIdentifierSystem.finess) { return FINESS(value) }
        if case .finess(let finess) = nationalIdentifier { return finess }
        return nil
    }

    /// The SIRET number: the FR Core SIRET identifier (`https://sirene.fr`, type `SIRET`), or the IDNST
    /// `3` + SIRET.
    public var siret: SIRET? {
        if let value = identifier.value(typeCode: "SIRET")
            ?? identifier.first(where: { $0.system == AnnuaireIdentifierSystem.sirene && $0.value?.count == 14 })?.value
        {
            return SIRET(value)
        }
        if case .siret(let siret) = nationalIdentifier { return siret }
        return nil
    }

    /// The national structure identifier (IDNST).
    public var nationalIdentifier: NationalStructureIdentifier? {
        identifier.value(system: AnnuaireIdentifierSystem.nationalStructure).map(NationalStructureIdentifier.init)
    }

    /// Decodes the organization, checking `resourceType` and keeping unknown members.
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
        type = try object.array("type")
        name = try object.optional("name")
        alias = try object.array("alias")
        telecom = try object.array("telecom")
        address = try object.array("address")
        partOf = try object.optional("partOf")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the organization and its kept members.
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
        try object.encode(type, "type")
        try object.encode(name, "name")
        try object.encode(alias, "alias")
        try object.encode(telecom, "telecom")
        try object.encode(address, "address")
        try object.encode(partOf, "partOf")
        try object.finish(with: additionalMembers)
    }
}
