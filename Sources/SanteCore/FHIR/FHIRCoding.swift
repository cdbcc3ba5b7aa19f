/// A FHIR `Coding`: one code from one code system.
public struct FHIRCoding: FHIRElement {
    /// The element's `id`.
    public var id: String?
    /// The element's extensions.
    public var `extension`: [FHIRExtension]
    /// The code system, such as `"http://loinc.org"`.
    public var system: FHIRURI?
    /// The version of the code system.
    public var version: String?
    /// The code, such as `"11488-4"`.
    public var code: FHIRCode?
    /// A human-readable label for the code.
    public var display: String?
    /// Whether the user picked this coding directly.
    public var userSelected: Bool?
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a coding.
    ///
    /// - Parameters:
    ///   - system: The code system.
    ///   - code: The code.
    ///   - display: A human-readable label.
    ///   - version: The version of the code system.
    ///   - userSelected: Whether the user picked this coding directly.
    ///   - extension: The element's extensions.
    public init(
        system: FHIRURI? = nil,
        code: FHIRCode? = nil,
        display: String? = nil,
        version: String? = nil,
        userSelected: Bool? = nil,
        extension: [FHIRExtension] = []
    ) {
        self.system = system
        self.code = code
        self.display = display
        self.version = version
        self.userSelected = userSelected
        self.extension = `extension`
    }

    /// Decodes the coding, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        id = try object.optional("id")
        `extension` = try object.array("extension")
        system = try object.optional("system")
        version = try object.optional("version")
        code = try object.optional("code")
        display = try object.optional("display")
        userSelected = try object.optional("userSelected")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the coding and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(`extension`, "extension")
        try object.encode(system, "system")
        try object.encode(version, "version")
        try object.encode(code, "code")
        try object.encode(display, "display")
        try object.encode(userSelected, "userSelected")
        try object.finish(with: additionalMembers)
    }
}
