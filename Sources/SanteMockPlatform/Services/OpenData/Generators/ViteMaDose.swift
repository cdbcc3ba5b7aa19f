/// The Vite Ma Dose files, generated from the seed in the shape of the late-2021 exports (with the older `gid` key
/// kept next to `internal_id`): `{code}.json` per département (`centres_disponibles`, `centres_indisponibles`),
/// `stats.json`, `departements.json`, and the large array of centres (`centres.json`) for benchmarks.
///
/// Like the real files, the centres mix formats by platform: Doctolib dates with `+01:00`, Maiia dates in UTC
/// with capitalised weekdays, Valwin naive dates and no opening hours; `vaccine_type` is a list of names, empty,
/// or (rarely, Maiia) `[{"Janssen": true}]`.
enum ViteMaDose {
    /// When every generated file claims it was last updated: `2021-12-29T22:32:13+01:00` plus a seeded offset.
    static func lastUpdated(seed: UInt64) -> String {
        var draws = SeededDraws(seed: seed, key: "vmd-last-updated")
        return "2021-12-29T22:\(two(draws.int(in: 0...59))):\(two(draws.int(in: 0...59)))+01:00"
    }

    /// `{code}.json` for one département.
    static func departmentFile(_ department: Department, seed: UInt64) -> OrderedJSON {
        let centres = centres(of: department, seed: seed)
        return .object([
            OrderedJSON.Member("version", .int(1)),
            OrderedJSON.Member("last_updated", .string(lastUpdated(seed: seed))),
            OrderedJSON.Member("centres_disponibles", .array(centres.available)),
            OrderedJSON.Member("centres_indisponibles", .array(centres.unavailable)),
        ])
    }

    /// The centres of a département, with and without appointments.
    static func centres(of department: Department, seed: UInt64) -> (
        available: [OrderedJSON], unavailable: [OrderedJSON]
    ) {
        var draws = SeededDraws(seed: seed, key: "vmd-department-\(department.code)")
        let availableCount = draws.int(in: 1...8)
        let unavailableCount = draws.int(in: 1...6)
        let available = (0..<availableCount).map { index in
            centre(department, number: index, available: true, seed: seed)
        }
        let unavailable = (0..<unavailableCount).map { index in
            centre(department, number: availableCount + index, available: false, seed: seed)
        }
        return (available, unavailable)
    }

    /// `stats.json`: `tout_departement` then one entry per département, consistent with the département files.
    static func stats(seed: UInt64) -> OrderedJSON {
        var members: [OrderedJSON.Member] = []
        var totalAvailable = 0
        var totalCentres = 0
        var totalSlots: Int64 = 0
        for department in Department.all {
            let centres = centres(of: department, seed: seed)
            let slots = centres.available.reduce(Int64(0)) { sum, centre in
                if case .integer(let count)? = centre["appointment_count"] { return sum + count }
                return sum
            }
            totalAvailable += centres.available.count
            totalCentres += centres.available.count + centres.unavailable.count
            totalSlots += slots
            members.append(
                OrderedJSON.Member(
                    department.code,
                    .object([
                        OrderedJSON.Member("disponibles", .int(centres.available.count)),
                        OrderedJSON.Member("indisponibles", .int(centres.unavailable.count)),
                        OrderedJSON.Member("creneaux", .integer(slots)),
                        OrderedJSON.Member("total", .int(centres.available.count + centres.unavailable.count)),
                    ])))
        }
        let national = OrderedJSON.Member(
            "tout_departement",
            .object([
                OrderedJSON.Member("disponibles", .int(totalAvailable)),
                OrderedJSON.Member("total", .int(totalCentres)),
                OrderedJSON.Member("creneaux", .integer(totalSlots)),
            ]))
        return .object([national] + members)
    }

