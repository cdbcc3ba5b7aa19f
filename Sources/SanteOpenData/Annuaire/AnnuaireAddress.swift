public import SanteCore

/// A FHIR `Address`. The Annuaire Santé puts the street parts in `_line` extensions (house number, street
/// type, street name), kept in ``additionalMembers``, and the INSEE code in an extension.
public struct AnnuaireAddress: FHIRElement {
    /// The FR Core extension carrying the INSEE municipality code.
    public static let inseeCodeExtensionURL =
        "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code"

    /// The element's `id`.
    public var id: String?
    /// The element's extensions.
    public var `extension`: [FHIRExtension]
    /// `work`, `home`, …
    public var use: FHIRCode?
    /// `postal`, `physical`, `both`.
    public var type: FHIRCode?
    /// The whole address as text.
    public var text: String?
    /// The street lines.
    public var line: [String]
    /// The city.
    public var city: String?
    /// The district.
    public var district: String?
    /// The state or region.
    public var state: String?
    /// The postal code.
    public var postalCode: String?
    /// The country (the Annuaire uses INSEE country codes such as `99100`).
    public var country: String?
    /// When the address was in use.
    public var period: FHIRPeriod?
    /// Members not modelled here, such as `_line`.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates an address.
    /// - Parameters:
    ///   - city: The city.
    ///   - postalCode: The postal code.
    public init(city: String? = nil, postalCode: String? = nil) {
        self.city = city
        self.postalCode = postalCode
        self.line = []
        self.extension = []
    }

    /// The INSEE municipality code, from the FR Core extension.
    public var inseeCode: String? {
        guard let value = firstExtension(url: Self.inseeCodeExtensionURL)?.value else { return nil }
        if case .coding(let coding) = value { return coding.code }
        return nil
    }

    /// Decodes the address, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        id = try object.optional("id")
        `extension` = try object.array("extension")
        use = try object.optional("use")
        type = try object.optional("type")
        text = try object.optional("text")
        line = try object.array("line")
        city = try object.optional("city")
        district = try object.optional("district")
        state = try object.optional("state")
        postalCode = try object.optional("postalCode")
        country = try object.optional("country")
        period = try object.optional("period")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the address and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(`extension`, "extension")
        try object.encode(use, "use")
        try object.encode(type, "type")
        try object.encode(text, "text")
        try object.encode(line, "line")
        try object.encode(city, "city")
        try object.encode(district, "district")
        try object.encode(state, "state")
        try object.encode(postalCode, "postalCode")
        try object.encode(country, "country")
        try object.encode(period, "period")
        try object.finish(with: additionalMembers)
    }
}
