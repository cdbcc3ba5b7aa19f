public import SanteCore

/// The period a dataset covers: `{"start": "2024-01-01", "end": "2024-12-31"}`.
public struct DataGouvTemporalCoverage: DataGouvModel {
    /// The first day covered.
    public var start: OpenDataTimestamp?
    /// The last day covered.
    public var end: OpenDataTimestamp?
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a coverage.
    /// - Parameters:
    ///   - start: The first day.
    ///   - end: The last day.
    public init(start: OpenDataTimestamp? = nil, end: OpenDataTimestamp? = nil) {
        self.start = start
        self.end = end
    }

    /// Decodes the coverage, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try LosslessObjectReader(decoder)
        start = try object.optional("start")
        end = try object.optional("end")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the coverage and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(start, "start")
        try object.encode(end, "end")
        try object.finish(with: additionalMembers)
    }
}
