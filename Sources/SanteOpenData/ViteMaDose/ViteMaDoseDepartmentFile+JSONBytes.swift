package import SanteCore

/// A department file read straight from its JSON bytes, to the same value as `init(from:)` through
/// `JSONDecoder`: ``ViteMaDoseClient/departmentFile(_:)`` and the slot finder use it.
extension ViteMaDoseDepartmentFile: JSONBytesDecodable {
    /// Reads a file: `version`, `last_updated` and both lists; a missing or `null` member is absent, unknown
    /// members are skipped, and the first of duplicate members wins, as through `JSONDecoder`.
    /// - Parameter reader: The reader, at the file's object.
    /// - Throws: `DecodingError` for a member of the wrong type, ``StreamingReadError`` for malformed JSON.
    package init(json reader: inout JSONByteReader) throws {
        self.init()
        version = nil
        try reader.decodeObject(at: [])
        var seen = Set<CodingKeys>()
        while let name = try reader.nextMemberName() {
            guard let key = CodingKeys(rawValue: name.string), seen.insert(key).inserted else {
                try reader.skipValue()
                continue
            }
            if try reader.readNull() { continue }
            switch key {
            case .version: version = try reader.decodeInt(at: [key])
            case .lastUpdated: lastUpdated = OpenDataTimestamp(try reader.decodeString(at: [key]))
            case .availableCentres: availableCentres = try Self.centres(&reader, key)
            case .unavailableCentres: unavailableCentres = try Self.centres(&reader, key)
            }
        }
    }

    /// One list of centres.
    private static func centres(_ reader: inout JSONByteReader, _ key: CodingKeys) throws -> [ViteMaDoseCentre] {
        try reader.decodeArray(at: [key])
        var centres: [ViteMaDoseCentre] = []
        while try reader.nextElement() {
            centres.append(try ViteMaDoseCentre(json: &reader))
        }
        return centres
    }
}
