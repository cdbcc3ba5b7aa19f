/// A keyed container of ``JSONByteDecoding``: the object's members indexed once, a key found by comparing
/// bytes, values read in place. It behaves as `JSONDecoder`'s: the first of duplicate names wins, a missing key
/// throws `keyNotFound`, `decodeIfPresent` gives `nil` for a missing key or `null`, `superDecoder()` reads the
/// member `super` (`null` when missing).
struct JSONByteKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    /// The run's shared state.
    let state: JSONByteDecodingState
    /// The coding path step of the object.
    let path: Int
    /// The object's members in the state's member table.
    let members: Range<Int>

    /// Opens the object at `offset`.
    /// - Throws: `DecodingError` when the value is not an object.
    init(state: JSONByteDecodingState, offset: Int, path: Int) throws {
        try state.checkOpen()
        let kind = state.kind(at: offset)
        guard kind == .object else {
            throw state.failure(
                kind == .null
                    ? DecodingError.valueNotFound(
                        [String: Any].self,
                        DecodingError.Context(
                            codingPath: state.codingPath(path),
                            debugDescription: "Cannot get keyed decoding container -- found null value instead"))
                    : DecodingError.typeMismatch(
                        [String: Any].self,
                        DecodingError.Context(
                            codingPath: state.codingPath(path),
                            debugDescription:
                                "Expected to decode \([String: Any].self) but found \(kind.decodingName) instead."
                        )))
        }
        self.state = state
        self.path = path
        self.members = state.indexMembers(ofObjectAt: offset)
    }

    /// The path of keys to the object.
    var codingPath: [any CodingKey] { state.codingPath(path) }

    /// The distinct member names that make keys, in document order.
    var allKeys: [Key] {
        guard state.isOpen else { return [] }
        return state.distinctNames(in: members).compactMap { Key(stringValue: $0) }
    }

    /// Whether the object has a member named `key`.
    /// - Parameter key: The key.
    func contains(_ key: Key) -> Bool {
        state.isOpen && state.valueOffset(forKey: key.stringValue, in: members) != nil
    }

    /// The offset of the member's value; throws `keyNotFound` when it is missing.
    private func value(forKey key: some CodingKey) throws -> Int {
        try state.checkOpen()
        guard let offset = state.valueOffset(forKey: key.stringValue, in: members) else {
            throw state.failure(
                DecodingError.keyNotFound(
                    key,
                    DecodingError.Context(
                        codingPath: codingPath,
                        debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\").")))
        }
        return offset
    }

    /// The offset of the member's value, or `nil` when it is missing or `null`.
    private func presentValue(forKey key: Key) throws -> Int? {
        try state.checkOpen()
        guard let offset = state.valueOffset(forKey: key.stringValue, in: members), !state.isNull(at: offset) else {
            return nil
        }
        return offset
    }

    /// Whether the member is `null`; throws `keyNotFound` when it is missing.
    /// - Parameter key: The key.
    func decodeNil(forKey key: Key) throws -> Bool {
        state.isNull(at: try value(forKey: key))
    }

    /// Reads a Boolean member.
    /// - Parameters:
    ///   - type: `Bool`.
    ///   - key: The key.
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try state.decodeBool(at: try value(forKey: key), path: path, key: .key(key))
    }

    /// Reads a Boolean member, `nil` when missing or `null`.
    /// - Parameters:
    ///   - type: `Bool`.
    ///   - key: The key.
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let offset = try presentValue(forKey: key) else { return nil }
        return try state.decodeBool(at: offset, path: path, key: .key(key))
    }

    /// Reads a string member.
    /// - Parameters:
    ///   - type: `String`.
    ///   - key: The key.
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try state.decodeString(at: try value(forKey: key), path: path, key: .key(key))
    }

    /// Reads a string member, `nil` when missing or `null`.
    /// - Parameters:
    ///   - type: `String`.
    ///   - key: The key.
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let offset = try presentValue(forKey: key) else { return nil }
        return try state.decodeString(at: offset, path: path, key: .key(key))
    }

    /// Reads a `Double` member.
    /// - Parameters:
    ///   - type: `Double`.
    ///   - key: The key.
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try state.decodeDouble(at: try value(forKey: key), path: path, key: .key(key))
    }

    /// Reads a `Double` member, `nil` when missing or `null`.
    /// - Parameters:
    ///   - type: `Double`.
    ///   - key: The key.
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        guard let offset = try presentValue(forKey: key) else { return nil }
        return try state.decodeDouble(at: offset, path: path, key: .key(key))
    }

    /// Reads a `Float` member.
    /// - Parameters:
    ///   - type: `Float`.
    ///   - key: The key.
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        try state.decodeFloat(at: try value(forKey: key), path: path, key: .key(key))
    }

    /// Reads a `Float` member, `nil` when missing or `null`.
    /// - Parameters:
    ///   - type: `Float`.
    ///   - key: The key.
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? {
        guard let offset = try presentValue(forKey: key) else { return nil }
        return try state.decodeFloat(at: offset, path: path, key: .key(key))
    }

    /// Reads an `Int` member.
    /// - Parameters:
    ///   - type: `Int`.
    ///   - key: The key.
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        try state.decodeInteger(type, at: try value(forKey: key), path: path, key: .key(key))
    }

    /// Reads an `Int` member, `nil` when missing or `null`.
    /// - Parameters:
    ///   - type: `Int`.
    ///   - key: The key.
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let offset = try presentValue(forKey: key) else { return nil }
        return try state.decodeInteger(type, at: offset, path: path, key: .key(key))
    }

    /// Reads an `Int8` member.
    /// - Parameters:
    ///   - type: `Int8`.
    ///   - key: The key.
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 {
        try state.decodeInteger(type, at: try value(forKey: key), path: path, key: .key(key))
    }

    /// Reads an `Int8` member, `nil` when missing or `null`.
    /// - Parameters:
    ///   - type: `Int8`.
    ///   - key: The key.
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? {
        guard let offset = try presentValue(forKey: key) else { return nil }
        return try state.decodeInteger(type, at: offset, path: path, key: .key(key))
    }

    /// Reads an `Int16` member.
    /// - Parameters:
    ///   - type: `Int16`.
    ///   - key: The key.
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
        try state.decodeInteger(type, at: try value(forKey: key), path: path, key: .key(key))
    }

    /// Reads an `Int16` member, `nil` when missing or `null`.
    /// - Parameters:
    ///   - type: `Int16`.
    ///   - key: The key.
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? {
        guard let offset = try presentValue(forKey: key) else { return nil }
        return try state.decodeInteger(type, at: offset, path: path, key: .key(key))
    }

    /// Reads an `Int32` member.
    /// - Parameters:
    ///   - type: `Int32`.
    ///   - key: The key.
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
        try state.decodeInteger(type, at: try value(forKey: key), path: path, key: .key(key))
    }

    /// Reads an `Int32` member, `nil` when missing or `null`.
    /// - Parameters:
    ///   - type: `Int32`.
    ///   - key: The key.
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? {
        guard let offset = try presentValue(forKey: key) else { return nil }
        return try state.decodeInteger(type, at: offset, path: path, key: .key(key))
    }

    /// Reads an `Int64` member.
    /// - Parameters:
    ///   - type: `Int64`.
    ///   - key: The key.
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        try state.decodeInteger(type, at: try value(forKey: key), path: path, key: .key(key))
    }

    /// Reads an `Int64` member, `nil` when missing or `null`.
    /// - Parameters:
    ///   - type: `Int64`.
    ///   - key: The key.
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? {
        guard let offset = try presentValue(forKey: key) else { return nil }
        return try state.decodeInteger(type, at: offset, path: path, key: .key(key))
    }

    /// Reads an `UInt` member.
    /// - Parameters:
    ///   - type: `UInt`.
    ///   - key: The key.
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt {
        try state.decodeInteger(type, at: try value(forKey: key), path: path, key: .key(key))
    }

    /// Reads an `UInt` member, `nil` when missing or `null`.
    /// - Parameters:
    ///   - type: `UInt`.
    ///   - key: The key.
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? {
        guard let offset = try presentValue(forKey: key) else { return nil }
        return try state.decodeInteger(type, at: offset, path: path, key: .key(key))
    }

    /// Reads an `UInt8` member.
    /// - Parameters:
    ///   - type: `UInt8`.
    ///   - key: The key.
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
        try state.decodeInteger(type, at: try value(forKey: key), path: path, key: .key(key))
    }

    /// Reads an `UInt8` member, `nil` when missing or `null`.
    /// - Parameters:
    ///   - type: `UInt8`.
    ///   - key: The key.
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? {
        guard let offset = try presentValue(forKey: key) else { return nil }
        return try state.decodeInteger(type, at: offset, path: path, key: .key(key))
    }

    /// Reads an `UInt16` member.
    /// - Parameters:
    ///   - type: `UInt16`.
    ///   - key: The key.
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        try state.decodeInteger(type, at: try value(forKey: key), path: path, key: .key(key))
    }

    /// Reads an `UInt16` member, `nil` when missing or `null`.
    /// - Parameters:
    ///   - type: `UInt16`.
    ///   - key: The key.
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? {
        guard let offset = try presentValue(forKey: key) else { return nil }
        return try state.decodeInteger(type, at: offset, path: path, key: .key(key))
    }

    /// Reads an `UInt32` member.
    /// - Parameters:
    ///   - type: `UInt32`.
    ///   - key: The key.
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        try state.decodeInteger(type, at: try value(forKey: key), path: path, key: .key(key))
    }

    /// Reads an `UInt32` member, `nil` when missing or `null`.
    /// - Parameters:
    ///   - type: `UInt32`.
    ///   - key: The key.
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? {
        guard let offset = try presentValue(forKey: key) else { return nil }
        return try state.decodeInteger(type, at: offset, path: path, key: .key(key))
    }

    /// Reads an `UInt64` member.
    /// - Parameters:
    ///   - type: `UInt64`.
    ///   - key: The key.
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        try state.decodeInteger(type, at: try value(forKey: key), path: path, key: .key(key))
    }

    /// Reads an `UInt64` member, `nil` when missing or `null`.
    /// - Parameters:
    ///   - type: `UInt64`.
    ///   - key: The key.
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? {
        guard let offset = try presentValue(forKey: key) else { return nil }
        return try state.decodeInteger(type, at: offset, path: path, key: .key(key))
    }

    /// Reads an `Int128` member.
    /// - Parameters:
    ///   - type: `Int128`.
    ///   - key: The key.
    func decode(_ type: Int128.Type, forKey key: Key) throws -> Int128 {
        try state.decodeInteger(type, at: try value(forKey: key), path: path, key: .key(key))
    }

    /// Reads an `Int128` member, `nil` when missing or `null`.
    /// - Parameters:
    ///   - type: `Int128`.
    ///   - key: The key.
    func decodeIfPresent(_ type: Int128.Type, forKey key: Key) throws -> Int128? {
        guard let offset = try presentValue(forKey: key) else { return nil }
        return try state.decodeInteger(type, at: offset, path: path, key: .key(key))
    }

    /// Reads an `UInt128` member.
    /// - Parameters:
    ///   - type: `UInt128`.
    ///   - key: The key.
    func decode(_ type: UInt128.Type, forKey key: Key) throws -> UInt128 {
        try state.decodeInteger(type, at: try value(forKey: key), path: path, key: .key(key))
    }

    /// Reads an `UInt128` member, `nil` when missing or `null`.
    /// - Parameters:
    ///   - type: `UInt128`.
    ///   - key: The key.
    func decodeIfPresent(_ type: UInt128.Type, forKey key: Key) throws -> UInt128? {
        guard let offset = try presentValue(forKey: key) else { return nil }
        return try state.decodeInteger(type, at: offset, path: path, key: .key(key))
    }

    /// Decodes a member of any type.
    /// - Parameters:
    ///   - type: The type.
    ///   - key: The key.
    func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value {
        let offset = try value(forKey: key)
        if let scalar = try state.decodeScalar(type, at: offset, path: path, key: .key(key)) { return scalar }
        return try state.decode(type, at: offset, path: state.appendPath(parent: path, .key(key)))
    }

    /// Decodes a member of any type, `nil` when missing or `null`.
    /// - Parameters:
    ///   - type: The type.
    ///   - key: The key.
    func decodeIfPresent<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value? {
        guard let offset = try presentValue(forKey: key) else { return nil }
        if let scalar = try state.decodeScalar(type, at: offset, path: path, key: .key(key)) { return scalar }
        return try state.decode(type, at: offset, path: state.appendPath(parent: path, .key(key)))
    }

    /// Opens the member as a keyed container.
    /// - Parameters:
    ///   - type: The nested container's keys.
    ///   - key: The key.
    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let offset = try value(forKey: key)
        return KeyedDecodingContainer(
            try JSONByteKeyedContainer<NestedKey>(
                state: state, offset: offset, path: state.appendPath(parent: path, .key(key))))
    }

    /// Opens the member as an unkeyed container.
    /// - Parameter key: The key.
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let offset = try value(forKey: key)
        return try JSONByteUnkeyedContainer(
            state: state, offset: offset, path: state.appendPath(parent: path, .key(key)))
    }

    /// A decoder for the member `super`, reading `null` when it is missing.
    func superDecoder() throws -> any Decoder {
        try decoder(forKey: JSONByteCodingKey.superKey)
    }

    /// A decoder for the member, reading `null` when it is missing.
    /// - Parameter key: The key.
    func superDecoder(forKey key: Key) throws -> any Decoder {
        try decoder(forKey: key)
    }

    /// A decoder for a member, or for `null` when it is missing.
    private func decoder(forKey key: some CodingKey) throws -> any Decoder {
        try state.checkOpen()
        let offset = state.valueOffset(forKey: key.stringValue, in: members) ?? -1
        return JSONByteDecoder(state: state, offset: offset, path: state.appendPath(parent: path, .key(key)))
    }
}
