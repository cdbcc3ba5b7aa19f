/// Reads the members a FHIR type models and keeps every other member, so nothing is lost.
///
/// Each type's `init(from:)` reads its members through this helper, then calls
/// ``remainingMembers()`` to collect whatever it did not model (unknown members, `_field`
/// primitive-extension siblings, `null`s and empty arrays) into `additionalMembers`.
///
/// `package` so that the FHIR types of other SanteKit modules (SanteDMP, SanteOpenData, SanteNotify)
/// share this one mechanism.
package struct FHIRObjectDecoder {
    private let container: KeyedDecodingContainer<FHIRCodingKey>
    private var consumedKeys: Set<String> = []

    /// Opens the JSON object at the decoder's position.
    package init(_ decoder: any Decoder) throws {
        container = try decoder.container(keyedBy: FHIRCodingKey.self)
    }

    /// Every member name of the object.
    package var allKeys: [String] { container.allKeys.map(\.stringValue) }

    /// Reads an optional member.
    ///
    /// An absent member and a `null` both give `nil`; a `null` is left unread so it is re-emitted as is.
    package mutating func optional<Value: Decodable>(_ key: String, as type: Value.Type = Value.self) throws -> Value? {
        let codingKey = FHIRCodingKey(key)
        guard container.contains(codingKey), try !container.decodeNil(forKey: codingKey) else { return nil }
        consumedKeys.insert(key)
        return try container.decode(Value.self, forKey: codingKey)
    }

    /// Reads a member that must be present and not `null`.
    package mutating func required<Value: Decodable>(_ key: String, as type: Value.Type = Value.self) throws -> Value {
        let codingKey = FHIRCodingKey(key)
        guard container.contains(codingKey) else {
            throw DecodingError.keyNotFound(
                codingKey,
                DecodingError.Context(codingPath: container.codingPath, debugDescription: "missing required member")
            )
        }
        consumedKeys.insert(key)
        return try container.decode(Value.self, forKey: codingKey)
    }

    /// Reads a repeating member; absent gives `[]`.
    ///
    /// A `null` or an empty array is left unread, so it is re-emitted exactly as it came.
    package mutating func array<Element: Decodable>(_ key: String, of type: Element.Type = Element.self) throws
        -> [Element]
    {
        guard let elements = try optional(key, as: [Element].self) else { return [] }
        if elements.isEmpty { consumedKeys.remove(key) }
        return elements
    }

    /// Reads `resourceType` and checks that it names the expected resource.
    package mutating func resourceType(expected: String) throws {
        let found = try required("resourceType", as: String.self)
        guard found == expected else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: container.codingPath + [FHIRCodingKey("resourceType")],
                    debugDescription: "expected resourceType \(expected), found \(found)"
                )
            )
        }
    }

    /// Every member not read so far, as JSON.
    package func remainingMembers() throws -> [String: JSONValue] {
        var members: [String: JSONValue] = [:]
        for key in container.allKeys where !consumedKeys.contains(key.stringValue) {
            members[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        return members
    }
}
