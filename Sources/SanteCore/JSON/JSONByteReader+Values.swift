extension JSONByteReader {
    /// Reads the value that starts here, whatever it is, as a ``JSONValue``.
    /// - Returns: The value, equal to what `JSONDecoder` gives for ``JSONValue``.
    /// - Throws: ``StreamingReadError`` on malformed JSON.
    package mutating func readValue() throws -> JSONValue {
        switch try peekKind() {
        case .string:
            return .string(try readString())
        case .number:
            return try readNumber()
        case .null:
            try readLiteral("null")
            return .null
        case .bool:
            return .bool(try readBool())
        case .array:
            try beginArray()
            var elements: [JSONValue] = []
            while try nextElement() { elements.append(try readValue()) }
            return .array(elements)
        case .object:
            return .object(try readObject())
        }
    }

    /// Reads the object that starts here as members; the first of duplicate names wins, as in `JSONDecoder`.
    /// - Returns: The members.
    /// - Throws: ``StreamingReadError`` on malformed JSON.
    package mutating func readObject() throws -> [String: JSONValue] {
        try beginObject()
        // Room for a small object from the start, rather than growing one slot at a time.
        var members: [String: JSONValue] = Dictionary(minimumCapacity: 8)
        while let name = try nextMemberName() {
            let key = name.string
            let value = try readValue()
            // One hash in the usual case; a duplicate puts the first value back.
            if let first = members.updateValue(value, forKey: key) { members[key] = first }
        }
        return members
    }

    /// Reads `true` or `false`.
    /// - Returns: The Boolean.
    /// - Throws: ``StreamingReadError`` when neither is next.
    package mutating func readBool() throws -> Bool {
        if peekByte() == UInt8(ascii: "t") {
            try readLiteral("true")
            return true
        }
        try readLiteral("false")
        return false
    }

    /// Reads and drops the value that starts here, checking it as ``readValue()`` does.
    /// - Throws: ``StreamingReadError`` on malformed JSON.
    package mutating func skipValue() throws {
        _ = try readValue()
    }
}

extension JSONValue {
    /// Parses one JSON document from its bytes, to the same value `JSONDecoder` gives, in a fraction of
    /// the time.
    ///
    /// Whitespace may surround the value; anything else after it is an error.
    /// - Parameter bytes: The UTF-8 bytes of the document.
    /// - Throws: ``StreamingReadError`` (`.malformedJSON` or `.unexpectedEnd`, with the byte offset).
    package init(jsonBytes bytes: UnsafeRawBufferPointer) throws {
        var reader = JSONByteReader(bytes)
        self = try reader.readValue()
        try reader.finish()
    }
}
