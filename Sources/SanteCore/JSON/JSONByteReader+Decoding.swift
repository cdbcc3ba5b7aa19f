extension JSONByteReader {
    /// Reads a string where a `Decodable` type expects one.
    /// - Parameter path: The coding path of the value, for the error.
    /// - Returns: The string.
    /// - Throws: `DecodingError` when the value is not a string, ``StreamingReadError`` on malformed JSON.
    package mutating func decodeString(at path: @autoclosure () -> [any CodingKey]) throws -> String {
        try expect(.string, String.self, at: path)
        return try readString()
    }

    /// Reads an integer where a `Decodable` type expects an `Int`: `3`, `3.0` and `3e0` are 3, as in `JSONDecoder`.
    /// - Parameter path: The coding path of the value, for the error.
    /// - Returns: The integer.
    /// - Throws: `DecodingError` when the value is not an integral number that fits, ``StreamingReadError`` on
    ///   malformed JSON.
    package mutating func decodeInt(at path: @autoclosure () -> [any CodingKey]) throws -> Int {
        try expect(.number, Int.self, at: path)
        if case .integer(let value) = try readNumber(), let integer = Int(exactly: value) { return integer }
        throw DecodingError.dataCorrupted(
            DecodingError.Context(codingPath: path(), debugDescription: "Number does not fit in Int.")
        )
    }

    /// Reads a number where a `Decodable` type expects a `Double`.
    /// - Parameter path: The coding path of the value, for the error.
    /// - Returns: The nearest `Double`.
    /// - Throws: `DecodingError` when the value is not a number, ``StreamingReadError`` on malformed JSON.
    package mutating func decodeDouble(at path: @autoclosure () -> [any CodingKey]) throws -> Double {
        try expect(.number, Double.self, at: path)
        return try readDouble()
    }

    /// Reads a Boolean where a `Decodable` type expects one.
    /// - Parameter path: The coding path of the value, for the error.
    /// - Returns: The Boolean.
    /// - Throws: `DecodingError` when the value is not a Boolean, ``StreamingReadError`` on malformed JSON.
    package mutating func decodeBool(at path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        try expect(.bool, Bool.self, at: path)
        return try readBool()
    }

    /// Opens an object where a `Decodable` type expects one; then read members with ``nextMemberName()``.
    /// - Parameter path: The coding path of the value, for the error.
    /// - Throws: `DecodingError` when the value is not an object, ``StreamingReadError`` on malformed JSON.
    package mutating func decodeObject(at path: @autoclosure () -> [any CodingKey]) throws {
        try expect(.object, [String: JSONValue].self, at: path)
        try beginObject()
    }

    /// Reads an object where a `Decodable` type expects a `[String: JSONValue]`.
    /// - Parameter path: The coding path of the value, for the error.
    /// - Returns: The members.
    /// - Throws: `DecodingError` when the value is not an object, ``StreamingReadError`` on malformed JSON.
    package mutating func decodeMembers(at path: @autoclosure () -> [any CodingKey]) throws -> [String: JSONValue] {
        try expect(.object, [String: JSONValue].self, at: path)
        return try readObject()
    }

    /// Opens an array where a `Decodable` type expects one; then read elements with ``nextElement()``.
    /// - Parameter path: The coding path of the value, for the error.
    /// - Throws: `DecodingError` when the value is not an array, ``StreamingReadError`` on malformed JSON.
    package mutating func decodeArray(at path: @autoclosure () -> [any CodingKey]) throws {
        try expect(.array, [JSONValue].self, at: path)
        try beginArray()
    }

    /// Throws the `DecodingError` `JSONDecoder` would when the next value is not of `kind`.
    private mutating func expect<Value>(
        _ kind: JSONValueKind, _ type: Value.Type, at path: () -> [any CodingKey]
    ) throws {
        let found = try peekKind()
        guard found != kind else { return }
        if found == .null {
            throw DecodingError.valueNotFound(
                type,
                DecodingError.Context(
                    codingPath: path(), debugDescription: "Cannot get value of type \(type) -- found null value instead"
                )
            )
        }
        throw DecodingError.typeMismatch(
            type,
            DecodingError.Context(
                codingPath: path(),
                debugDescription: "Expected to decode \(type) but found \(found.decodingName) instead.")
        )
    }
}
