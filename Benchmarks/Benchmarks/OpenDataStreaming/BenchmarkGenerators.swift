/// Deterministic generators for the benchmark files (a fixed seed: every run reads the same bytes).
enum BenchmarkGenerators {
    /// The 101 département codes.
    static let departments: [String] =
        (1...19).map { $0 < 10 ? "0\($0)" : "\($0)" } + ["2A", "2B"] + (21...95).map { "\($0)" }
        + ["971", "972", "973", "974", "976"]

    /// The age classes of the later VACSI files.
    static let ageClasses = ["04", "09", "11", "17", "24", "29", "39", "49", "59", "64", "69", "74", "79", "80"]

    /// A VACSI-shaped CSV: one series per département and age class, days from 2020-12-27, cumulative counts.
    /// - Returns: The sum of the `n_dose1` column, which the readers must find.
    static func writeVacsi(rows: Int, into output: inout ChunkedFileWriter) throws -> Int {
        try output.append(
            "dep;clage_vacsi;jour;n_dose1;n_complet;n_cum_dose1;n_cum_complet;n_cum_rappel;couv_dose1;couv_complet\n")
        var random = SeededRandom(seed: 2021)
        let series = departments.count * ageClasses.count
        let daysPerSeries = (rows + series - 1) / series
        var written = 0
        var sum = 0
        outer: for department in departments {
            for ageClass in ageClasses {
                let population = 20_000 + random.next(200_000)
                var cumulated = (0, 0, 0)
                for day in 0..<daysPerSeries {
                    guard written < rows else { break outer }
                    let firstDoses = random.next(1 + population / 150)
                    sum += firstDoses
                    let completed = random.next(1 + population / 180)
                    cumulated.0 += firstDoses
                    cumulated.1 += completed
                    cumulated.2 += random.next(1 + population / 400)
                    let coverage1 = min(999, cumulated.0 * 1000 / population)
                    let coverage2 = min(999, cumulated.1 * 1000 / population)
                    try output.append(
                        "\(department);\(ageClass);\(date(day));\(firstDoses);\(completed);\(cumulated.0);"
                            + "\(cumulated.1);\(cumulated.2);\(coverage1 / 10).\(coverage1 % 10);"
                            + "\(coverage2 / 10).\(coverage2 % 10)\n")
                    written += 1
                }
            }
        }
        return sum
    }

    /// `YYYY-MM-DD` of day `day` after 2020-12-27 (a simple civil calendar walk).
    static func date(_ day: Int) -> String {
        var year = 2020
        var month = 12
        var dayOfMonth = 27 + day
        while true {
            let length = monthLength(year: year, month: month)
            if dayOfMonth <= length { break }
            dayOfMonth -= length
            month += 1
            if month > 12 {
                month = 1
                year += 1
            }
        }
        return "\(year)-\(two(month))-\(two(dayOfMonth))"
    }

