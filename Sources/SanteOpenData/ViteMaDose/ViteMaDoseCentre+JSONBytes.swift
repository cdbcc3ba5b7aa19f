package import SanteCore

/// A centre read straight from its JSON bytes, to the same value as `init(from:)` through `JSONDecoder`,
/// several times faster: ``JSONArrayElements/decoded(as:decoder:)`` and the Vite Ma Dose readers use it.
extension ViteMaDoseCentre: JSONBytesDecodable {
    /// Reads a centre of any era, keeping unknown members, as `init(from:)` does.
    /// - Parameter reader: The reader, at the centre's object.
    /// - Throws: `DecodingError` for a member of the wrong type, ``StreamingReadError`` for malformed JSON.
    package init(json reader: inout JSONByteReader) throws {
        self.init()
        try reader.decodeObject(at: [])
        additionalMembers.reserveCapacity(8)
        var seen: UInt32 = 0
        // Unread members go straight into `additionalMembers`: the rules applied after the loop only add
        // members that are not there (a modelled member is there only when it was `null`).
        var metadata: Metadata?
        var rawIDs: [JSONValue?] = [nil, nil, nil]
        var rawVaccines: JSONValue?
        while let name = try reader.nextMemberName() {
            guard let member = Member(name) else {
                let key = name.string
                let value = try reader.readValue()
                if let first = additionalMembers.updateValue(value, forKey: key) { additionalMembers[key] = first }
                continue
            }
            // The first of duplicate members wins, as in JSONDecoder.
            guard seen & member.bit == 0 else {
                try reader.skipValue()
                continue
            }
            seen |= member.bit
            if try reader.readNull() {
                // A `null` is kept as published, as `init(from:)` leaves it unread.
                additionalMembers[member.key] = .null
                continue
            }
            switch member {
            case .department: department = try reader.decodeString(at: member.path)
            case .name: self.name = try reader.decodeString(at: member.path)
            case .url: url = try reader.decodeString(at: member.path)
            case .location: location = try Location(json: &reader, at: member.path)
            case .metadata: metadata = try Metadata(json: &reader, at: member.path)
            case .nextAppointment: nextAppointment = OpenDataTimestamp(try reader.decodeString(at: member.path))
            case .platform: platform = try reader.decodeString(at: member.path)
            case .type: type = try reader.decodeString(at: member.path)
            case .appointmentCount: appointmentCount = try reader.decodeInt(at: member.path)
            case .internalID: rawIDs[0] = try reader.readValue()
            case .gid: rawIDs[1] = try reader.readValue()
            case .atlasGID: rawIDs[2] = try reader.readValue()
            case .vaccineType: rawVaccines = try reader.readValue()
            case .appointmentByPhoneOnly: appointmentByPhoneOnly = try reader.decodeBool(at: member.path)
            case .lastScanWithAvailabilities:
                lastScanWithAvailabilities = OpenDataTimestamp(try reader.decodeString(at: member.path))
            case .appointmentSchedules:
                try reader.decodeArray(at: member.path)
                while try reader.nextElement() {
                    let index = appointmentSchedules.count
                    let element = FHIRCodingKey(intValue: index) ?? FHIRCodingKey(String(index))
                    appointmentSchedules.append(try AppointmentSchedule(json: &reader, at: member.path + [element]))
                }
                // An empty list is kept as published, as `init(from:)` leaves it unread.
                if appointmentSchedules.isEmpty { additionalMembers[member.key] = .array([]) }
            }
        }
        if let metadata {
            readMetadata(
                address: metadata.address, phoneNumber: metadata.phoneNumber, businessHours: metadata.businessHours,
                others: metadata.others)
        }
        readIDs(internalID: rawIDs[0], gid: rawIDs[1], atlasGID: rawIDs[2])
        readVaccines(rawVaccines)
    }

    /// The `metadata` object, its three modelled members apart, so that no dictionary holds them.
    private struct Metadata {
        var address: JSONValue?
        var phoneNumber: JSONValue?
        var businessHours: JSONValue?
        var others: [String: JSONValue] = [:]

        /// Reads the object (not `null`); the first of duplicate members wins.
        init(json reader: inout JSONByteReader, at path: @autoclosure () -> [any CodingKey]) throws {
            try reader.decodeObject(at: path())
            while let name = try reader.nextMemberName() {
                let value = try reader.readValue()
                if name.matches("address") {
                    if address == nil { address = value }
                } else if name.matches("phone_number") {
                    if phoneNumber == nil { phoneNumber = value }
                } else if name.matches("business_hours") {
                    if businessHours == nil { businessHours = value }
                } else {
                    let key = name.string
                    if let first = others.updateValue(value, forKey: key) { others[key] = first }
                }
            }
        }
    }

