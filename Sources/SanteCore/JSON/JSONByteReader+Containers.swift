extension JSONByteReader {
    /// Opens the object that starts here.
    ///
    /// Then call ``nextMemberName()`` until it gives `nil`, reading exactly one value after each name.
    /// - Throws: ``StreamingReadError`` when no object starts here or nesting is too deep.
    package mutating func beginObject() throws {
        guard peekByte() == UInt8(ascii: "{") else { throw syntaxError("expected an object") }
        try open()
    }

    /// Opens the array that starts here.
    ///
    /// Then call ``nextElement()`` until it gives `false`, reading exactly one value each time it gives `true`.
    /// - Throws: ``StreamingReadError`` when no array starts here or nesting is too deep.
    package mutating func beginArray() throws {
        guard peekByte() == UInt8(ascii: "[") else { throw syntaxError("expected an array") }
        try open()
    }

    /// The name of the next member of the open object, with its colon consumed, or `nil` after the
    /// object's closing brace.
    /// - Returns: The name, valid while the bytes are.
    /// - Throws: ``StreamingReadError`` on malformed JSON.
    package mutating func nextMemberName() throws -> JSONMemberName? {
        guard try moveToNextItem(closing: UInt8(ascii: "}"), opening: UInt8(ascii: "{")) else { return nil }
        guard bytes[position] == UInt8(ascii: "\"") else { throw syntaxError("expected a member name") }
        let name = try readMemberName()
        guard peekByte() == UInt8(ascii: ":") else { throw syntaxError("expected a colon after a member name") }
        position += 1
        return name
    }

    /// Whether the open array has another element, which the caller then reads; `false` after the
    /// array's closing bracket.
    /// - Throws: ``StreamingReadError`` on malformed JSON.
    package mutating func nextElement() throws -> Bool {
        try moveToNextItem(closing: UInt8(ascii: "]"), opening: UInt8(ascii: "["))
    }

    private mutating func open() throws {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw syntaxError("nesting is deeper than \(Self.maximumDepth) levels")
        }
        position += 1
    }

    /// Moves past the separator before the next item; `false` after consuming the closing byte.
    private mutating func moveToNextItem(closing: UInt8, opening: UInt8) throws -> Bool {
        guard var byte = peekByte() else { throw syntaxError("expected a value or the end of a container") }
        if byte == closing {
            position += 1
            depth -= 1
            return false
        }
        if !followsOpening(opening) {
            guard byte == UInt8(ascii: ",") else { throw syntaxError("expected a comma between values") }
            position += 1
            guard let next = peekByte() else { throw syntaxError("expected a value after a comma") }
            byte = next
            if byte == closing {
                // A trailing comma, which JSONDecoder accepts.
                position += 1
                depth -= 1
                return false
            }
        }
        return true
    }

    /// Whether the last byte before the current position, whitespace aside, is `opening`: then the next
    /// item is the container's first. After a value, the last byte ends that value and is never `{` or `[`.
    private func followsOpening(_ opening: UInt8) -> Bool {
        var index = position - 1
        while index >= 0 {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return byte == opening }
            index -= 1
        }
        return false
    }

    /// Reads `true`, `false` or `null` after checking its letters.
    mutating func readLiteral(_ literal: StaticString) throws {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw syntaxError("expected a value") }
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for offset in 0..<count where bytes[position + offset] != expected[offset] {
            throw syntaxError("expected a value")
        }
        position += count
    }

    /// Reads `null` if it is next.
    /// - Returns: Whether a `null` was read.
    /// - Throws: ``StreamingReadError`` on malformed JSON.
    package mutating func readNull() throws -> Bool {
        guard peekByte() == UInt8(ascii: "n") else { return false }
        try readLiteral("null")
        return true
    }
}
