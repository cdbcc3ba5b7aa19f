/// The small VACSI files (vaccinations, Santé publique France), generated from the seed: the national file, by age
/// class, by sex, by region, and the January 2021 national file in its first format.
///
/// Headers are the real ones (`;` separator, `.` decimals, codes as strings).
enum VacsiTables {
    /// The days of the 2021–2023 files: 2020-12-27 to 2023-07-12.
    static let dayCount = 928

    /// The age classes of the later files (`clage_vacsi`).
    static let ageClasses = ["04", "09", "11", "17", "24", "29", "39", "49", "59", "64", "69", "74", "79", "80"]

    /// The region codes of `vacsi-reg`.
    static let regions: [(code: String, population: Double)] = [
        ("01", 384_239), ("02", 364_508), ("03", 285_133), ("04", 861_210), ("06", 279_471),
        ("11", 12_262_544), ("24", 2_573_180), ("27", 2_805_580), ("28", 3_325_032), ("32", 6_004_108),
        ("44", 5_549_586), ("52", 3_806_461), ("53", 3_354_854), ("75", 6_010_289), ("76", 5_933_185),
        ("84", 8_042_936), ("93", 5_081_101), ("94", 344_679),
    ]

    /// The population of France used by the national files.
    static let francePopulation: Double = 67_407_241

    /// The later national format.
    static func national(seed: UInt64) -> TabularTable {
        var curve = VaccinationCurve(
            population: francePopulation, draws: SeededDraws(seed: seed, key: "vacsi-fra"))
        var rows: [[TabularCell]] = []
        for day in 0..<dayCount {
            rows.append([.text("FR"), .text(jour(day))] + counts(curve.next(day: day), curve: curve))
        }
        return TabularTable(columns: [TabularColumn("fra", .string), jourColumn] + countColumns, rows: rows)
    }

    /// By age class: `fra;clage_vacsi;jour;…`.
    static func byAgeClass(seed: UInt64) -> TabularTable {
        var rows: [[TabularCell]] = []
        for (index, ageClass) in ageClasses.enumerated() {
            let profile = ageProfile(index)
            var curve = VaccinationCurve(
                population: francePopulation * profile.share, uptake: profile.uptake, startDay: profile.startDay,
                draws: SeededDraws(seed: seed, key: "vacsi-a-fra-\(ageClass)"))
            for day in 0..<dayCount {
                rows.append(
                    [.text("FR"), .text(ageClass), .text(jour(day))] + counts(curve.next(day: day), curve: curve))
            }
        }
        return TabularTable(
            columns: [TabularColumn("fra", .string), TabularColumn("clage_vacsi", .string), jourColumn]
                + countColumns, rows: rows)
    }

    /// By sex: `fra;sexe;jour;…`, with `0` the sum of `1` (men) and `2` (women).
    static func bySex(seed: UInt64) -> TabularTable {
        var men = VaccinationCurve(
            population: francePopulation * 0.484, uptake: 0.97, draws: SeededDraws(seed: seed, key: "vacsi-s-fra-1"))
        var women = VaccinationCurve(
            population: francePopulation * 0.516, uptake: 1.02, draws: SeededDraws(seed: seed, key: "vacsi-s-fra-2"))
        let both = VaccinationCurve(population: francePopulation, draws: SeededDraws(seed: seed, key: "unused"))
        var perSex: [[[TabularCell]]] = [[], [], []]
        for day in 0..<dayCount {
            let man = men.next(day: day)
            let woman = women.next(day: day)
            var sum = VaccinationCurve.Day()
            for index in 0..<4 {
                sum.daily[index] = man.daily[index] + woman.daily[index]
                sum.cumulated[index] = man.cumulated[index] + woman.cumulated[index]
            }
            perSex[0].append([.text("FR"), .text("0"), .text(jour(day))] + counts(sum, curve: both))
            perSex[1].append([.text("FR"), .text("1"), .text(jour(day))] + counts(man, curve: men))
            perSex[2].append([.text("FR"), .text("2"), .text(jour(day))] + counts(woman, curve: women))
        }
        return TabularTable(
            columns: [TabularColumn("fra", .string), TabularColumn("sexe", .string), jourColumn] + countColumns,
            rows: perSex[0] + perSex[1] + perSex[2])
    }

    /// By region: `reg;jour;…`.
    static func byRegion(seed: UInt64) -> TabularTable {
        var rows: [[TabularCell]] = []
        for region in regions {
            var curve = VaccinationCurve(
                population: region.population, draws: SeededDraws(seed: seed, key: "vacsi-reg-\(region.code)"))
            for day in 0..<dayCount {
                rows.append([.text(region.code), .text(jour(day))] + counts(curve.next(day: day), curve: curve))
            }
        }
        return TabularTable(columns: [TabularColumn("reg", .string), jourColumn] + countColumns, rows: rows)
    }

    /// The first national format (January 2021): `fra;jour;n_dose1;n_cum_dose1`, 2020-12-27 to 2021-01-27.
    static func firstFormat(seed: UInt64) -> TabularTable {
        var curve = VaccinationCurve(
            population: francePopulation, draws: SeededDraws(seed: seed, key: "vacsi-fra-2021-01-28"))
        var rows: [[TabularCell]] = []
        for day in 0..<32 {
            let counts = curve.next(day: day)
            rows.append([
                .text("FR"), .text(jour(day)), .integer(counts.daily[0]), .integer(counts.cumulated[0]),
            ])
        }
        return TabularTable(
            columns: [
                TabularColumn("fra", .string), jourColumn, TabularColumn("n_dose1", .int),
                TabularColumn("n_cum_dose1", .int),
            ], rows: rows)
    }

    /// `YYYY-MM-DD` of day `day` of the files.
    static func jour(_ day: Int) -> String {
        HTTPDate.isoDay(daysSince1970: VaccinationCurve.firstDay + Int64(day))
    }

    /// The share of the population, relative uptake and first day of an age class.
    static func ageProfile(_ index: Int) -> (share: Double, uptake: Double, startDay: Int) {
        let shares = [0.045, 0.06, 0.025, 0.065, 0.085, 0.055, 0.12, 0.13, 0.13, 0.06, 0.06, 0.055, 0.04, 0.07]
        let uptakes = [0.01, 0.3, 0.6, 0.85, 0.9, 0.9, 0.95, 1.0, 1.05, 1.08, 1.1, 1.1, 1.1, 1.05]
        let starts = [500, 380, 160, 150, 130, 130, 110, 90, 70, 40, 20, 20, 10, 0]
        return (shares[index], uptakes[index], starts[index])
    }

    private static let jourColumn = TabularColumn("jour", .date)

    private static let countColumns: [TabularColumn] = [
        TabularColumn("n_dose1", .int), TabularColumn("n_complet", .int), TabularColumn("n_rappel", .int),
        TabularColumn("n_2_rappel", .int), TabularColumn("n_cum_dose1", .int), TabularColumn("n_cum_complet", .int),
        TabularColumn("n_cum_rappel", .int), TabularColumn("n_cum_2_rappel", .int),
        TabularColumn("couv_dose1", .float), TabularColumn("couv_complet", .float),
        TabularColumn("couv_rappel", .float), TabularColumn("couv_2_rappel", .float),
    ]

    private static func counts(_ day: VaccinationCurve.Day, curve: VaccinationCurve) -> [TabularCell] {
        day.daily.map { TabularCell.integer($0) } + day.cumulated.map { TabularCell.integer($0) }
            + day.cumulated.map { TabularCell.number(curve.coverage($0)) }
    }
}