    private static func monthLength(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static let platforms = [
        "Doctolib", "Doctolib", "Doctolib", "Doctolib", "Maiia", "Keldoc", "Valwin", "Mapharma", "AvecMonDoc",
        "Ordoclic", "Autre",
    ]
    private static let cities = ["Bourg-en-Bresse", "Laon", "Moulins", "Digne-les-Bains", "Gap", "Nice", "Privas"]
    private static let streets = ["rue de la République", "avenue Jean Jaurès", "place de la Mairie", "rue Pasteur"]
    private static let hours = ["09:00-13:00, 14:00-17:30", "08:30-19:30", "09:00-12:00, 14:00-19:00", "14:00-18:00"]
    private static let vaccines = [
        "[\"Pfizer-BioNTech\",\"Moderna\"]", "[\"Pfizer-BioNTech\"]", "[\"Moderna\"]", "[]", "[{\"Janssen\":true}]",
    ]

    /// A JSON array of Vite Ma Dose centres, the late-2021 shape (about 1,640 bytes each).
    /// - Returns: The sum of every centre's `appointment_count`, which the readers must find.
    static func writeCentres(count: Int, into output: inout ChunkedFileWriter) throws -> Int {
        var random = SeededRandom(seed: 1)
        var sum = 0
        try output.append("[")
        for index in 0..<count {
            let department = departments[index % departments.count]
            let platform = platforms[random.next(platforms.count)]
            let city = cities[random.next(cities.count)]
            let identifier = 100_000 + random.next(200_000)
            let practice = 160_000 + random.next(40_000)
            let available = random.next(10) < 6
            let slots = available ? 1 + random.next(6000) : 0
            sum += slots
            let capitalised = platform == "Maiia"
            let schedule = hours[random.next(hours.count)]
            let days = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"].map { day in
                let key = capitalised ? day.prefix(1).uppercased() + day.dropFirst() : day
                return "\"\(key)\":" + (day == "dimanche" ? "null" : "\"\(schedule)\"")
            }
            let postalCode = department.count == 2 ? "\(department)\(100 + random.next(900))" : "\(department)00"
            let name = "Centre de vaccination COVID-19 de \(city) n°\(index)"
            let slug = "centre-de-vaccination-covid-19-de-\(city.lowercased())-\(index)"
            var schedules: [String] = []
            var running = 0
            for (window, length) in [
                ("chronodose", 2), ("1_days", 1), ("2_days", 2), ("7_days", 7), ("14_days", 14), ("28_days", 28),
                ("49_days", 49),
            ] {
                running = min(slots, running + random.next(1 + slots / 3))
                schedules.append(
                    "{\"name\":\"\(window)\",\"from\":\"2021-12-30T00:00:00+01:00\",\"to\":\"2022-01-\(two(min(28, length)))T23:59:59+01:00\",\"total\":\(window == "49_days" ? slots : running)}"
                )
            }
            let nextAppointment =
                available
                ? "\"2022-01-0\(1 + random.next(9))T\(two(8 + random.next(10))):\(two(5 * random.next(12))):00+01:00\""
                : "null"
            let atlas = random.next(10) < 4 ? "\(1000 + random.next(98_000))" : "null"
            let centre =
                "{\"departement\":\"\(department)\",\"nom\":\"\(name)\","
                + "\"url\":\"https://www.doctolib.fr/vaccination-covid-19/\(city.lowercased())/\(slug)?pid=practice-\(practice)\","
                + "\"location\":{\"longitude\":\(2 + random.next(5)).\(random.next(1_000_000)),\"latitude\":\(43 + random.next(6)).\(random.next(1_000_000)),\"city\":\"\(city)\",\"cp\":\"\(postalCode)\"},"
                + "\"metadata\":{\"address\":\"\(1 + random.next(120)) \(streets[random.next(streets.count)]), \(postalCode) \(city)\","
                + "\"business_hours\":{\(days.joined(separator: ","))},\"phone_number\":\"+332\(10_000_000 + random.next(89_999_999))\"},"
                + "\"prochain_rdv\":\(nextAppointment),\"plateforme\":\"\(platform)\",\"type\":\"vaccination-center\","
                + "\"appointment_count\":\(slots),\"internal_id\":\"\(platform.lowercased())\(identifier)pid\(practice)\","
                + "\"vaccine_type\":\(vaccines[random.next(vaccines.count)]),\"appointment_by_phone_only\":false,"
                + "\"erreur\":null,\"last_scan_with_availabilities\":null,\"request_counts\":null,"
                + "\"appointment_schedules\":[\(schedules.joined(separator: ","))],"
                + "\"gid\":\"d\(identifier)\",\"atlas_gid\":\(atlas)}"
            try output.append(index == 0 ? centre : "," + centre)
        }
        try output.append("]")
        return sum
    }
}

/// A small deterministic generator (a 64-bit linear congruential generator).
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    }

    /// A value in `0..<bound`.
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(max(1, bound)))
    }
}
