/// The name of an object member as ``JSONByteReader`` read it: its bytes when it has no escapes, so that
/// comparing it with a known name allocates nothing.
///
/// The bytes point into the reader's buffer: use the name only while the bytes are alive.
package struct JSONMemberName {
    /// The UTF-8 bytes of a name written without escapes.
    let raw: UnsafeBufferPointer<UInt8>
    /// The name, when it had escapes.
    let unescaped: String?

    /// Whether the name is `name`.
    /// - Parameter name: A member name.
    /// - Returns: `true` when the two are the same text.
    package func matches(_ name: StaticString) -> Bool {
        if let unescaped { return unescaped == name.description }
        let count = name.utf8CodeUnitCount
        guard raw.count == count else { return false }
        let expected = UnsafeBufferPointer(start: name.utf8Start, count: count)
        for index in 0..<count where raw[index] != expected[index] { return false }
        return true
    }

    /// The length of the name in UTF-8 bytes.
    package var byteCount: Int { unescaped?.utf8.count ?? raw.count }

    /// The name as a string.
    package var string: String {
        unescaped ?? String(decoding: raw, as: UTF8.self)
    }
}
