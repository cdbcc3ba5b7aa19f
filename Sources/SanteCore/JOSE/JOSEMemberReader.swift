/// Reads typed members out of a decoded JSON object, reporting wrong types as `DecodingError`.
struct JOSEMemberReader {
    let members: [String: JSONValue]
    let codingPath: [any CodingKey]

    /// The member as a string, `nil` when absent; a non-string value is an error.
    func string(_ name: String) throws -> String? {
        guard let value = members[name] else { return nil }
        guard let string = value.stringValue else { throw wrongType(name, expected: "a string") }
        return string
    }

    /// The member as an array of strings, `nil` when absent; any other shape is an error.
    func strings(_ name: String) throws -> [String]? {
        guard let value = members[name] else { return nil }
        guard let array = value.arrayValue else { throw wrongType(name, expected: "an array of strings") }
        return try array.map { element in
            guard let string = element.stringValue else { throw wrongType(name, expected: "an array of strings") }
            return string
        }
    }

    /// The member as a number, `nil` when absent; a non-number value is an error.
    func number(_ name: String) throws -> Double? {
        guard let value = members[name] else { return nil }
        guard let number = value.doubleValue, number.isFinite else { throw wrongType(name, expected: "a number") }
        return number
    }

    func wrongType(_ name: String, expected: String) -> DecodingError {
        DecodingError.dataCorrupted(
            .init(codingPath: codingPath, debugDescription: "member \"\(name)\" must be \(expected)"))
    }
}
