import SanteCore

/// Reads a JSON object member by member and keeps every member it was not asked for, through SanteCore's
/// shared `FHIRObjectDecoder`, adding what the open-data models need: object members (`extras`, `metrics`)
/// read as dictionaries, with an empty `{}` kept so that it is written back.
struct LosslessObjectReader {
    private var object: FHIRObjectDecoder
    private var restored: [String: JSONValue] = [:]

    init(_ decoder: any Decoder) throws {
        object = try FHIRObjectDecoder(decoder)
    }

    /// Every member name of the object.
    var allKeys: [String] { object.allKeys }

    /// An optional member; `null` and absent give `nil`.
    mutating func optional<Value: Decodable>(_ key: String, as type: Value.Type = Value.self) throws -> Value? {
        try object.optional(key, as: type)
    }

    /// A member that must be present.
    mutating func required<Value: Decodable>(_ key: String, as type: Value.Type = Value.self) throws -> Value {
        try object.required(key, as: type)
    }

    /// A repeating member; absent gives `[]`.
    mutating func array<Element: Decodable>(_ key: String, of type: Element.Type = Element.self) throws -> [Element] {
        try object.array(key, of: type)
    }

    /// An object member as JSON; absent gives `[:]`.
    mutating func dictionary(_ key: String) throws -> [String: JSONValue] {
        let value = try object.optional(key, as: [String: JSONValue].self)
        if value?.isEmpty == true { restored[key] = .object([:]) }
        return value ?? [:]
    }

    /// Every member not read, plus the empty objects read through ``dictionary(_:)``.
    func remainingMembers() throws -> [String: JSONValue] {
        try object.remainingMembers().merging(restored) { kept, _ in kept }
    }
}
