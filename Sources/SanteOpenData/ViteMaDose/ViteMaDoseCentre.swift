public import Foundation
public import SanteCore

/// Which list of a Vite Ma Dose department file.
public enum ViteMaDoseCentreList: String, Hashable, Sendable {
    /// `centres_disponibles`: centres with slots.
    case available = "centres_disponibles"
    /// `centres_indisponibles`: centres without slots.
    case unavailable = "centres_indisponibles"
}

/// A vaccination centre in a Vite Ma Dose file, any era from April 2021 to its end.
///
/// Eras differ (see the reference): April 2021 keys centres by `gid` and has no `cp`; May 2021 adds
/// `appointment_schedules`; July 2021 drops `gid` (`internal_id` such as `maiia604b1866`); September 2021
/// writes naive `prochain_rdv` (read as Europe/Paris); December 2021 adds `atlas_gid`. ``identifier`` gives
/// one key for all. `vaccine_type` is `null`, `[]`, `["Pfizer-BioNTech", "Moderna"]` or
/// `[{"Janssen": true}]`: ``vaccineTypes`` reads them all. Unknown members are kept.
public struct ViteMaDoseCentre: DataGouvModel {
    /// The centre's position and city.
    public struct Location: Hashable, Sendable, Codable {
        /// The longitude.
        public var longitude: Double?
        /// The latitude.
        public var latitude: Double?
        /// The city.
        public var city: String?
        /// The postal code (from July 2021).
        public var postalCode: String?

        private enum CodingKeys: String, CodingKey {
            case longitude, latitude, city
            case postalCode = "cp"
        }

        /// The position, when both values are present and valid.
        public var coordinates: Coordinates? {
            guard let latitude, let longitude else { return nil }
            return try? Coordinates(latitude: latitude, longitude: longitude)
        }
    }

    /// An appointment count over a period (`appointment_schedules`, from May 2021).
    public struct AppointmentSchedule: Hashable, Sendable, Codable {
        /// `chronodose`, `1_days`, `2_days`, `7_days`, `28_days`, `49_days`…
        public var name: String
        /// The start of the period.
        public var from: OpenDataTimestamp?
        /// The end of the period.
        public var to: OpenDataTimestamp?
        /// The number of slots in the period.
        public var total: Int?
    }

    /// The département code, such as `75`, `2A`, `971`.
    public var department: String?
    /// The name.
    public var name: String?
    /// The booking page.
    public var url: String?
    /// The position and city.
    public var location: Location?
    /// The address.
    public var address: String?
    /// The phone number.
    public var phoneNumber: String?
    /// The opening hours by day, with day names lower-cased (Maiia writes `Lundi`, Doctolib `lundi`); a day
    /// with `null` hours maps to `nil`.
    public var businessHours: [String: String?]?
    /// The next slot (`prochain_rdv`); naive values are Europe/Paris times.
    public var nextAppointment: OpenDataTimestamp?
    /// The booking platform: `Doctolib`, `Keldoc`, `Maiia`, `Ordoclic`, `Mapharma`, `Valwin`, `Autre`…
    public var platform: String?
    /// `vaccination-center`, `drugstore` or `general-practitioner`.
    public var type: String?
    /// The number of slots found.
    public var appointmentCount: Int?
    /// The scraper's id (`internal_id`).
    public var internalID: String?
    /// The April 2021 id (`gid`).
    public var gid: String?
    /// The Santé.fr atlas id (`atlas_gid`, December 2021).
    public var atlasGID: String?
    /// The vaccines offered.
    public var vaccineTypes: [String]
    /// Whether booking is by phone only.
    public var appointmentByPhoneOnly: Bool?
    /// The last time the scraper saw slots.
    public var lastScanWithAvailabilities: OpenDataTimestamp?
    /// Slot counts by period.
    public var appointmentSchedules: [AppointmentSchedule]
    /// Members not modelled here (`erreur`, `request_counts`, …), and the published form of members whose
    /// typed form differs: `vaccine_type` when it is not a plain list of names (`[{"Janssen": true}]`, `[]`),
    /// number ids (`atlas_gid: 106`), capitalised day names (`metadata.business_hours`). The published form
    /// is what gets encoded.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a centre.
    /// - Parameters:
    ///   - name: The name.
    ///   - department: The département code.
    ///   - internalID: The scraper's id.
    public init(name: String? = nil, department: String? = nil, internalID: String? = nil) {
        self.name = name
        self.department = department
        self.internalID = internalID
        self.vaccineTypes = []
        self.appointmentSchedules = []
    }

    /// One key for every era: `internal_id`, else `gid`, else the booking URL.
    public var identifier: String? { internalID ?? gid ?? url }

    /// The booking page as a URL.
    public var bookingURL: URL? { url.flatMap { URL(string: $0) } }