    /// The members `init(from:)` models.
    private enum Member: Int, CaseIterable {
        case department, name, url, location, metadata, nextAppointment, platform, type, appointmentCount
        case internalID, gid, atlasGID, vaccineType, appointmentByPhoneOnly, lastScanWithAvailabilities
        case appointmentSchedules

        /// The JSON names, in case order.
        private static let names: [StaticString] = [
            "departement", "nom", "url", "location", "metadata", "prochain_rdv", "plateforme", "type",
            "appointment_count", "internal_id", "gid", "atlas_gid", "vaccine_type", "appointment_by_phone_only",
            "last_scan_with_availabilities", "appointment_schedules",
        ]

        /// The member named `name`, if it is modelled.
        init?(_ name: JSONMemberName) {
            // The names' lengths narrow the candidates to one or two, compared without building an array.
            let member: Member
            switch name.byteCount {
            case 3: member = name.matches("nom") ? .name : name.matches("url") ? .url : .gid
            case 4: member = .type
            case 8: member = name.matches("location") ? .location : .metadata
            case 9: member = .atlasGID
            case 10: member = .platform
            case 11: member = name.matches("departement") ? .department : .internalID
            case 12: member = name.matches("prochain_rdv") ? .nextAppointment : .vaccineType
            case 17: member = .appointmentCount
            case 21: member = .appointmentSchedules
            case 25: member = .appointmentByPhoneOnly
            case 29: member = .lastScanWithAvailabilities
            default: return nil
            }
            guard name.matches(Self.names[member.rawValue]) else { return nil }
            self = member
        }

        /// The JSON name.
        var key: String { Self.names[rawValue].description }

        /// The coding path of the member, for errors.
        var path: [any CodingKey] { [FHIRCodingKey(key)] }

        /// The member's bit in a set of members seen.
        var bit: UInt32 { 1 << UInt32(rawValue) }
    }
}

extension ViteMaDoseCentre.Location {
    /// Reads a location object (not `null`) as its synthesised `init(from:)` does: unknown members are dropped.
    init(json reader: inout JSONByteReader, at path: @autoclosure () -> [any CodingKey]) throws {
        self.init(longitude: nil, latitude: nil, city: nil, postalCode: nil)
        try reader.decodeObject(at: path())
        var seen: UInt8 = 0
        while let name = try reader.nextMemberName() {
            let bit: UInt8 =
                name.matches("longitude")
                ? 1
                : name.matches("latitude")
                    ? 2
                    : name.matches("city")
                        ? 4
                        : name.matches("cp") ? 8 : 0
            guard bit != 0, seen & bit == 0 else {
                try reader.skipValue()
                continue
            }
            seen |= bit
            if try reader.readNull() { continue }
            switch bit {
            case 1: longitude = try reader.decodeDouble(at: path() + [FHIRCodingKey("longitude")])
            case 2: latitude = try reader.decodeDouble(at: path() + [FHIRCodingKey("latitude")])
            case 4: city = try reader.decodeString(at: path() + [FHIRCodingKey("city")])
            default: postalCode = try reader.decodeString(at: path() + [FHIRCodingKey("cp")])
            }
        }
    }
}

extension ViteMaDoseCentre.AppointmentSchedule {
    /// Reads a schedule object as its synthesised `init(from:)` does: `name` is required, unknown members
    /// are dropped.
    init(json reader: inout JSONByteReader, at path: @autoclosure () -> [any CodingKey]) throws {
        try reader.decodeObject(at: path())
        var seen: UInt8 = 0
        var name: String?
        var from: OpenDataTimestamp?
        var to: OpenDataTimestamp?
        var total: Int?
        while let member = try reader.nextMemberName() {
            let bit: UInt8 =
                member.matches("name")
                ? 1
                : member.matches("from")
                    ? 2
                    : member.matches("to")
                        ? 4
                        : member.matches("total") ? 8 : 0
            guard bit != 0, seen & bit == 0 else {
                try reader.skipValue()
                continue
            }
            seen |= bit
            if bit == 1 {
                name = try reader.decodeString(at: path() + [FHIRCodingKey("name")])
                continue
            }
            if try reader.readNull() { continue }
            switch bit {
            case 2: from = OpenDataTimestamp(try reader.decodeString(at: path() + [FHIRCodingKey("from")]))
            case 4: to = OpenDataTimestamp(try reader.decodeString(at: path() + [FHIRCodingKey("to")]))
            default: total = try reader.decodeInt(at: path() + [FHIRCodingKey("total")])
            }
        }
        guard let name else {
            throw DecodingError.keyNotFound(
                FHIRCodingKey("name"),
                DecodingError.Context(codingPath: path(), debugDescription: "No value associated with key name."))
        }
        self.init(name: name, from: from, to: to, total: total)
    }
}