    /// `departements.json`: the 101 départements, `code_region` as a float (`84.0`) as in the real file.
    static func departments() -> OrderedJSON {
        .array(
            Department.all.map { department in
                .object([
                    OrderedJSON.Member("code_departement", .string(department.code)),
                    OrderedJSON.Member("nom_departement", .string(department.name)),
                    OrderedJSON.Member("code_region", .number(Double(department.regionCode))),
                    OrderedJSON.Member("nom_region", .string(department.regionName)),
                ])
            })
    }

    /// Centre `index` of the large array (départements in turn), the same shape as in the département files.
    static func benchmarkCentre(_ index: Int, seed: UInt64) -> OrderedJSON {
        let department = Department.all[index % Department.all.count]
        var draws = SeededDraws(seed: seed, key: "vmd-benchmark", index: index)
        return centre(department, number: 1000 + index, available: draws.chance(0.6), seed: seed, key: "vmd-benchmark")
    }

    /// One centre.
    static func centre(
        _ department: Department, number: Int, available: Bool, seed: UInt64, key: String = "vmd-centre"
    ) -> OrderedJSON {
        var draws = SeededDraws(seed: seed, key: "\(key)-\(department.code)", index: number)
        let platform = draws.pick(platforms)
        let type = centreType(platform, &draws)
        let city = department.prefecture
        let postalCode = department.postalCode(variant: draws.int(in: 0...60))
        let name = centreName(type, city: city, &draws)
        let streetNumber = draws.int(in: 1...120)
        let street = draws.pick(VaccinationPlaces.streets)
        let identifier = draws.int(in: 100_000...299_999)
        let practice = draws.int(in: 160_000...199_999)
        let count = available ? Int64(draws.int(in: 1...(type == "vaccination-center" ? 6000 : 60))) : 0
        let dayOffset = draws.int(in: 1...14)
        let hour = draws.int(in: 8...18)
        let minute = draws.pick([0, 5, 10, 15, 20, 25, 30, 40, 45, 50])
        let vaccines = vaccineTypes(platform, available: available, &draws)
        let gid = draws.chance(0.5) ? "d\(identifier)" : String(draws.int(in: 100...9999))
        let atlas: OrderedJSON = draws.chance(0.4) ? .int(draws.int(in: 1000...99_999)) : .null
        let appointmentDay = HTTPDate.isoDay(
            daysSince1970: HTTPDate.daysSince1970(year: 2021, month: 12, day: 29) + Int64(dayOffset))

        var members: [OrderedJSON.Member] = [
            OrderedJSON.Member("departement", .string(department.code)),
            OrderedJSON.Member("nom", .string(name)),
            OrderedJSON.Member(
                "url",
                .string(
                    url(
                        platform, name: name, city: city, postalCode: postalCode,
                        identifier: identifier, practice: practice, draws: &draws))),
            OrderedJSON.Member(
                "location",
                .object([
                    OrderedJSON.Member(
                        "longitude", .number(round6(department.longitude + draws.double(in: -0.3...0.3)))),
                    OrderedJSON.Member(
                        "latitude", .number(round6(department.latitude + draws.double(in: -0.25...0.25)))),
                    OrderedJSON.Member("city", .string(city)),
                    OrderedJSON.Member("cp", .string(postalCode)),
                ])),
            OrderedJSON.Member(
                "metadata", metadata(platform, address: "\(streetNumber) \(street), \(postalCode) \(city)", &draws)),
            OrderedJSON.Member(
                "prochain_rdv",
                available ? .string(appointment(platform, day: appointmentDay, hour: hour, minute: minute)) : .null),
            OrderedJSON.Member("plateforme", platform == "Autre" && draws.chance(0.3) ? .null : .string(platform)),
            OrderedJSON.Member("type", .string(type)),
            OrderedJSON.Member("appointment_count", .integer(count)),
            OrderedJSON.Member(
                "internal_id", .string(internalID(platform, identifier: identifier, practice: practice, name: name))),
            OrderedJSON.Member("vaccine_type", vaccines),
            OrderedJSON.Member("appointment_by_phone_only", .bool(platform == "Autre" && draws.chance(0.3))),
            OrderedJSON.Member("erreur", .null),
            OrderedJSON.Member(
                "last_scan_with_availabilities",
                available || draws.chance(0.5) ? .null : .string("\(appointmentDay)T0\(draws.int(in: 1...9)):00:00")),
            OrderedJSON.Member("request_counts", .null),
            OrderedJSON.Member("appointment_schedules", available ? schedules(count: count, &draws) : .array([])),
            OrderedJSON.Member("gid", .string(gid)),
            OrderedJSON.Member("atlas_gid", atlas),
        ]
        if !available && draws.chance(0.1) {
            members[2] = OrderedJSON.Member("url", .string(""))
        }
        return .object(members)
    }

