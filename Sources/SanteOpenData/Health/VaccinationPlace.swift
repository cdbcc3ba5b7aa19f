public import Foundation
public import SanteCore

/// A COVID-19 vaccination place, from the "Lieux de vaccination contre la Covid-19" dataset: one row of
/// `centres-vaccination.csv` (43 columns, `;`) or one feature of its GeoJSON (properties prefixed `c_`).
///
/// Columns are read by name; booleans are `t`/`f` in the CSV and JSON booleans in the GeoJSON; opening hours
/// are free text (`9:00-17:00`, `9h-17h`, `fermé`, `non précisé`) and kept as written. Columns not modelled
/// here are kept in ``otherFields``.
public struct VaccinationPlace: Hashable, Sendable, CSVRowDecodable {
    /// The structure that runs the place (often a regional health agency).
    public struct Structure: Hashable, Sendable {
        /// The SIREN number (`structure_siren`).
        public var siren: SIREN?
        /// The activity code (APE/NAF), such as `8412Z` (`structure_type`).
        public var activityCode: String?
        /// The name (`structure_rais`).
        public var name: String?
        /// The street number (`structure_num`).
        public var streetNumber: String?
        /// The street (`structure_voie`).
        public var street: String?
        /// The postal code (`structure_cp`).
        public var postalCode: String?
        /// The INSEE municipality code (`structure_insee`).
        public var inseeCode: String?
        /// The municipality (`structure_com`).
        public var city: String?
    }

    /// The place's id in the file (`gid`).
    public var gid: String?
    /// The name (`nom`).
    public var name: String?
    /// The prefectoral order that opened it, as written (`arrete_pref_numero`).
    public var prefectoralOrder: String?
    /// The geocoding precision, 0 to 1 (`xy_precis`).
    public var geocodingPrecision: Double?
    /// The national address id (`id_adr`).
    public var addressID: String?
    /// The street number (`adr_num`), such as `7 bis`.
    public var streetNumber: String?
    /// The street (`adr_voie`).
    public var street: String?
    /// The postal code, leading zeros kept (`com_cp`).
    public var postalCode: String?
    /// The INSEE municipality code (`com_insee`).
    public var inseeCode: String?
    /// The municipality (`com_nom`).
    public var city: String?
    /// The position (`lat_coor1`, `long_coor1`, or the GeoJSON geometry), when valid.
    public var coordinates: Coordinates?
    /// The structure that runs the place.
    public var structure: Structure
    /// When the record was last edited (`_edit_datemaj`, naive, Europe/Paris).
    public var editedAt: OpenDataTimestamp?
    /// The accessibility note as written (`lieu_accessibilite`: `oui`, `Oui`, `EMV`…).
    public var accessibility: String?
    /// The appointment hours by day, as written (`rdv_lundi` … `rdv_dimanche`).
    public var openingHours: [Weekday: String]
    /// Whether an appointment is needed (`rdv`).
    public var requiresAppointment: Bool?
    /// When the place opened (`date_ouverture`).
    public var openingDate: OpenDataTimestamp?
    /// When the place closes or closed (`date_fermeture`).
    public var closingDate: OpenDataTimestamp?
    /// The booking site (`rdv_site_web`).
    public var bookingURL: URL?
    /// The booking phone, as written (`rdv_tel`): `+33383851300` or `04.94.70.96.53`.
    public var phone: String?
    /// A second phone (`rdv_tel2`).
    public var secondPhone: String?
    /// How to book, as written (`rdv_modalites`).
    public var bookingNotes: String?
    /// Whether a pre-vaccination consultation is offered (`rdv_consultation_prevaccination`).
    public var offersPreVaccinationConsultation: Bool?
    /// Whether the phone line is an answering machine (`centre_svi_repondeur`).
    public var hasVoiceServer: Bool?
    /// Whether the place is closed (`centre_fermeture`).
    public var isClosed: Bool?
    /// Whether the place is reserved for health professionals (`reserve_professionels_sante`).
    public var isReservedForHealthProfessionals: Bool?
    /// The place's kinds, from the PostgreSQL array literal `centre_type` (`{}`, `{"Grand centre"}`).
    public var kinds: [String]
    /// Columns or properties not modelled here, as text.
    public var otherFields: [String: String]

    /// A day of the week, as the file names it.
    public enum Weekday: String, Hashable, Sendable, CaseIterable {
        /// Monday (`rdv_lundi`).
        case monday = "lundi"
        /// Tuesday (`rdv_mardi`).
        case tuesday = "mardi"
        /// Wednesday (`rdv_mercredi`).
        case wednesday = "mercredi"
        /// Thursday (`rdv_jeudi`).
        case thursday = "jeudi"
        /// Friday (`rdv_vendredi`).
        case friday = "vendredi"
        /// Saturday (`rdv_samedi`).
        case saturday = "samedi"
        /// Sunday (`rdv_dimanche`).
        case sunday = "dimanche"
    }

    /// Whether the accessibility note says the place is accessible (`oui` in any case), `nil` when it says
    /// something else or nothing.
    public var isAccessible: Bool? {
        guard let accessibility else { return nil }
        switch accessibility.lowercased() {
        case "oui", "o", "t", "true": return true
        case "non", "n", "f", "false": return false
        default: return nil
        }
    }

