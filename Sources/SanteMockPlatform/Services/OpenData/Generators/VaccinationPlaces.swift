import Foundation

/// The "Lieux de vaccination contre la Covid-19" files: the 43-column `;` CSV (`centres-vaccination.csv`) and the
/// GeoJSON FeatureCollection whose properties carry the same fields prefixed `c_`, with `MultiPoint` geometries.
///
/// Places are spread over the 101 départements near each prefecture; values mix the formats of the real file
/// (`t`/`f`/empty booleans, free-text opening hours, phone numbers in several notations, `{}` or
/// `{"Grand centre"}` array literals).
enum VaccinationPlaces {
    /// The number of places in both files (the 2021-04-13 file had 2,174).
    static let count = 2_174

    /// The 43 columns of the CSV, in order.
    static let columnNames = [
        "gid", "nom", "arrete_pref_numero", "xy_precis", "id_adr", "adr_num", "adr_voie", "com_cp", "com_insee",
        "com_nom", "lat_coor1", "long_coor1", "structure_siren", "structure_type", "structure_rais", "structure_num",
        "structure_voie", "structure_cp", "structure_insee", "structure_com", "_userid_creation",
        "_userid_modification", "_edit_datemaj", "lieu_accessibilite", "rdv_lundi", "rdv_mardi", "rdv_mercredi",
        "rdv_jeudi", "rdv_vendredi", "rdv_samedi", "rdv_dimanche", "rdv", "date_fermeture", "date_ouverture",
        "rdv_site_web", "rdv_tel", "rdv_tel2", "rdv_modalites", "rdv_consultation_prevaccination",
        "centre_svi_repondeur", "centre_fermeture", "reserve_professionels_sante", "centre_type",
    ]

    /// One generated place: the CSV cells and the precise position of the GeoJSON geometry.
    struct Place {
        let cells: [TabularCell]
        let latitude: Double
        let longitude: Double
        let featureID: Int
    }

    /// The CSV table.
    static func table(seed: UInt64) -> TabularTable {
        let places = (0..<count).map { place($0, seed: seed) }
        let columns = columnNames.map { name -> TabularColumn in
            switch name {
            case "gid", "_userid_creation", "_userid_modification": TabularColumn(name, .int)
            case "lat_coor1", "long_coor1": TabularColumn(name, .float)
            case "date_fermeture", "date_ouverture": TabularColumn(name, .date)
            default: TabularColumn(name, .string)
            }
        }
        return TabularTable(columns: columns, rows: places.map(\.cells))
    }

