extension JSONByteDecodingState {
    /// Reads the value at `offset` when `Value` is a scalar type that decodes itself from a single value
    /// container with one typed read (`String`, `Int`, `Double`, `Bool`): the same read, without a nested
    /// decoder or a coding path step.
    /// - Parameters:
    ///   - type: The type asked for.
    ///   - offset: The offset of the value.
    ///   - path: The coding path step of the container.
    ///   - key: The key of the value in its container.
    /// - Returns: The value, or `nil` when `Value` is not such a type.
    /// - Throws: `DecodingError` as the typed read does.
    func decodeScalar<Value>(
        _ type: Value.Type, at offset: Int, path: Int, key: @autoclosure () -> JSONByteCodingPathNode.Step?
    ) throws -> Value? {
        if Value.self == String.self { return try decodeString(at: offset, path: path, key: key()) as? Value }
        if Value.self == Int.self { return try decodeInteger(Int.self, at: offset, path: path, key: key()) as? Value }
        if Value.self == Double.self { return try decodeDouble(at: offset, path: path, key: key()) as? Value }
        if Value.self == Bool.self { return try decodeBool(at: offset, path: path, key: key()) as? Value }
        return nil
    }

    /// Reads the object at `offset` when `Value` is `[String: String]`, `[String: Int]`, `[String: Double]` or
    /// `[String: Bool]`, as `Dictionary.init(from:)` does through `JSONDecoder`: for each distinct name (the first
    /// of names equal as `String`s), the first member's value, read as the element type.
    /// - Parameters:
    ///   - type: The type asked for.
    ///   - offset: The offset of the value.
    ///   - path: The coding path step of the value.
    /// - Returns: The dictionary, or `nil` when `Value` is not such a type.
    /// - Throws: `DecodingError` when the value is not an object or a member is not of the element type.
    func decodeStringKeyedDictionary<Value>(_ type: Value.Type, at offset: Int, path: Int) throws -> Value? {
        if Value.self == [String: String].self { return try dictionary(String.self, at: offset, path: path) as? Value }
        if Value.self == [String: Int].self { return try dictionary(Int.self, at: offset, path: path) as? Value }
        if Value.self == [String: Double].self { return try dictionary(Double.self, at: offset, path: path) as? Value }
        if Value.self == [String: Bool].self { return try dictionary(Bool.self, at: offset, path: path) as? Value }
        return nil
    }

    /// Reads the object at `offset` into a dictionary of scalar elements.
    private func dictionary<Element>(_ type: Element.Type, at offset: Int, path: Int) throws -> [String: Element] {
        let container = try JSONByteKeyedContainer<JSONByteCodingKey>(state: self, offset: offset, path: path)
        var result: [String: Element] = Dictionary(minimumCapacity: container.members.count)
        for index in container.members {
            let member = members[index]
            let name = name(of: member)
            guard result[name] == nil else { continue }
            guard let value = try decodeScalar(type, at: member.value, path: path, key: .dictionaryKey(name)) else {
                throw failure(
                    DecodingError.dataCorrupted(
                        DecodingError.Context(codingPath: codingPath(path), debugDescription: "Not a scalar type.")))
            }
            result[name] = value
        }
        return result
    }
}
