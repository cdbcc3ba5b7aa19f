/// One member of an object, as a keyed container of ``JSONByteDecoding`` indexes it: where its name and value
/// are, so that finding a key compares bytes instead of building a dictionary.
struct JSONByteMember {
    /// The offset of the name's opening quote.
    let nameQuote: Int
    /// The offset of the name's closing quote.
    let nameEnd: Int
    /// The offset of the value's first byte.
    let value: Int
    /// Whether the name is ASCII without escapes, so that its bytes are its text.
    let isPlainASCII: Bool
}

extension JSONByteDecodingState {
    /// Indexes the members of the object whose opening brace is at `offset` into ``members``.
    /// - Returns: The range of the object's members in ``members``.
    func indexMembers(ofObjectAt offset: Int) -> Range<Int> {
        let start = members.count
        var index = layout.nextItem(after: offset + 1)
        while layout.byte(at: index) == UInt8(ascii: "\"") {
            let name = layout.stringExtent(at: index)
            var value = layout.skipWhitespace(from: name.end)
            if layout.byte(at: value) == UInt8(ascii: ":") { value = layout.skipWhitespace(from: value + 1) }
            members.append(
                JSONByteMember(
                    nameQuote: index, nameEnd: name.end - 1, value: value,
                    isPlainASCII: !name.hasEscape && !name.hasNonASCII))
            index = layout.nextItem(after: layout.endOfValue(at: value))
        }
        return start..<members.count
    }

    /// The offset of the value of the first member named `key` (as `JSONDecoder` keeps the first of duplicate
    /// names), or `nil` when there is none. Names compare as `String`s do (canonical equivalence) unless both
    /// are plain ASCII, where bytes decide.
    /// - Parameters:
    ///   - key: The key.
    ///   - range: The object's members in ``members``.
    func valueOffset(forKey key: String, in range: Range<Int>) -> Int? {
        if range.count > Self.largeObjectMemberCount { return largeObjectValueOffset(forKey: key, in: range) }
        var keyText = key
        return keyText.withUTF8 { keyBytes -> Int? in
            var keyIsASCII = true
            for byte in keyBytes where byte >= 0x80 {
                keyIsASCII = false
                break
            }
            for member in members[range] {
                if member.isPlainASCII, keyIsASCII {
                    guard member.nameEnd - member.nameQuote - 1 == keyBytes.count else { continue }
                    var offset = 0
                    let start = member.nameQuote + 1
                    while offset < keyBytes.count, layout.bytes[start + offset] == keyBytes[offset] { offset += 1 }
                    if offset == keyBytes.count { return member.value }
                } else if name(of: member) == key {
                    return member.value
                }
            }
            return nil
        }
    }

    /// The member's name as text.
    func name(of member: JSONByteMember) -> String {
        var reader = JSONByteReader(layout.bytes)
        reader.position = member.nameQuote
        return (try? reader.readString()) ?? ""
    }

    /// The distinct names of an object's members in document order, the first spelling of names that are
    /// equal as `String`s.
    /// - Parameter range: The object's members in ``members``.
    func distinctNames(in range: Range<Int>) -> [String] {
        var names: [String] = []
        names.reserveCapacity(range.count)
        guard range.count <= 16, members[range].allSatisfy(\.isPlainASCII) else {
            var seen = Set<String>(minimumCapacity: range.count)
            for index in range {
                let name = name(of: members[index])
                if seen.insert(name).inserted { names.append(name) }
            }
            return names
        }
        // Few plain ASCII names: equal as strings exactly when their bytes are equal.
        for index in range where !hasEarlierTwin(index, from: range.lowerBound) {
            names.append(name(of: members[index]))
        }
        return names
    }

    /// Whether the member at `index` has the same name bytes as a member between `start` and it.
    private func hasEarlierTwin(_ index: Int, from start: Int) -> Bool {
        let member = members[index]
        let length = member.nameEnd - member.nameQuote
        for earlier in start..<index {
            let other = members[earlier]
            guard other.nameEnd - other.nameQuote == length else { continue }
            var offset = 1
            while offset < length, layout.bytes[other.nameQuote + offset] == layout.bytes[member.nameQuote + offset] {
                offset += 1
            }
            if offset == length { return true }
        }
        return false
    }
}
