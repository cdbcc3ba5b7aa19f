extension FHIRExtension {
    /// The `value[x]` of an extension: the FHIR type is the case, the JSON member is `value` + type name.
    public enum Value: Hashable, Sendable {
        /// `valueBoolean`.
        case boolean(Bool)
        /// `valueInteger`.
        case integer(Int)
        /// `valueString`.
        case string(String)
        /// `valueCode`.
        case code(FHIRCode)
        /// `valueUri`.
        case uri(FHIRURI)
        /// `valueUrl`.
        case url(FHIRURL)
        /// `valueCanonical`.
        case canonical(FHIRCanonical)
        /// `valueId`.
        case id(FHIRID)
        /// `valueMarkdown`.
        case markdown(FHIRMarkdown)
        /// `valueDate`.
        case date(FHIRDate)
        /// `valueDateTime`.
        case dateTime(FHIRDateTime)
        /// `valueInstant`.
        case instant(FHIRInstant)
        /// `valueBase64Binary`.
        case base64Binary(FHIRBase64Binary)
        /// `valueCoding`.
        case coding(FHIRCoding)
        /// `valueCodeableConcept`.
        case codeableConcept(FHIRCodeableConcept)
        /// `valueIdentifier`.
        case identifier(FHIRIdentifier)
        /// `valueReference`.
        case reference(FHIRReference)
        /// `valuePeriod`.
        case period(FHIRPeriod)
        /// `valueAttachment`.
        case attachment(FHIRAttachment)
        /// Any other type, kept as JSON: `type` is the FHIR type name as in the member (`"Quantity"` for `valueQuantity`).
        case other(type: String, value: JSONValue)

        /// The FHIR type name as it appears after `value` in the JSON member, such as `"CodeableConcept"`.
        public var typeName: String {
            switch self {
            case .boolean: "Boolean"
            case .integer: "Integer"
            case .string: "String"
            case .code: "Code"
            case .uri: "Uri"
            case .url: "Url"
            case .canonical: "Canonical"
            case .id: "Id"
            case .markdown: "Markdown"
            case .date: "Date"
            case .dateTime: "DateTime"
            case .instant: "Instant"
            case .base64Binary: "Base64Binary"
            case .coding: "Coding"
            case .codeableConcept: "CodeableConcept"
            case .identifier: "Identifier"
            case .reference: "Reference"
            case .period: "Period"
            case .attachment: "Attachment"
            case .other(let type, _): type
            }
        }

        /// The text of a string-like value (`string`, `code`, `uri`, `url`, `canonical`, `id`, `markdown`).
        public var stringValue: String? {
            switch self {
            case .string(let text), .code(let text), .uri(let text), .url(let text), .canonical(let text),
                .id(let text), .markdown(let text):
                text
            default: nil
            }
        }

        /// The Boolean, for a `boolean` value.
        public var booleanValue: Bool? {
            if case .boolean(let flag) = self { return flag }
            return nil
        }

        /// The first letters of every `value[x]` member.
        static let keyPrefix = "value"

        /// Whether `key` is a `value[x]` member: `value` followed by an upper-case type name.
        static func isValueKey(_ key: String) -> Bool {
            guard key.hasPrefix(keyPrefix) else { return false }
            return key.dropFirst(keyPrefix.count).first?.isUppercase ?? false
        }

        /// Reads the `value[x]` member `key`; `nil` when it is `null` (then kept as an additional member).
        static func decode(typeName: String, key: String, from object: inout FHIRObjectDecoder) throws -> Value? {
            switch typeName {
            case "Boolean": try object.optional(key, as: Bool.self).map(Value.boolean)
            case "Integer": try object.optional(key, as: Int.self).map(Value.integer)
            case "String": try object.optional(key, as: String.self).map(Value.string)
            case "Code": try object.optional(key, as: String.self).map(Value.code)
            case "Uri": try object.optional(key, as: String.self).map(Value.uri)
            case "Url": try object.optional(key, as: String.self).map(Value.url)
            case "Canonical": try object.optional(key, as: String.self).map(Value.canonical)
            case "Id": try object.optional(key, as: String.self).map(Value.id)
            case "Markdown": try object.optional(key, as: String.self).map(Value.markdown)
            case "Date": try object.optional(key, as: FHIRDate.self).map(Value.date)
            case "DateTime": try object.optional(key, as: FHIRDateTime.self).map(Value.dateTime)
            case "Instant": try object.optional(key, as: FHIRInstant.self).map(Value.instant)
            case "Base64Binary": try object.optional(key, as: FHIRBase64Binary.self).map(Value.base64Binary)
            case "Coding": try object.optional(key, as: FHIRCoding.self).map(Value.coding)
            case "CodeableConcept": try object.optional(key, as: FHIRCodeableConcept.self).map(Value.codeableConcept)
            case "Identifier": try object.optional(key, as: FHIRIdentifier.self).map(Value.identifier)
            case "Reference": try object.optional(key, as: FHIRReference.self).map(Value.reference)
            case "Period": try object.optional(key, as: FHIRPeriod.self).map(Value.period)
            case "Attachment": try object.optional(key, as: FHIRAttachment.self).map(Value.attachment)
            default: try object.optional(key, as: JSONValue.self).map { Value.other(type: typeName, value: $0) }
            }
        }

        /// Writes the value as its `value[x]` member.
        func encode(to object: inout FHIRObjectEncoder) throws {
            let key = Self.keyPrefix + typeName
            switch self {
            case .boolean(let flag): try object.encode(flag, key)
            case .integer(let number): try object.encode(number, key)
            case .string(let text), .code(let text), .uri(let text), .url(let text), .canonical(let text),
                .id(let text), .markdown(let text):
                try object.encode(text, key)
            case .date(let date): try object.encode(date, key)
            case .dateTime(let dateTime): try object.encode(dateTime, key)
            case .instant(let instant): try object.encode(instant, key)
            case .base64Binary(let binary): try object.encode(binary, key)
            case .coding(let coding): try object.encode(coding, key)
            case .codeableConcept(let concept): try object.encode(concept, key)
            case .identifier(let identifier): try object.encode(identifier, key)
            case .reference(let reference): try object.encode(reference, key)
            case .period(let period): try object.encode(period, key)
            case .attachment(let attachment): try object.encode(attachment, key)
            case .other(_, let json): try object.encode(json, key)
            }
        }
    }
}