    private static let platforms = [
        "Doctolib", "Doctolib", "Doctolib", "Doctolib", "Maiia", "Keldoc", "Valwin", "Mapharma", "AvecMonDoc",
        "Ordoclic", "Autre",
    ]

    private static func centreType(_ platform: String, _ draws: inout SeededDraws) -> String {
        switch platform {
        case "Valwin", "Mapharma", "Ordoclic": "drugstore"
        case "AvecMonDoc": draws.chance(0.7) ? "general-practitioner" : "vaccination-center"
        case "Maiia": draws.chance(0.5) ? "drugstore" : "vaccination-center"
        default: draws.chance(0.85) ? "vaccination-center" : "drugstore"
        }
    }

    private static func centreName(_ type: String, city: String, _ draws: inout SeededDraws) -> String {
        switch type {
        case "drugstore":
            "Pharmacie \(draws.pick(["du Centre", "de la Gare", "des Halles", "du Marché", "de l'Église", "Principale"])) - \(city)"
        case "general-practitioner":
            "Cabinet médical du Dr \(draws.pick(["Martin", "Bernard", "Petit", "Durand", "Leroy", "Moreau"]))"
        default:
            draws.pick([
                "Centre de vaccination COVID-19 de \(city)", "Centre hospitalier de \(city)",
                "Vaccinodrome de \(city)", "Centre de vaccination - Salle polyvalente de \(city)",
            ])
        }
    }

    private static func url(
        _ platform: String, name: String, city: String, postalCode: String, identifier: Int, practice: Int,
        draws: inout SeededDraws
    ) -> String {
        let nameSlug = VaccinationPlaces.slug(name)
        let citySlug = VaccinationPlaces.slug(city)
        switch platform {
        case "Doctolib":
            return "https://www.doctolib.fr/vaccination-covid-19/\(citySlug)/\(nameSlug)?pid=practice-\(practice)"
        case "Maiia":
            return
                "https://www.maiia.com/centre-de-vaccination/\(postalCode)-\(citySlug)/\(nameSlug)?centerid=\(draws.hex(24))"
        case "Keldoc":
            return
                "https://vaccination-covid.keldoc.com/centre-hospitalier-regional/\(citySlug)-\(postalCode)/\(nameSlug)?specialty=144"
        case "Mapharma":
            return "https://mapharma.net/\(postalCode)?c=\(identifier)&l=1"
        case "AvecMonDoc":
            return "https://patient.avecmondoc.com/fiche/structure/\(nameSlug)-\(identifier)"
        case "Ordoclic":
            return "https://app.ordoclic.fr/app/pharmacie/\(nameSlug)-\(citySlug)-\(postalCode)"
        default:
            return "https://\(nameSlug).fr"
        }
    }

    private static func internalID(_ platform: String, identifier: Int, practice: Int, name: String) -> String {
        switch platform {
        case "Doctolib": "doctolib\(identifier)pid\(practice)"
        case "Maiia": "maiia\(String(identifier, radix: 16))\(String(practice, radix: 16))"
        case "Keldoc": "keldoc\(identifier)"
        case "Valwin": "Valwin\(VaccinationPlaces.slug(name))"
        case "Mapharma": "mapharma\(identifier)"
        case "AvecMonDoc": "avecmondoc\(identifier)"
        case "Ordoclic": "ordoclic\(identifier)"
        default: "autre\(identifier)"
        }
    }