    /// Decodes a centre of any era, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try LosslessObjectReader(decoder)
        self.init()
        department = try object.optional("departement")
        name = try object.optional("nom")
        url = try object.optional("url")
        location = try object.optional("location")
        if let metadata = try object.optional("metadata", as: [String: JSONValue].self) {
            readMetadata(metadata)
        }
        nextAppointment = try object.optional("prochain_rdv")
        platform = try object.optional("plateforme")
        type = try object.optional("type")
        appointmentCount = try object.optional("appointment_count")
        readIDs(
            internalID: try object.optional("internal_id", as: JSONValue.self),
            gid: try object.optional("gid", as: JSONValue.self),
            atlasGID: try object.optional("atlas_gid", as: JSONValue.self))
        readVaccines(try object.optional("vaccine_type", as: JSONValue.self))
        appointmentByPhoneOnly = try object.optional("appointment_by_phone_only")
        lastScanWithAvailabilities = try object.optional("last_scan_with_availabilities")
        appointmentSchedules = try object.array("appointment_schedules")
        let kept = additionalMembers
        additionalMembers = try object.remainingMembers().merging(kept) { first, _ in first }
    }

    /// Sets the address, phone number and hours from `metadata` (not `null`), and keeps the rest of it, and
    /// capitalised day names as published, in ``additionalMembers``.
    mutating func readMetadata(_ metadata: [String: JSONValue]) {
        var others = metadata
        let address = others.removeValue(forKey: "address")
        let phoneNumber = others.removeValue(forKey: "phone_number")
        let businessHours = others.removeValue(forKey: "business_hours")
        readMetadata(address: address, phoneNumber: phoneNumber, businessHours: businessHours, others: others)
    }

    /// ``readMetadata(_:)`` with the three modelled members of `metadata` taken out (`nil` when absent) and
    /// its other members in `others`.
    mutating func readMetadata(
        address: JSONValue?, phoneNumber: JSONValue?, businessHours: JSONValue?, others: [String: JSONValue]
    ) {
        var others = others
        self.address = address?.stringValue
        self.phoneNumber = phoneNumber?.stringValue
        var allLowercase = false
        if let hours = businessHours?.objectValue {
            var normalized: [String: String?] = Dictionary(minimumCapacity: hours.count)
            allLowercase = true
            for (day, value) in hours {
                let lowercased = Self.lowercased(day)
                allLowercase = allLowercase && lowercased == day
                normalized[lowercased] = value.stringValue
            }
            self.businessHours = normalized
        }
        // What the typed members do not hold is kept as published: a non-text address or phone number, and
        // hours that are not an object or have capitalised day names (Maiia's `Lundi`).
        if let address, self.address == nil { others["address"] = address }
        if let phoneNumber, self.phoneNumber == nil { others["phone_number"] = phoneNumber }
        if let businessHours, !allLowercase { others["business_hours"] = businessHours }
        if !others.isEmpty { additionalMembers["metadata"] = .object(others) }
    }

    /// Sets the ids from their published values (`nil` for absent or `null`); a number id is read as text
    /// and kept as published in ``additionalMembers``, so it re-encodes as a number.
    mutating func readIDs(internalID: JSONValue?, gid: JSONValue?, atlasGID: JSONValue?) {
        for (key, value) in [("internal_id", internalID), ("gid", gid), ("atlas_gid", atlasGID)] {
            if let value, value.stringValue == nil, additionalMembers[key] == nil { additionalMembers[key] = value }
        }
        self.internalID = internalID.flatMap(Self.text)
        self.gid = gid.flatMap(Self.text)
        self.atlasGID = atlasGID.flatMap(Self.text)
    }

    /// Sets ``vaccineTypes`` from the published `vaccine_type` (`nil` for absent or `null`), keeping a value
    /// that is not a plain list of names as published in ``additionalMembers``.
    mutating func readVaccines(_ rawVaccines: JSONValue?) {
        vaccineTypes = Self.vaccines(rawVaccines)
        if let rawVaccines,
            vaccineTypes.isEmpty || rawVaccines.arrayValue?.contains(where: { $0.stringValue == nil }) == true
        {
            // Not a plain list of names: keep the published form as is.
            additionalMembers["vaccine_type"] = rawVaccines
        }
    }

    /// Encodes the centre (in the latest era's shape) and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(department, "departement")
        try object.encode(name, "nom")
        try object.encode(url, "url")
        try object.encode(location, "location")
        var metadata = additionalMembers["metadata"]?.objectValue ?? [:]
        if let address { metadata["address"] = .string(address) }
        if let phoneNumber { metadata["phone_number"] = .string(phoneNumber) }
        if let businessHours, metadata["business_hours"] == nil {
            metadata["business_hours"] = .object(businessHours.mapValues { $0.map(JSONValue.string) ?? .null })
        }
        if !metadata.isEmpty { try object.encode(JSONValue.object(metadata), "metadata") }
        try object.encode(nextAppointment, "prochain_rdv")
        try object.encode(platform, "plateforme")
        try object.encode(type, "type")
        try object.encode(appointmentCount, "appointment_count")
        if additionalMembers["internal_id"] == nil { try object.encode(internalID, "internal_id") }
        if additionalMembers["gid"] == nil { try object.encode(gid, "gid") }
        if additionalMembers["atlas_gid"] == nil { try object.encode(atlasGID, "atlas_gid") }
        if additionalMembers["vaccine_type"] == nil { try object.encode(vaccineTypes, "vaccine_type") }
        try object.encode(appointmentByPhoneOnly, "appointment_by_phone_only")
        try object.encode(lastScanWithAvailabilities, "last_scan_with_availabilities")
        try object.encode(appointmentSchedules, "appointment_schedules")
        var others = additionalMembers
        others.removeValue(forKey: "metadata")
        try object.finish(with: others)
    }

    /// `text.lowercased()`, without its cost for ASCII text that has no capital.
    private static func lowercased(_ text: String) -> String {
        text.utf8.allSatisfy({ $0 < 0x80 && !(0x41...0x5A).contains($0) }) ? text : text.lowercased()
    }

    private static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .integer(let number): String(number)
        case .number(let number): String(number)
        default: nil
        }
    }

    /// `["Pfizer-BioNTech"]`, `[{"Janssen": true}]`, `null` or `[]` as a list of names.
    private static func vaccines(_ value: JSONValue?) -> [String] {
        guard let items = value?.arrayValue else { return [] }
        return items.flatMap { item -> [String] in
            if let name = item.stringValue { return [name] }
            if let object = item.objectValue {
                return object.filter { $0.value.boolValue ?? true }.keys.sorted()
            }
            return []
        }
    }
}
