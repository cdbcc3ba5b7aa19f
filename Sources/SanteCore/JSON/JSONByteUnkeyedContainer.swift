/// An unkeyed container of ``JSONByteDecoding``: the array's elements read in place, one after the other. It
/// behaves as `JSONDecoder`'s: reading past the end throws `valueNotFound`, except `decodeIfPresent`, which gives
/// `nil` and still moves ``currentIndex`` on; `decodeNil()` moves on only past a `null`; a failed read does not
/// move on.
struct JSONByteUnkeyedContainer: UnkeyedDecodingContainer {
    // The container is three words (the numbers in 32 bits, ``JSONByteDecoding`` taking documents below 512 MB),
    // so that `any UnkeyedDecodingContainer` holds it inline instead of boxing it.

    /// The run's shared state.
    let state: JSONByteDecodingState
    /// The coding path step of the array.
    private let pathStep: Int32
    /// The offset of the array's opening bracket.
    private let arrayStart: Int32
    /// The offset of the next element, or of the closing bracket after the last one.
    private var nextOffset: Int32
    /// The index of the next element.
    private var nextIndex: Int32 = 0

    /// The coding path step of the array.
    var path: Int { Int(pathStep) }
    /// The offset of the array's opening bracket.
    var arrayOffset: Int { Int(arrayStart) }
    /// The offset of the next element, or of the closing bracket after the last one.
    private var next: Int {
        get { Int(nextOffset) }
        set { nextOffset = Int32(truncatingIfNeeded: newValue) }
    }
    /// The index of the next element.
    private(set) var currentIndex: Int {
        get { Int(nextIndex) }
        set { nextIndex = Int32(truncatingIfNeeded: newValue) }
    }

    /// Opens the array at `offset`.
    /// - Throws: `DecodingError` when the value is not an array.
    init(state: JSONByteDecodingState, offset: Int, path: Int) throws {
        try state.checkOpen()
        let kind = state.kind(at: offset)
        guard kind == .array else {
            throw state.failure(
                kind == .null
                    ? DecodingError.valueNotFound(
                        [Any].self,
                        DecodingError.Context(
                            codingPath: state.codingPath(path),
                            debugDescription: "Cannot get unkeyed decoding container -- found null value instead"))
                    : DecodingError.typeMismatch(
                        [Any].self,
                        DecodingError.Context(
                            codingPath: state.codingPath(path),
                            debugDescription: "Expected to decode \([Any].self) but found \(kind.decodingName) instead."
                        )))
        }
        self.state = state
        self.pathStep = Int32(truncatingIfNeeded: path)
        self.arrayStart = Int32(truncatingIfNeeded: offset)
        self.nextOffset = Int32(truncatingIfNeeded: state.layout.nextItem(after: offset + 1))
    }

    /// The path of keys to the array.
    var codingPath: [any CodingKey] { state.codingPath(path) }

    /// The number of elements.
    var count: Int? {
        guard state.isOpen else { return 0 }
        let layout = state.layout
        var count = 0
        var index = layout.nextItem(after: arrayOffset + 1)
        while index < layout.bytes.count, layout.byte(at: index) != UInt8(ascii: "]") {
            count += 1
            index = layout.nextItem(after: layout.endOfValue(at: index))
        }
        return count
    }

    /// Whether every element has been read.
    var isAtEnd: Bool {
        !state.isOpen || next >= state.layout.bytes.count || state.layout.byte(at: next) == UInt8(ascii: "]")
    }

    /// The offset of the next element; throws `valueNotFound` at the end.
    private func element(_ type: Any.Type, message: String = "Unkeyed container is at end.") throws -> Int {
        try state.checkOpen()
        guard !isAtEnd else {
            throw state.failure(
                DecodingError.valueNotFound(
                    type,
                    DecodingError.Context(
                        codingPath: state.codingPath(path, appending: .index(currentIndex)),
                        debugDescription: message)))
        }
        return next
    }

    /// The offset of the next element, or `nil` at the end or for `null`; moves on either way.
    private mutating func presentElement() throws -> Int? {
        try state.checkOpen()
        guard !isAtEnd else {
            currentIndex += 1
            return nil
        }
        guard !state.isNull(at: next) else {
            moveOn()
            return nil
        }
        return next
    }

    /// Moves past the element at ``next``.
    private mutating func moveOn() {
        if !isAtEnd { next = state.layout.nextItem(after: state.layout.endOfValue(at: next)) }
        currentIndex += 1
    }

    /// Moves past the next element if it is `null`.
    /// - Returns: Whether it was.
    mutating func decodeNil() throws -> Bool {
        guard state.isNull(at: try element(Never.self)) else { return false }
        moveOn()
        return true
    }

