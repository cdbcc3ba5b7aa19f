/// A FHIR `Identifier`: a value in a namespace (`system`), such as an INS in `urn:oid:1.2.250.1.213.1.4.8`.
public struct FHIRIdentifier: FHIRElement {
    /// The element's `id`.
    public var id: String?
    /// The element's extensions.
    public var `extension`: [FHIRExtension]
    /// `usual`, `official`, `temp`, `secondary` or `old`.
    public var use: FHIRCode?
    /// The kind of identifier, such as `INS-NIR` or `RPPS`.
    public var type: FHIRCodeableConcept?
    /// The namespace of the value.
    public var system: FHIRURI?
    /// The value, unique within the system.
    public var value: String?
    /// When the identifier was valid.
    public var period: FHIRPeriod?
    /// The organization that issued the identifier.
    public var assigner: FHIRReference? {
        get { assignerStorage?.unboxed }
        set { assignerStorage = newValue.map(FHIRIndirect.value) }
    }
    private var assignerStorage: FHIRIndirect<FHIRReference>?
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates an identifier.
    ///
    /// - Parameters:
    ///   - system: The namespace of the value.
    ///   - value: The value.
    ///   - use: `usual`, `official`, `temp`, `secondary` or `old`.
    ///   - type: The kind of identifier.
    ///   - period: When the identifier was valid.
    ///   - assigner: The organization that issued it.
    ///   - extension: The element's extensions.
    public init(
        system: FHIRURI? = nil,
        value: String? = nil,
        use: FHIRCode? = nil,
        type: FHIRCodeableConcept? = nil,
        period: FHIRPeriod? = nil,
        assigner: FHIRReference? = nil,
        extension: [FHIRExtension] = []
    ) {
        self.system = system
        self.value = value
        self.use = use
        self.type = type
        self.period = period
        self.assignerStorage = assigner.map(FHIRIndirect.value)
        self.extension = `extension`
    }

    /// Decodes the identifier, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        id = try object.optional("id")
        `extension` = try object.array("extension")
        use = try object.optional("use")
        type = try object.optional("type")
        system = try object.optional("system")
        value = try object.optional("value")
        period = try object.optional("period")
        assignerStorage = try object.optional("assigner", as: FHIRReference.self).map(FHIRIndirect.value)
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the identifier and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(`extension`, "extension")
        try object.encode(use, "use")
        try object.encode(type, "type")
        try object.encode(system, "system")
        try object.encode(value, "value")
        try object.encode(period, "period")
        try object.encode(assigner, "assigner")
        try object.finish(with: additionalMembers)
    }
}