    /// Reads one row of `centres-vaccination.csv`.
    /// - Parameter row: The row.
    public init(row: CSVRow) {
        self.init(fields: row, latitudeLongitude: nil)
        var others: [String: String] = [:]
        for (index, name) in row.header.names.enumerated() where !Self.modelledColumns.contains(name) {
            if index < row.fields.count, others[name] == nil { others[name] = row.fields[index] }
        }
        otherFields = others
    }

    /// Reads the properties of one GeoJSON feature (names prefixed `c_`), with the position of its
    /// geometry when it has one.
    /// - Parameters:
    ///   - properties: The feature's properties.
    ///   - position: The geometry's first point, when given.
    public init(properties: [String: JSONValue], position: Coordinates?) {
        self.init(fields: PrefixedProperties(properties: properties, prefix: "c_"), latitudeLongitude: position)
        var others: [String: String] = [:]
        for (name, value) in properties {
            let bare = name.hasPrefix("c_") ? String(name.dropFirst(2)) : name
            guard !name.hasPrefix("c_") || !Self.modelledColumns.contains(bare) else { continue }
            others[name] =
                value.stringValue ?? value.doubleValue.map { String($0) } ?? value.boolValue.map { String($0) }
        }
        otherFields = others
    }

    private init(fields: some RecordFields, latitudeLongitude: Coordinates?) {
        gid = fields.string("gid")
        name = fields.string("nom")
        prefectoralOrder = fields.string("arrete_pref_numero")
        geocodingPrecision = fields.double("xy_precis")
        addressID = fields.string("id_adr")
        streetNumber = fields.string("adr_num")
        street = fields.string("adr_voie")
        postalCode = fields.string("com_cp")
        inseeCode = fields.string("com_insee")
        city = fields.string("com_nom")
        if let latitudeLongitude {
            coordinates = latitudeLongitude
        } else if let latitude = fields.double("lat_coor1"), let longitude = fields.double("long_coor1") {
            coordinates = try? Coordinates(latitude: latitude, longitude: longitude)
        }
        structure = Structure(
            siren: fields.string("structure_siren").map(SIREN.init), activityCode: fields.string("structure_type"),
            name: fields.string("structure_rais"), streetNumber: fields.string("structure_num"),
            street: fields.string("structure_voie"), postalCode: fields.string("structure_cp"),
            inseeCode: fields.string("structure_insee"), city: fields.string("structure_com"))
        editedAt = fields.string("_edit_datemaj").map(OpenDataTimestamp.init)
        accessibility = fields.string("lieu_accessibilite")
        var hours: [Weekday: String] = [:]
        for day in Weekday.allCases {
            if let text = fields.string("rdv_" + day.rawValue) { hours[day] = text }
        }
        openingHours = hours
        requiresAppointment = fields.bool("rdv")
        openingDate = fields.string("date_ouverture").map(OpenDataTimestamp.init)
        closingDate = fields.string("date_fermeture").map(OpenDataTimestamp.init)
        bookingURL = fields.string("rdv_site_web").flatMap { URL(string: $0) }
        phone = fields.string("rdv_tel")
        secondPhone = fields.string("rdv_tel2")
        bookingNotes = fields.string("rdv_modalites")
        offersPreVaccinationConsultation = fields.bool("rdv_consultation_prevaccination")
        hasVoiceServer = fields.bool("centre_svi_repondeur")
        isClosed = fields.bool("centre_fermeture")
        isReservedForHealthProfessionals = fields.bool("reserve_professionels_sante")
        kinds = fields.string("centre_type").map(Self.postgresArray) ?? []
        otherFields = [:]
    }

    /// The columns read into typed members.
    static let modelledColumns: Set<String> = [
        "gid", "nom", "arrete_pref_numero", "xy_precis", "id_adr", "adr_num", "adr_voie", "com_cp", "com_insee",
        "com_nom", "lat_coor1", "long_coor1", "structure_siren", "structure_type", "structure_rais",
        "structure_num", "structure_voie", "structure_cp", "structure_insee", "structure_com", "_edit_datemaj",
        "lieu_accessibilite", "rdv_lundi", "rdv_mardi", "rdv_mercredi", "rdv_jeudi", "rdv_vendredi",
        "rdv_samedi", "rdv_dimanche", "rdv", "date_fermeture", "date_ouverture", "rdv_site_web", "rdv_tel",
        "rdv_tel2", "rdv_modalites", "rdv_consultation_prevaccination", "centre_svi_repondeur",
        "centre_fermeture", "reserve_professionels_sante", "centre_type",
    ]

    /// The elements of a PostgreSQL array literal: `{}` → `[]`, `{"Grand centre",x}` → `["Grand centre", "x"]`.
    static func postgresArray(_ literal: String) -> [String] {
        var text = Substring(literal.trimmingSpaces)
        guard text.hasPrefix("{"), text.hasSuffix("}") else { return text.isEmpty ? [] : [String(text)] }
        text = text.dropFirst().dropLast()
        var elements: [String] = []
        var current = ""
        var inQuotes = false
        var escaped = false
        var sawElement = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                inQuotes.toggle()
                sawElement = true
            } else if character == ",", !inQuotes {
                elements.append(current)
                current = ""
                sawElement = false
            } else {
                current.append(character)
                sawElement = true
            }
        }
        if sawElement || !current.isEmpty { elements.append(current) }
        return elements.map { $0.trimmingSpaces }.filter { !$0.isEmpty && $0 != "NULL" }
    }
}
