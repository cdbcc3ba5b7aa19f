import Foundation
import SanteCore

/// The members of a JSON object, taken out one by one while decoding so that what remains is kept as
/// `additionalMembers`; and the same bag filled member by member while encoding.
///
/// Two ways to read: the strict `take…` methods throw a `DecodingError` on a wrong type (provider
/// metadata, token responses), the lenient `text`/`textList`/`flag`/`integer` ones never throw and turn
/// empty strings into `nil` (PSC userinfo, where many values are `""`). A value of an unexpected type is
/// left in ``remaining`` by the lenient readers, so nothing is lost.
struct JSONMembers {
    private(set) var remaining: [String: JSONValue]
    private let codingPath: [any CodingKey]

    init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(JSONValue.self)
        guard let object = value.objectValue else {
            throw DecodingError.typeMismatch(
                [String: JSONValue].self,
                .init(codingPath: decoder.codingPath, debugDescription: "expected a JSON object"))
        }
        remaining = object
        codingPath = decoder.codingPath
    }

    init(_ members: [String: JSONValue] = [:]) {
        remaining = members
        codingPath = []
    }

    // MARK: Strict readers

    private func wrongType(_ name: String, _ expected: String) -> DecodingError {
        .dataCorrupted(
            .init(
                codingPath: codingPath + [MemberKey(name)],
                debugDescription: "member \"\(name)\" must be \(expected)"))
    }

    /// The string member `name`; `null` or absent is `nil`, any other type throws.
    mutating func takeString(_ name: String) throws -> String? {
        guard let value = remaining.removeValue(forKey: name), value != .null else { return nil }
        guard let text = value.stringValue else { throw wrongType(name, "a string") }
        return text
    }

    /// The required string member `name`.
    mutating func requireString(_ name: String) throws -> String {
        guard let text = try takeString(name) else {
            throw DecodingError.keyNotFound(
                MemberKey(name), .init(codingPath: codingPath, debugDescription: "member \"\(name)\" is missing"))
        }
        return text
    }

    /// The URL member `name` (an absolute URL string).
    mutating func takeURL(_ name: String) throws -> URL? {
        guard let text = try takeString(name) else { return nil }
        guard let url = URL(string: text), url.scheme != nil else { throw wrongType(name, "an absolute URL") }
        return url
    }

    /// The required URL member `name`.
    mutating func requireURL(_ name: String) throws -> URL {
        guard let url = try takeURL(name) else {
            throw DecodingError.keyNotFound(
                MemberKey(name), .init(codingPath: codingPath, debugDescription: "member \"\(name)\" is missing"))
        }
        return url
    }

    /// The array-of-strings member `name`.
    mutating func takeStrings(_ name: String) throws -> [String]? {
        guard let value = remaining.removeValue(forKey: name), value != .null else { return nil }
        guard let array = value.arrayValue else { throw wrongType(name, "an array of strings") }
        var texts: [String] = []
        for element in array {
            guard let text = element.stringValue else { throw wrongType(name, "an array of strings") }
            texts.append(text)
        }
        return texts
    }

    /// The Boolean member `name`.
    mutating func takeBool(_ name: String) throws -> Bool? {
        guard let value = remaining.removeValue(forKey: name), value != .null else { return nil }
        guard let flag = value.boolValue else { throw wrongType(name, "a Boolean") }
        return flag
    }

    /// The integral number member `name` (a string of digits is accepted too, as some servers send one).
    mutating func takeInteger(_ name: String) throws -> Int64? {
        guard let value = remaining.removeValue(forKey: name), value != .null else { return nil }
        if let number = value.integerValue { return number }
        if let text = value.stringValue, let number = Int64(text) { return number }
        throw wrongType(name, "an integer")
    }

    /// The member `name` decoded as `type`.
    mutating func take<Value: Decodable>(_ name: String, as type: Value.Type) throws -> Value? {
        guard let value = remaining.removeValue(forKey: name), value != .null else { return nil }
        do {
            return try JSONValueCoding.decode(type, from: value)
        } catch {
            throw wrongType(name, "a valid \(type)")
        }
    }

    // MARK: Lenient readers

    /// The member `name` as text: strings (empty is `nil`), numbers and Booleans written as text.
    /// Objects and arrays stay in ``remaining``.
    mutating func text(_ name: String) -> String? {
        guard let value = remaining[name] else { return nil }
        switch value {
        case .null:
            remaining[name] = nil
            return nil
        case .string(let text):
            remaining[name] = nil
            return text.isEmpty ? nil : text
        case .integer(let number):
            remaining[name] = nil
            return String(number)
        case .number(let number):
            remaining[name] = nil
            return String(number)
        case .bool(let flag):
            remaining[name] = nil
            return flag ? "true" : "false"
        case .array, .object:
            return nil
        }
    }

    /// The member `name` as a list of texts: an array (non-text elements and empty strings skipped) or
    /// a single text. Absent is an empty list.
    mutating func textList(_ name: String) -> [String] {
        guard let value = remaining[name] else { return [] }
        if let array = value.arrayValue {
            remaining[name] = nil
            return array.compactMap { element in
                guard let text = element.stringValue, !text.isEmpty else { return nil }
                return text
            }
        }
        return text(name).map { [$0] } ?? []
    }

    /// The member `name` as a Boolean: `true`/`false`, or the strings `"true"`/`"false"`.
    mutating func flag(_ name: String) -> Bool? {
        guard let value = remaining[name] else { return nil }
        let result: Bool?
        switch value {
        case .bool(let flag): result = flag
        case .string(let text) where text.lowercased() == "true": result = true
        case .string(let text) where text.lowercased() == "false": result = false
        case .null: result = nil
        default: return nil
        }
        remaining[name] = nil
        return result
    }

    /// The member `name` as an integer: a number, or a string of digits.
    mutating func integer(_ name: String) -> Int64? {
        guard let value = remaining[name] else { return nil }
        if let number = value.integerValue {
            remaining[name] = nil
            return number
        }
        if let text = value.stringValue, let number = Int64(text) {
            remaining[name] = nil
            return number
        }
        return nil
    }

    /// The array member `name`, each element decoded leniently as `Element`; elements that fail are
    /// skipped. Absent is an empty list.
    mutating func objects<Element: Decodable>(_ name: String, as type: Element.Type) -> [Element] {
        guard let array = remaining[name]?.arrayValue else { return [] }
        remaining[name] = nil
        return array.compactMap { try? JSONValueCoding.decode(type, from: $0) }
    }

    /// The object member `name` decoded leniently as `Value`, or `nil` (left in ``remaining``) when it
    /// does not decode.
    mutating func object<Value: Decodable>(_ name: String, as type: Value.Type) -> Value? {
        guard let value = remaining[name], value.objectValue != nil,
            let decoded = try? JSONValueCoding.decode(type, from: value)
        else { return nil }
        remaining[name] = nil
        return decoded
    }

    // MARK: Writing

    mutating func put(_ name: String, _ value: JSONValue?) {
        if let value { remaining[name] = value }
    }

    mutating func put(_ name: String, _ value: String?) {
        put(name, value.map(JSONValue.string))
    }

    mutating func put(_ name: String, _ value: URL?) {
        put(name, value.map { JSONValue.string($0.absoluteString) })
    }

    mutating func put(_ name: String, _ value: [String]?) {
        put(name, value.map { JSONValue.array($0.map(JSONValue.string)) })
    }

    mutating func put(_ name: String, _ value: Bool?) {
        put(name, value.map(JSONValue.bool))
    }

    mutating func put(_ name: String, _ value: Int64?) {
        put(name, value.map(JSONValue.integer))
    }

    mutating func put(_ name: String, encoding value: (some Encodable)?) throws {
        guard let value else { return }
        remaining[name] = try JSONValueCoding.encode(value)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(JSONValue.object(remaining))
    }
}

/// Converts between `Codable` values and `JSONValue`.
enum JSONValueCoding {
    static func decode<Value: Decodable>(_ type: Value.Type, from value: JSONValue) throws -> Value {
        try JSONDecoder().decode(type, from: JSONEncoder().encode(value))
    }

    static func encode(_ value: some Encodable) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
    }
}

/// A coding key for any member name.
struct MemberKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
