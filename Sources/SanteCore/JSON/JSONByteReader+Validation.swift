extension JSONByteReader {
    /// Reads and drops the value that starts here, checking it as ``readValue()`` does, without building it.
    ///
    /// It accepts the same documents as ``readValue()`` (and so never one that `JSONDecoder` rejects), and
    /// allocates nothing for strings and names without escapes.
    /// - Throws: ``StreamingReadError`` on malformed JSON.
    package mutating func validateValue() throws {
        switch try peekKind() {
        case .string:
            try validateString()
        case .number:
            let token = try scanNumber()
            // Only a long mantissa or a large exponent can go beyond `Double`, which readValue() rejects.
            if token.exponent + token.significantDigits > 300 { _ = try double(token) }
        case .null:
            try readLiteral("null")
        case .bool:
            _ = try readBool()
        case .array:
            try beginArray()
            while try nextElement() { try validateValue() }
        case .object:
            try beginObject()
            while try nextMemberName() != nil { try validateValue() }
        }
    }

    /// Reads a string at its opening quote, checking its escapes and its UTF-8.
    private mutating func validateString() throws {
        guard case .plain(let text, let isASCII) = try scanString(), !isASCII else { return }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = text.makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid: continue
            case .emptyInput: return
            case .error: throw syntaxError("a string is not valid UTF-8")
            }
        }
    }
}
