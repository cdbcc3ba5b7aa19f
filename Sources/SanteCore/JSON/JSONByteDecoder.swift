/// The `Decoder` of ``JSONByteDecoding`` for one value, also its single value container, as in `JSONDecoder`.
struct JSONByteDecoder: Decoder, SingleValueDecodingContainer {
    /// The run's shared state.
    let state: JSONByteDecodingState
    /// The offset of the value's first byte; -1 for a missing member read as `null` (`superDecoder`).
    let offset: Int
    /// The coding path step of the value.
    let path: Int

    /// The path of keys to the value.
    var codingPath: [any CodingKey] { state.codingPath(path) }

    /// Empty: only a `JSONDecoder` without user info is replaced.
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Opens the value as a keyed container.
    /// - Parameter type: The container's keys.
    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try JSONByteKeyedContainer<Key>(state: state, offset: offset, path: path))
    }

    /// Opens the value as an unkeyed container.
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try JSONByteUnkeyedContainer(state: state, offset: offset, path: path)
    }

    /// The value as a single value container: this decoder.
    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        try state.checkOpen()
        return self
    }

    /// Whether the value is `null`.
    func decodeNil() -> Bool {
        state.isOpen && state.isNull(at: offset)
    }

    /// Reads the value as a Boolean.
    /// - Parameter type: `Bool`.
    func decode(_ type: Bool.Type) throws -> Bool {
        try state.checkOpen()
        return try state.decodeBool(at: offset, path: path, key: nil)
    }

    /// Reads the value as a string.
    /// - Parameter type: `String`.
    func decode(_ type: String.Type) throws -> String {
        try state.checkOpen()
        return try state.decodeString(at: offset, path: path, key: nil)
    }

    /// Reads the value as a `Double`.
    /// - Parameter type: `Double`.
    func decode(_ type: Double.Type) throws -> Double {
        try state.checkOpen()
        return try state.decodeDouble(at: offset, path: path, key: nil)
    }

    /// Reads the value as a `Float`.
    /// - Parameter type: `Float`.
    func decode(_ type: Float.Type) throws -> Float {
        try state.checkOpen()
        return try state.decodeFloat(at: offset, path: path, key: nil)
    }

    /// Reads the value as an `Int`.
    /// - Parameter type: `Int`.
    func decode(_ type: Int.Type) throws -> Int {
        try state.checkOpen()
        return try state.decodeInteger(type, at: offset, path: path, key: nil)
    }

    /// Reads the value as an `Int8`.
    /// - Parameter type: `Int8`.
    func decode(_ type: Int8.Type) throws -> Int8 {
        try state.checkOpen()
        return try state.decodeInteger(type, at: offset, path: path, key: nil)
    }

    /// Reads the value as an `Int16`.
    /// - Parameter type: `Int16`.
    func decode(_ type: Int16.Type) throws -> Int16 {
        try state.checkOpen()
        return try state.decodeInteger(type, at: offset, path: path, key: nil)
    }

    /// Reads the value as an `Int32`.
    /// - Parameter type: `Int32`.
    func decode(_ type: Int32.Type) throws -> Int32 {
        try state.checkOpen()
        return try state.decodeInteger(type, at: offset, path: path, key: nil)
    }

    /// Reads the value as an `Int64`.
    /// - Parameter type: `Int64`.
    func decode(_ type: Int64.Type) throws -> Int64 {
        try state.checkOpen()
        return try state.decodeInteger(type, at: offset, path: path, key: nil)
    }

    /// Reads the value as an `UInt`.
    /// - Parameter type: `UInt`.
    func decode(_ type: UInt.Type) throws -> UInt {
        try state.checkOpen()
        return try state.decodeInteger(type, at: offset, path: path, key: nil)
    }

    /// Reads the value as an `UInt8`.
    /// - Parameter type: `UInt8`.
    func decode(_ type: UInt8.Type) throws -> UInt8 {
        try state.checkOpen()
        return try state.decodeInteger(type, at: offset, path: path, key: nil)
    }

    /// Reads the value as an `UInt16`.
    /// - Parameter type: `UInt16`.
    func decode(_ type: UInt16.Type) throws -> UInt16 {
        try state.checkOpen()
        return try state.decodeInteger(type, at: offset, path: path, key: nil)
    }

    /// Reads the value as an `UInt32`.
    /// - Parameter type: `UInt32`.
    func decode(_ type: UInt32.Type) throws -> UInt32 {
        try state.checkOpen()
        return try state.decodeInteger(type, at: offset, path: path, key: nil)
    }

    /// Reads the value as an `UInt64`.
    /// - Parameter type: `UInt64`.
    func decode(_ type: UInt64.Type) throws -> UInt64 {
        try state.checkOpen()
        return try state.decodeInteger(type, at: offset, path: path, key: nil)
    }

    /// Reads the value as an `Int128`.
    /// - Parameter type: `Int128`.
    func decode(_ type: Int128.Type) throws -> Int128 {
        try state.checkOpen()
        return try state.decodeInteger(type, at: offset, path: path, key: nil)
    }

    /// Reads the value as an `UInt128`.
    /// - Parameter type: `UInt128`.
    func decode(_ type: UInt128.Type) throws -> UInt128 {
        try state.checkOpen()
        return try state.decodeInteger(type, at: offset, path: path, key: nil)
    }

    /// Decodes the value as any type.
    /// - Parameter type: The type.
    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try state.checkOpen()
        return try state.decode(type, at: offset, path: path)
    }
}
