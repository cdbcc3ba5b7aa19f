/// A Vite Ma Dose department file (`{code}.json`): `{version, last_updated, centres_disponibles,
/// centres_indisponibles}`.
public struct ViteMaDoseDepartmentFile: Hashable, Sendable, Codable {
    /// The format version (1).
    public var version: Int?
    /// When the scrape ran.
    public var lastUpdated: OpenDataTimestamp?
    /// The centres with slots.
    public var availableCentres: [ViteMaDoseCentre]
    /// The centres without slots.
    public var unavailableCentres: [ViteMaDoseCentre]

    enum CodingKeys: String, CodingKey {
        case version
        case lastUpdated = "last_updated"
        case availableCentres = "centres_disponibles"
        case unavailableCentres = "centres_indisponibles"
    }

    /// Creates a file.
    /// - Parameters:
    ///   - lastUpdated: When the scrape ran.
    ///   - availableCentres: The centres with slots.
    ///   - unavailableCentres: The centres without slots.
    public init(
        lastUpdated: OpenDataTimestamp? = nil,
        availableCentres: [ViteMaDoseCentre] = [],
        unavailableCentres: [ViteMaDoseCentre] = []
    ) {
        self.version = 1
        self.lastUpdated = lastUpdated
        self.availableCentres = availableCentres
        self.unavailableCentres = unavailableCentres
    }

    /// Decodes a file; a missing or `null` list is empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decodeIfPresent(Int.self, forKey: .version)
        lastUpdated = try container.decodeIfPresent(OpenDataTimestamp.self, forKey: .lastUpdated)
        availableCentres = try container.decodeIfPresent([ViteMaDoseCentre].self, forKey: .availableCentres) ?? []
        unavailableCentres = try container.decodeIfPresent([ViteMaDoseCentre].self, forKey: .unavailableCentres) ?? []
    }
}

/// The daily slot counts of a département (`{code}/creneaux-quotidiens.json`).
public struct ViteMaDoseDailySlots: Hashable, Sendable, Codable {
    /// The slots of one day.
    public struct Day: Hashable, Sendable, Codable {
        /// The slots of one centre that day.
        public struct Place: Hashable, Sendable, Codable {
            /// The slots of one tag.
            public struct TagCount: Hashable, Sendable, Codable {
                /// `all`, `first_or_second_dose`, `kids_first_dose`, `third_dose`, `unknown_dose`…
                public var tag: String
                /// The number of slots.
                public var count: Int

                private enum CodingKeys: String, CodingKey {
                    case tag
                    case count = "creneaux"
                }
            }

            /// The centre's ``ViteMaDoseCentre/internalID``.
            public var place: String
            /// The slots by tag.
            public var countsByTag: [TagCount]

            /// The slots of `tag` (default `all`).
            /// - Parameter tag: The tag.
            /// - Returns: The count, or `nil` when the tag is absent.
            public func count(tag: String = "all") -> Int? {
                countsByTag.first { $0.tag == tag }?.count
            }

            private enum CodingKeys: String, CodingKey {
                case place = "lieu"
                case countsByTag = "creneaux_par_tag"
            }
        }

        /// The day.
        public var date: OpenDataTimestamp
        /// The slots of the day in the département.
        public var total: Int
        /// The slots by centre.
        public var places: [Place]

        private enum CodingKeys: String, CodingKey {
            case date, total
            case places = "creneaux_par_lieu"
        }
    }

    /// The département code.
    public var department: String
    /// The days, in order.
    public var days: [Day]

    private enum CodingKeys: String, CodingKey {
        case department = "departement"
        case days = "creneaux_quotidiens"
    }
}

/// The counts of `stats.json`: `{"tout_departement": {…}, "75": {disponibles, indisponibles, creneaux, total}}`.
///
/// The published file has odd keys (`98`, `null`, an empty one) and département counts above the national
/// one: the values are given as published, never summed.
public struct ViteMaDoseStats: Hashable, Sendable, Codable {
    /// The counts of one key.
    public struct Counts: Hashable, Sendable, Codable {
        /// Centres with slots.
        public var available: Int?
        /// Centres without slots.
        public var unavailable: Int?
        /// Slots.
        public var slots: Int?
        /// Centres.
        public var total: Int?

        private enum CodingKeys: String, CodingKey {
            case available = "disponibles"
            case unavailable = "indisponibles"
            case slots = "creneaux"
            case total
        }
    }

    /// The counts by key, as published (`tout_departement` included).
    public var entries: [String: Counts]

    /// The national counts (`tout_departement`).
    public var national: Counts? { entries["tout_departement"] }

    /// The counts of a département.
    /// - Parameter code: The département code.
    /// - Returns: The counts, or `nil`.
    public func department(_ code: String) -> Counts? { entries[code] }

    /// Decodes the object.
    public init(from decoder: any Decoder) throws {
        entries = try [String: Counts](from: decoder)
    }

    /// Encodes the object.
    public func encode(to encoder: any Encoder) throws {
        try entries.encode(to: encoder)
    }
}

/// One entry of `departements.json`.
public struct ViteMaDoseDepartment: Hashable, Sendable, Codable {
    /// The département code, such as `01`, `2A`, `971`.
    public var code: String
    /// The name.
    public var name: String
    /// The region code as text (`84`): the file writes it as a float (`84.0`).
    public var regionCode: String?
    /// The region's name.
    public var regionName: String?

    private enum CodingKeys: String, CodingKey {
        case code = "code_departement"
        case name = "nom_departement"
        case regionCode = "code_region"
        case regionName = "nom_region"
    }

    /// Decodes an entry, normalising the float region code.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        name = try container.decode(String.self, forKey: .name)
        regionName = try container.decodeIfPresent(String.self, forKey: .regionName)
        if let text = try? container.decodeIfPresent(String.self, forKey: .regionCode) {
            regionCode = text
        } else if let number = try container.decodeIfPresent(Double.self, forKey: .regionCode) {
            regionCode = number.rounded() == number ? String(Int(number)).leftPadded(to: 2) : String(number)
        }
    }

    /// Encodes the entry (the region code as text).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(regionCode, forKey: .regionCode)
        try container.encodeIfPresent(regionName, forKey: .regionName)
    }
}

/// One entry of `centres_open_data.json`.
public struct ViteMaDoseOpenDataCentre: Hashable, Sendable, Codable {
    /// The département code.
    public var department: String?
    /// The platform.
    public var platform: String?
    /// The name.
    public var name: String?
    /// The booking page.
    public var url: String?

    private enum CodingKeys: String, CodingKey {
        case department = "departement"
        case platform = "plateforme"
        case name = "nom"
        case url
    }
}
