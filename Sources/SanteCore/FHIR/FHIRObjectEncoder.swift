/// Writes the members a FHIR type models, then every member it kept without modelling.
///
/// `package` so that the FHIR types of other SanteKit modules share this one mechanism.
///
/// Absent optionals and empty arrays are not written, so nothing is invented. Kept members are
/// written last and never overwrite a modelled member of the same name.
package struct FHIRObjectEncoder {
    private var container: KeyedEncodingContainer<FHIRCodingKey>
    private var writtenKeys: Set<String> = []

    /// Starts a JSON object at the encoder's position.
    package init(_ encoder: any Encoder) {
        container = encoder.container(keyedBy: FHIRCodingKey.self)
    }

    /// Writes a member unless it is `nil`.
    package mutating func encode<Value: Encodable>(_ value: Value?, _ key: String) throws {
        guard let value else { return }
        try container.encode(value, forKey: FHIRCodingKey(key))
        writtenKeys.insert(key)
    }

    /// Writes a repeating member unless it is empty.
    package mutating func encode<Element: Encodable>(_ elements: [Element], _ key: String) throws {
        guard !elements.isEmpty else { return }
        try container.encode(elements, forKey: FHIRCodingKey(key))
        writtenKeys.insert(key)
    }

    /// Writes the members kept from decoding, skipping any name already written.
    package mutating func finish(with additionalMembers: [String: JSONValue]) throws {
        for (key, value) in additionalMembers where !writtenKeys.contains(key) {
            try container.encode(value, forKey: FHIRCodingKey(key))
        }
    }
}