    /// The GeoJSON FeatureCollection.
    static func geoJSON(seed: UInt64) -> [UInt8] {
        var output = Array(#"{"type":"FeatureCollection","features":["#.utf8)
        for index in 0..<count {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            feature(place(index, seed: seed)).write(into: &output)
        }
        output.append(contentsOf: Array("]}".utf8))
        return output
    }

    /// One GeoJSON Feature: properties `gid` (the feature's own id) then `c_<column>` with JSON types.
    static func feature(_ place: Place) -> OrderedJSON {
        var properties: [OrderedJSON.Member] = [OrderedJSON.Member("gid", .int(place.featureID))]
        for (index, name) in columnNames.enumerated() {
            properties.append(OrderedJSON.Member("c_" + name, propertyValue(name, place.cells[index])))
        }
        return .object([
            OrderedJSON.Member("type", .string("Feature")),
            OrderedJSON.Member("properties", .object(properties)),
            OrderedJSON.Member(
                "geometry",
                .object([
                    OrderedJSON.Member("type", .string("MultiPoint")),
                    OrderedJSON.Member(
                        "coordinates", .array([.array([.number(place.longitude), .number(place.latitude)])])),
                ])),
        ])
    }

    /// Place `index` of the files.
    static func place(_ index: Int, seed: UInt64) -> Place {
        var draws = SeededDraws(seed: seed, key: "centres-vaccination", index: index)
        let department = Department.all[index % Department.all.count]
        let latitude = department.latitude + draws.double(in: -0.25...0.25)
        let longitude = department.longitude + draws.double(in: -0.3...0.3)
        let variant = draws.int(in: 0...60)
        let postalCode = department.postalCode(variant: variant)
        let commune = department.communeCode(variant: variant)
        let street = draws.pick(streets)
        let number = draws.chance(0.8) ? String(draws.int(in: 1...120)) : ""
        let grand = draws.chance(0.05)
        let name = grand ? "Grand centre de vaccination de \(department.prefecture)" : placeName(&draws, department)
        let hours = draws.pick(openingHours)
        let closedWeekend = draws.chance(0.7)
        let days = (0..<7).map { day -> TabularCell in
            .optionalText(day >= 5 && closedWeekend ? draws.pick(["fermé", "fermé", "Fermé", "non précisé"]) : hours)
        }
        let editDay = HTTPDate.isoDay(
            daysSince1970: HTTPDate.daysSince1970(year: 2021, month: 1, day: 10) + Int64(draws.int(in: 0...85)))
        let editTime = "\(two(draws.int(in: 0...23))):\(two(draws.int(in: 0...59))):\(two(draws.int(in: 0...59)))"
        let micro = String(draws.int(in: 100_000...999_999))
        let hasSite = draws.chance(0.75)
        let pid = draws.int(in: 160_000...199_999)
        let site =
            hasSite
            ? "https://partners.doctolib.fr/centre-de-sante/\(slug(department.prefecture))/\(slug(name))"
                + "?pid=practice-\(pid)&enable_cookies_consent=1" : ""
        let cells: [TabularCell] =
            [
                .int(index + 1),
                .text(name),
                .optionalText(draws.chance(0.08) ? "2021-\(two(draws.int(in: 1...99)))" : nil),
                .text("0.9999\(draws.int(in: 10_000_000...99_999_999))\(draws.int(in: 10...99))"),
                .text("\(commune)_\(four(draws.int(in: 1...9999)))_\(five(draws.int(in: 1...99999)))"),
                .optionalText(number),
                .text(street),
                .text(postalCode),
                .text(commune),
                .text(department.prefecture),
                .number((latitude * 10_000).rounded() / 10_000),
                .number((longitude * 100_000).rounded() / 100_000),
                .text("1300078\(two(department.regionCode % 100))"),
                .text("8412Z"),
                .text("AGENCE REGIONALE DE SANTE \(department.regionName.uppercased())"),
                .text(String(draws.int(in: 1...150))),
                .text(draws.pick(["BD JOFFRE", "RUE BELLEVILLE", "RUE DU LANDY", "RUE GARIBALDI", "PL DES COLOMBES"])),
                .text(department.postalCode(variant: 0)),
                .text(department.communeCode(variant: 0)),
                .text(department.prefecture.uppercased()),
                .int(draws.int(in: 10...18_500)),
                .int(draws.int(in: 10...18_500)),
                .text("\(editDay) \(editTime).\(micro)"),
                .optionalText(draws.chance(0.25) ? draws.pick(["oui", "Oui", "OUI", "EMV"]) : nil),
            ] + days + [
                .optionalText(draws.pick(["t", "t", "t", "f", ""])),
                .optionalText(draws.chance(0.05) ? "2021-04-\(two(draws.int(in: 10...30)))" : nil),
                .optionalText(draws.chance(0.9) ? "2021-01-\(two(draws.int(in: 4...31)))" : nil),
                .optionalText(site),
                .optionalText(draws.chance(0.75) ? phone(&draws) : nil),
                .optionalText(draws.chance(0.02) ? phone(&draws) : nil),
                .optionalText(draws.chance(0.15) ? draws.pick(modalities) : nil),
                .optionalText(draws.pick(["t", "t", "f", ""])),
                .optionalText(draws.pick(["", "", "", "f", "t"])),
                .optionalText(draws.pick(["", "", "t", "f"])),
                .optionalText(draws.pick(["", "", "", "f", "t"])),
                .text(grand ? #"{"Grand centre"}"# : "{}"),
            ]
        return Place(cells: cells, latitude: latitude, longitude: longitude, featureID: 1 + index * 7 % (count * 7 + 1))
    }

    /// The JSON value of a `c_` property: booleans for `t`/`f` columns, numbers for numeric ones, `null` for empty
    /// fields, and `2021/02/04 16:21:11.620` for the edit date.
    private static func propertyValue(_ column: String, _ cell: TabularCell) -> OrderedJSON {
        switch column {
        case "rdv", "rdv_consultation_prevaccination", "centre_svi_repondeur", "centre_fermeture",
            "reserve_professionels_sante":
            if case .text(let text) = cell { return .bool(text == "t") }
            return .null
        case "_edit_datemaj":
            guard case .text(let text) = cell else { return .null }
            let date = text.prefix(10).replacingOccurrences(of: "-", with: "/")
            return .string(date + text.dropFirst(10).prefix(13))
        default:
            return cell.json
        }
    }

    private static func placeName(_ draws: inout SeededDraws, _ department: Department) -> String {
        switch draws.int(in: 0...5) {
        case 0: "Centre de vaccination de \(department.prefecture)"
        case 1: "Centre hospitalier de \(department.prefecture)"
        case 2: "Centre de vaccination - \(department.prefecture) \(draws.pick(["Nord", "Sud", "Centre", "Est"]))"
        case 3:
            "\(department.code)-Centre de vaccination \(draws.pick(["salle des fêtes", "gymnase", "espace culturel"]))"
        case 4: "Maison de santé pluriprofessionnelle de \(department.prefecture)"
        default: "Centre de vaccination COVID-19 \(department.prefecture)"
        }
    }

    private static func phone(_ draws: inout SeededDraws) -> String {
        let digits = (0..<8).map { _ in String(draws.int(in: 0...9)) }.joined()
        let area = draws.int(in: 1...5)
        switch draws.int(in: 0...3) {
        case 0:
            return
                "0\(area).\(digits.prefix(2)).\(digits.dropFirst(2).prefix(2)).\(digits.dropFirst(4).prefix(2)).\(digits.suffix(2))"
        case 1: return " +33\(area)\(digits)"
        default: return "+33\(area)\(digits)"
        }
    }

    /// A URL path segment: lower-case ASCII letters and digits, other characters as `-`.
    static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var result = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.hasSuffix("-") {
                result += "-"
            }
        }
        return String(result.trimmingCharacters(in: ["-"]))
    }

    private static func two(_ value: Int) -> String { padded(value, 2) }
    private static func four(_ value: Int) -> String { padded(value, 4) }
    private static func five(_ value: Int) -> String { padded(value, 5) }

    private static func padded(_ value: Int, _ width: Int) -> String {
        var bytes: [UInt8] = []
        ASCII.appendPadded(value, width: width, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static let streets = [
        "Rue de la République", "Avenue Jean Jaurès", "Boulevard Gambetta", "Rue Victor Hugo", "Place de la Mairie",
        "Rue Pasteur", "Avenue du Général de Gaulle", "Rue des Écoles", "Allée des Tilleuls", "Chemin du Stade",
        "Rue Joseph Cugnot", "Quai de la Loire", "Rue du Docteur Roux",
    ]

    private static let openingHours = [
        "9:00-17:00", "9h-17h", "14:00-17:00", "8H30-17H30", "9h00 à 17h00 ", "A préciser", "non précisé",
        "08:30-12:30, 13:30-18:00", "fermé",
    ]

    private static let modalities = [
        "Réservé aux plus de 75 ans", "réservé aux professionnels de santé libéraux",
        "EMV non ouvert à la réservation", "Ouverture ponctuelle week-end", "Sur rendez-vous uniquement",
    ]
}