    private static func metadata(_ platform: String, address: String, _ draws: inout SeededDraws) -> OrderedJSON {
        var members = [OrderedJSON.Member("address", .string(address))]
        if platform == "Valwin" {
            members.append(OrderedJSON.Member("business_hours", .null))
            return .object(members)
        }
        let capitalised = platform == "Maiia"
        let hours = draws.pick(["09:00-13:00, 14:00-17:30", "08:30-19:30", "09:00-12:00, 14:00-19:00", "14:00-18:00"])
        let days = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
        let closedOnSunday = draws.chance(0.8)
        let schedule = days.map { day -> OrderedJSON.Member in
            let key = capitalised ? day.prefix(1).uppercased() + day.dropFirst() : day
            return OrderedJSON.Member(key, day == "dimanche" && closedOnSunday ? .null : .string(hours))
        }
        members.append(OrderedJSON.Member("business_hours", .object(schedule)))
        if draws.chance(0.8) {
            members.append(
                OrderedJSON.Member("phone_number", .string("+332\(draws.int(in: 10_000_000...99_999_999))")))
        }
        return .object(members)
    }

    /// `prochain_rdv`: `+01:00` for most platforms, UTC for Maiia, naive for Valwin (the real quirks).
    private static func appointment(_ platform: String, day: String, hour: Int, minute: Int) -> String {
        switch platform {
        case "Maiia": "\(day)T\(two(hour - 1)):\(two(minute)):00+00:00"
        case "Valwin": "\(day)T\(two(hour)):\(two(minute)):00"
        case "Keldoc": "\(day)T\(two(hour)):\(two(minute)):00.000000+01:00"
        default: "\(day)T\(two(hour)):\(two(minute)):00+01:00"
        }
    }

    private static func vaccineTypes(_ platform: String, available: Bool, _ draws: inout SeededDraws) -> OrderedJSON {
        if !available && draws.chance(0.5) {
            return .array([])
        }
        if platform == "Maiia" && draws.chance(0.15) {
            return .array([.object([OrderedJSON.Member("Janssen", .bool(true))])])
        }
        return .strings(draws.pick([["Pfizer-BioNTech", "Moderna"], ["Pfizer-BioNTech"], ["Moderna"], ["Janssen"]]))
    }

    private static func schedules(count: Int64, _ draws: inout SeededDraws) -> OrderedJSON {
        let windows: [(name: String, days: Int)] = [
            ("chronodose", 2), ("1_days", 1), ("2_days", 2), ("7_days", 7), ("14_days", 14), ("28_days", 28),
            ("49_days", 49),
        ]
        var running: Int64 = 0
        let start = HTTPDate.daysSince1970(year: 2021, month: 12, day: 30)
        let items = windows.map { window -> OrderedJSON in
            if window.name != "chronodose" {
                running = min(count, running + Int64(Double(count) * draws.double(in: 0...0.4)))
            }
            let total = window.name == "49_days" ? count : (window.name == "chronodose" ? count / 10 : running)
            return .object([
                OrderedJSON.Member("name", .string(window.name)),
                OrderedJSON.Member("from", .string("\(HTTPDate.isoDay(daysSince1970: start))T00:00:00+01:00")),
                OrderedJSON.Member(
                    "to",
                    .string("\(HTTPDate.isoDay(daysSince1970: start + Int64(window.days - 1)))T23:59:59+01:00")),
                OrderedJSON.Member("total", .integer(total)),
            ])
        }
        return .array(items)
    }

    private static func round6(_ value: Double) -> Double {
        (value * 1_000_000).rounded() / 1_000_000
    }

    private static func two(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
