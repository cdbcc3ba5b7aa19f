/// A FHIR `Period`: a time range with an optional start and end.
public struct FHIRPeriod: FHIRElement {
    /// The element's `id`.
    public var id: String?
    /// The element's extensions.
    public var `extension`: [FHIRExtension]
    /// The start, inclusive.
    public var start: FHIRDateTime?
    /// The end, inclusive; absent while the period is ongoing.
    public var end: FHIRDateTime?
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a period.
    ///
    /// - Parameters:
    ///   - start: The start.
    ///   - end: The end.
    ///   - extension: The element's extensions.
    public init(start: FHIRDateTime? = nil, end: FHIRDateTime? = nil, extension: [FHIRExtension] = []) {
        self.start = start
        self.end = end
        self.extension = `extension`
    }

    /// Decodes the period, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        id = try object.optional("id")
        `extension` = try object.array("extension")
        start = try object.optional("start")
        end = try object.optional("end")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the period and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(`extension`, "extension")
        try object.encode(start, "start")
        try object.encode(end, "end")
        try object.finish(with: additionalMembers)
    }
}
