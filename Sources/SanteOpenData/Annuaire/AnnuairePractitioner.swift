public import SanteCore

/// A health professional of the Annuaire Santé (FHIR `Practitioner`, profiles `as-dp-practitioner` for
/// public data and `as-dr-practitioner` for restricted data).
///
/// Lossless: unknown members and extensions are kept. ``rpps`` and ``nationalIdentifier`` read the
/// professional's business identifiers: key on them, not on ``id`` (API v1 and v2 ids differ).
public struct AnnuairePractitioner: FHIRDomainResource {
    /// `"Practitioner"`.
    public static let resourceType = "Practitioner"

    /// A qualification: a diploma, a profession, a specialty.
    public struct Qualification: FHIRBackboneElement {
        /// The element's `id`.
        public var id: String?
        /// The element's extensions.
        public var `extension`: [FHIRExtension]
        /// Extensions that change the meaning of the element.
        public var modifierExtension: [FHIRExtension]
        /// Identifiers of the qualification.
        public var identifier: [FHIRIdentifier]
        /// The qualification, such as a `TRE_G15-ProfessionSante` code.
        public var code: FHIRCodeableConcept
        /// When it was obtained or valid.
        public var period: FHIRPeriod?
        /// Who issued it.
        public var issuer: FHIRReference?
        /// Members not modelled here.
        public var additionalMembers: [String: JSONValue] = [:]

        /// Creates a qualification.
        /// - Parameter code: The qualification.
        public init(code: FHIRCodeableConcept) {
            self.code = code
            self.identifier = []
            self.extension = []
            self.modifierExtension = []
        }

        /// Decodes the qualification, keeping unknown members.
        public init(from decoder: any Decoder) throws {
            var object = try FHIRObjectDecoder(decoder)
            id = try object.optional("id")
            `extension` = try object.array("extension")
            modifierExtension = try object.array("modifierExtension")
            identifier = try object.array("identifier")
            code = try object.required("code")
            period = try object.optional("period")
            issuer = try object.optional("issuer")
            additionalMembers = try object.remainingMembers()
        }

        /// Encodes the qualification and its kept members.
        public func encode(to encoder: any Encoder) throws {
            var object = FHIRObjectEncoder(encoder)
            try object.encode(id, "id")
            try object.encode(`extension`, "extension")
            try object.encode(modifierExtension, "modifierExtension")
            try object.encode(identifier, "identifier")
            try object.encode(code, "code")
            try object.encode(period, "period")
            try object.encode(issuer, "issuer")
            try object.finish(with: additionalMembers)
        }
    }

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
    /// The resource's extensions (such as `as-ext-registration`).
    public var `extension`: [FHIRExtension]
    /// Extensions that change the meaning of the resource.
    public var modifierExtension: [FHIRExtension]
    /// The business identifiers (RPPS, IDNPS).
    public var identifier: [FHIRIdentifier]
    /// Whether the record is active.
    public var active: Bool?
    /// The names.
    public var name: [AnnuaireHumanName]
    /// Phones and e-mails (MSSanté mailboxes included).
    public var telecom: [AnnuaireContactPoint]
    /// Addresses (restricted data).
    public var address: [AnnuaireAddress]
    /// `male`, `female`, `other`, `unknown` (restricted data).
    public var gender: FHIRCode?
    /// The birth date (restricted data).
    public var birthDate: FHIRDate?
    /// Diplomas, professions, specialties.
    public var qualification: [Qualification]
    /// Languages spoken.
    public var communication: [FHIRCodeableConcept]
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a practitioner.
    /// - Parameters:
    ///   - identifier: The business identifiers.
    ///   - name: The names.
    ///   - id: The logical id.
    public init(identifier: [FHIRIdentifier] = [], name: [AnnuaireHumanName] = [], id: FHIRID? = nil) {
        self.identifier = identifier
        self.name = name
        self.id = id
        self.contained = []
        self.extension = []
        self.modifierExtension = []
        self.telecom = []
        self.address = []
        self.qualification = []
        self.communication = []
    }

    /// The RPPS number (system `https://rpps.esante.gouv.fr`, `http://rpps.fr` in API v1, or type `RPPS`).
    public var rpps: RPPS? {
        (identifier.value(system: AnnuaireIdentifierSystem.rpps)
            ?? identifier.value(system: AnnuaireIdentifierSystem.rppsVersion1)
            ?? identifier.value(typeCode: "RPPS")).map(RPPS.init)
    }

    /// The national professional identifier (IDNPS, such as `8` + RPPS).
    public var nationalIdentifier: NationalProfessionalIdentifier? {
        identifier.value(system: AnnuaireIdentifierSystem.nationalProfessional).map(NationalProfessionalIdentifier.init)
    }

    /// The MSSanté mailboxes.
    public var mssanteAddresses: [String] {
        telecom.filter(\.isMSSante).compactMap(\.value)
    }

    /// The codes of the qualifications in `system` (such as the `TRE-G15-ProfessionSante` code system).
    /// - Parameter system: The code system.
    /// - Returns: The codes, in order.
    public func qualificationCodes(system: FHIRURI) -> [FHIRCode] {
        qualification.compactMap { $0.code.coding(system: system)?.code }
    }

    /// Decodes the practitioner, checking `resourceType` and keeping unknown members.
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
        name = try object.array("name")
        telecom = try object.array("telecom")
        address = try object.array("address")
        gender = try object.optional("gender")
        birthDate = try object.optional("birthDate")
        qualification = try object.array("qualification")
        communication = try object.array("communication")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the practitioner and its kept members.
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
        try object.encode(name, "name")
        try object.encode(telecom, "telecom")
        try object.encode(address, "address")
        try object.encode(gender, "gender")
        try object.encode(birthDate, "birthDate")
        try object.encode(qualification, "qualification")
        try object.encode(communication, "communication")
        try object.finish(with: additionalMembers)
    }
}