    /// Reads a Boolean element.
    /// - Parameter type: `Bool`.
    mutating func decode(_ type: Bool.Type) throws -> Bool {
        let value = try state.decodeBool(at: try element(type), path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads a Boolean element, `nil` at the end or for `null`.
    /// - Parameter type: `Bool`.
    mutating func decodeIfPresent(_ type: Bool.Type) throws -> Bool? {
        guard let offset = try presentElement() else { return nil }
        let value = try state.decodeBool(at: offset, path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads a string element.
    /// - Parameter type: `String`.
    mutating func decode(_ type: String.Type) throws -> String {
        let value = try state.decodeString(at: try element(type), path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads a string element, `nil` at the end or for `null`.
    /// - Parameter type: `String`.
    mutating func decodeIfPresent(_ type: String.Type) throws -> String? {
        guard let offset = try presentElement() else { return nil }
        let value = try state.decodeString(at: offset, path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads a `Double` element.
    /// - Parameter type: `Double`.
    mutating func decode(_ type: Double.Type) throws -> Double {
        let value = try state.decodeDouble(at: try element(type), path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads a `Double` element, `nil` at the end or for `null`.
    /// - Parameter type: `Double`.
    mutating func decodeIfPresent(_ type: Double.Type) throws -> Double? {
        guard let offset = try presentElement() else { return nil }
        let value = try state.decodeDouble(at: offset, path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads a `Float` element.
    /// - Parameter type: `Float`.
    mutating func decode(_ type: Float.Type) throws -> Float {
        let value = try state.decodeFloat(at: try element(type), path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads a `Float` element, `nil` at the end or for `null`.
    /// - Parameter type: `Float`.
    mutating func decodeIfPresent(_ type: Float.Type) throws -> Float? {
        guard let offset = try presentElement() else { return nil }
        let value = try state.decodeFloat(at: offset, path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads an `Int` element.
    /// - Parameter type: `Int`.
    mutating func decode(_ type: Int.Type) throws -> Int {
        let value = try state.decodeInteger(type, at: try element(type), path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads an `Int` element, `nil` at the end or for `null`.
    /// - Parameter type: `Int`.
    mutating func decodeIfPresent(_ type: Int.Type) throws -> Int? {
        guard let offset = try presentElement() else { return nil }
        let value = try state.decodeInteger(type, at: offset, path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads an `Int8` element.
    /// - Parameter type: `Int8`.
    mutating func decode(_ type: Int8.Type) throws -> Int8 {
        let value = try state.decodeInteger(type, at: try element(type), path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads an `Int8` element, `nil` at the end or for `null`.
    /// - Parameter type: `Int8`.
    mutating func decodeIfPresent(_ type: Int8.Type) throws -> Int8? {
        guard let offset = try presentElement() else { return nil }
        let value = try state.decodeInteger(type, at: offset, path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads an `Int16` element.
    /// - Parameter type: `Int16`.
    mutating func decode(_ type: Int16.Type) throws -> Int16 {
        let value = try state.decodeInteger(type, at: try element(type), path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads an `Int16` element, `nil` at the end or for `null`.
    /// - Parameter type: `Int16`.
    mutating func decodeIfPresent(_ type: Int16.Type) throws -> Int16? {
        guard let offset = try presentElement() else { return nil }
        let value = try state.decodeInteger(type, at: offset, path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads an `Int32` element.
    /// - Parameter type: `Int32`.
    mutating func decode(_ type: Int32.Type) throws -> Int32 {
        let value = try state.decodeInteger(type, at: try element(type), path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads an `Int32` element, `nil` at the end or for `null`.
    /// - Parameter type: `Int32`.
    mutating func decodeIfPresent(_ type: Int32.Type) throws -> Int32? {
        guard let offset = try presentElement() else { return nil }
        let value = try state.decodeInteger(type, at: offset, path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads an `Int64` element.
    /// - Parameter type: `Int64`.
    mutating func decode(_ type: Int64.Type) throws -> Int64 {
        let value = try state.decodeInteger(type, at: try element(type), path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads an `Int64` element, `nil` at the end or for `null`.
    /// - Parameter type: `Int64`.
    mutating func decodeIfPresent(_ type: Int64.Type) throws -> Int64? {
        guard let offset = try presentElement() else { return nil }
        let value = try state.decodeInteger(type, at: offset, path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads an `UInt` element.
    /// - Parameter type: `UInt`.
    mutating func decode(_ type: UInt.Type) throws -> UInt {
        let value = try state.decodeInteger(type, at: try element(type), path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads an `UInt` element, `nil` at the end or for `null`.
    /// - Parameter type: `UInt`.
    mutating func decodeIfPresent(_ type: UInt.Type) throws -> UInt? {
        guard let offset = try presentElement() else { return nil }
        let value = try state.decodeInteger(type, at: offset, path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads an `UInt8` element.
    /// - Parameter type: `UInt8`.
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 {
        let value = try state.decodeInteger(type, at: try element(type), path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads an `UInt8` element, `nil` at the end or for `null`.
    /// - Parameter type: `UInt8`.
    mutating func decodeIfPresent(_ type: UInt8.Type) throws -> UInt8? {
        guard let offset = try presentElement() else { return nil }
        let value = try state.decodeInteger(type, at: offset, path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads an `UInt16` element.
    /// - Parameter type: `UInt16`.
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 {
        let value = try state.decodeInteger(type, at: try element(type), path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads an `UInt16` element, `nil` at the end or for `null`.
    /// - Parameter type: `UInt16`.
    mutating func decodeIfPresent(_ type: UInt16.Type) throws -> UInt16? {
        guard let offset = try presentElement() else { return nil }
        let value = try state.decodeInteger(type, at: offset, path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads an `UInt32` element.
    /// - Parameter type: `UInt32`.
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 {
        let value = try state.decodeInteger(type, at: try element(type), path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads an `UInt32` element, `nil` at the end or for `null`.
    /// - Parameter type: `UInt32`.
    mutating func decodeIfPresent(_ type: UInt32.Type) throws -> UInt32? {
        guard let offset = try presentElement() else { return nil }
        let value = try state.decodeInteger(type, at: offset, path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads an `UInt64` element.
    /// - Parameter type: `UInt64`.
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 {
        let value = try state.decodeInteger(type, at: try element(type), path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads an `UInt64` element, `nil` at the end or for `null`.
    /// - Parameter type: `UInt64`.
    mutating func decodeIfPresent(_ type: UInt64.Type) throws -> UInt64? {
        guard let offset = try presentElement() else { return nil }
        let value = try state.decodeInteger(type, at: offset, path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads an `Int128` element.
    /// - Parameter type: `Int128`.
    mutating func decode(_ type: Int128.Type) throws -> Int128 {
        let value = try state.decodeInteger(type, at: try element(type), path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads an `Int128` element, `nil` at the end or for `null`.
    /// - Parameter type: `Int128`.
    mutating func decodeIfPresent(_ type: Int128.Type) throws -> Int128? {
        guard let offset = try presentElement() else { return nil }
        let value = try state.decodeInteger(type, at: offset, path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads an `UInt128` element.
    /// - Parameter type: `UInt128`.
    mutating func decode(_ type: UInt128.Type) throws -> UInt128 {
        let value = try state.decodeInteger(type, at: try element(type), path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Reads an `UInt128` element, `nil` at the end or for `null`.
    /// - Parameter type: `UInt128`.
    mutating func decodeIfPresent(_ type: UInt128.Type) throws -> UInt128? {
        guard let offset = try presentElement() else { return nil }
        let value = try state.decodeInteger(type, at: offset, path: path, key: .index(currentIndex))
        moveOn()
        return value
    }

    /// Decodes an element of any type.
    /// - Parameter type: The type.
    mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        let offset = try element(type)
        let value: Value
        if let scalar = try state.decodeScalar(type, at: offset, path: path, key: .index(currentIndex)) {
            value = scalar
        } else {
            value = try state.decode(type, at: offset, path: state.appendPath(parent: path, .index(currentIndex)))
        }
        moveOn()
        return value
    }

    /// Decodes an element of any type, `nil` at the end or for `null`.
    /// - Parameter type: The type.
    mutating func decodeIfPresent<Value: Decodable>(_ type: Value.Type) throws -> Value? {
        guard let offset = try presentElement() else { return nil }
        let value: Value
        if let scalar = try state.decodeScalar(type, at: offset, path: path, key: .index(currentIndex)) {
            value = scalar
        } else {
            value = try state.decode(type, at: offset, path: state.appendPath(parent: path, .index(currentIndex)))
        }
        moveOn()
        return value
    }

    /// Opens the next element as a keyed container.
    /// - Parameter type: The nested container's keys.
    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let offset = try element(KeyedDecodingContainer<NestedKey>.self)
        let container = try JSONByteKeyedContainer<NestedKey>(
            state: state, offset: offset, path: state.appendPath(parent: path, .index(currentIndex)))
        moveOn()
        return KeyedDecodingContainer(container)
    }

    /// Opens the next element as an unkeyed container.
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let offset = try element(
            (any UnkeyedDecodingContainer).self,
            message: "Cannot get nested unkeyed container -- unkeyed container is at end.")
        let container = try JSONByteUnkeyedContainer(
            state: state, offset: offset, path: state.appendPath(parent: path, .index(currentIndex)))
        moveOn()
        return container
    }

    /// A decoder for the next element.
    mutating func superDecoder() throws -> any Decoder {
        let offset = try element(
            (any Decoder).self, message: "Cannot get superDecoder() -- unkeyed container is at end.")
        let decoder = JSONByteDecoder(
            state: state, offset: offset, path: state.appendPath(parent: path, .index(currentIndex)))
        moveOn()
        return decoder
    }
}
