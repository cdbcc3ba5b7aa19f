/// A FHIR `Extension`: a `url`, at most one `value[x]`, and nested extensions.
///
/// Every `value[x]` is kept: common types are decoded into ``Value`` cases, any other type is kept
/// as JSON in ``Value/other(type:value:)``.
public struct FHIRExtension: FHIRElement {
    /// The element's `id`.
    public var id: String?
    /// Nested extensions (for complex extensions).
    public var `extension`: [FHIRExtension]
    /// The canonical URL that defines the extension.
    public var url: FHIRURI
    /// The `value[x]`, if any.
    public var value: Value?
    /// Members not modelled here, such as `_valueString`.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates an extension.
    ///
    /// - Parameters:
    ///   - url: The canonical URL that defines the extension.
    ///   - value: The `value[x]`, if any.
    ///   - extension: Nested extensions.
    public init(url: FHIRURI, value: Value? = nil, extension: [FHIRExtension] = []) {
        self.url = url
        self.value = value
        self.extension = `extension`
    }

    /// Decodes the extension, its `value[x]` and unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        id = try object.optional("id")
        `extension` = try object.array("extension")
        url = try object.required("url")
        let valueKey = object.allKeys.filter(Value.isValueKey).min()
        if let valueKey {
            value = try Value.decode(
                typeName: String(valueKey.dropFirst(Value.keyPrefix.count)), key: valueKey, from: &object)
        }
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the extension, its `value[x]` and kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(`extension`, "extension")
        try object.encode(url, "url")
        try value?.encode(to: &object)
        try object.finish(with: additionalMembers)
    }
}
