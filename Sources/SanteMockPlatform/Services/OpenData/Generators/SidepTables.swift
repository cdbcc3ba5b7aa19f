import Foundation

/// The SI-DEP files (virological tests, Santé publique France), generated from the seed with the real headers:
/// `sp-pos-quot-fra` (daily tests and positives by age class, to 17 May 2022 and from 18 May 2022 with the
/// `,00` decimal quirk in `P` and `T`) and `sp-ti-tp-7j-18ans-fra` (sliding-week rates).
enum SidepTables {
    /// The age classes of `sp-pos-quot-fra` (`cl_age90`), `0` being every age.
    static let ageClasses = ["09", "19", "29", "39", "49", "59", "69", "79", "89", "90", "0"]

    /// The age classes of `sp-ti-tp-7j-18ans-fra` (`age_18ans`).
    static let youngAgeClasses = ["02", "05", "10", "14", "17", "18"]

    /// The populations of the `cl_age90` classes (fractional, as the real `pop` column).
    static let populations: [Double] = [
        7_763_205.6862729, 8_298_714.4451263, 7_339_452.1296052, 8_217_345.3093761, 8_688_117.5127211,
        8_762_140.8912373, 8_063_924.9410012, 5_962_051.1031477, 3_273_829.7714305, 954_911.3311816,
    ]

    /// Daily tests and positives from 13 May 2020 to 17 May 2022 (the first dataset).
    static func positivesUntilMay2022(seed: UInt64) -> TabularTable {
        positives(
            seed: seed, key: "sp-pos-quot-fra", firstDay: HTTPDate.daysSince1970(year: 2020, month: 5, day: 13),
            dayCount: 735, countFormat: .plain)
    }

    /// Daily tests and positives from 18 May 2022 to 27 June 2023, with `P` and `T` written `1282,00`.
    static func positivesFromMay2022(seed: UInt64) -> TabularTable {
        positives(
            seed: seed, key: "sp-pos-quot-fra-2022", firstDay: HTTPDate.daysSince1970(year: 2022, month: 5, day: 18),
            dayCount: 406, countFormat: .decimals(2, separator: UInt8(ascii: ",")))
    }

    /// Sliding-week incidence (`ti`), positivity (`tp`) and screening (`td`) rates of the young, from the week of
    /// 13–19 May 2020, one week per day.
    static func youngRates(seed: UInt64) -> TabularTable {
        let firstDay = HTTPDate.daysSince1970(year: 2020, month: 5, day: 13)
        var rows: [[TabularCell]] = []
        for day in 0..<700 {
            let week =
                HTTPDate.isoDay(daysSince1970: firstDay + Int64(day)) + " - "
                + HTTPDate.isoDay(daysSince1970: firstDay + Int64(day) + 6)
            for ageClass in youngAgeClasses {
                var draws = SeededDraws(seed: seed, key: "sp-ti-tp-7j-\(ageClass)", index: day)
                let wave = epidemicWave(day + 0)
                let screening = 100 + 900 * wave * draws.double(in: 0.8...1.2) + (ageClass == "18" ? 300 : 0)
                let positivity = 1 + 12 * wave * draws.double(in: 0.8...1.2)
                rows.append([
                    .text("FR"), .text(week), .text(ageClass), .number(screening * positivity / 100),
                    .number(positivity), .number(screening),
                ])
            }
        }
        return TabularTable(
            columns: [
                TabularColumn("fra", .string), TabularColumn("sg", .string), TabularColumn("age_18ans", .string),
                TabularColumn("ti", .float, .trimmedDecimals(2)), TabularColumn("tp", .float, .trimmedDecimals(2)),
                TabularColumn("td", .float, .trimmedDecimals(2)),
            ], rows: rows)
    }

    private static func positives(
        seed: UInt64, key: String, firstDay: Int64, dayCount: Int, countFormat: CellFormat
    ) -> TabularTable {
        var rows: [[TabularCell]] = []
        let offset = Int(firstDay - HTTPDate.daysSince1970(year: 2020, month: 5, day: 13))
        for day in 0..<dayCount {
            let jour = HTTPDate.isoDay(daysSince1970: firstDay + Int64(day))
            let wave = epidemicWave(day + offset)
            var totals: [Int64] = [0, 0, 0, 0]
            for (index, ageClass) in ageClasses.enumerated() {
                if ageClass == "0" {
                    let population = populations.reduce(0, +)
                    rows.append(row(jour, totals, ageClass, population, countFormat))
                    continue
                }
                var draws = SeededDraws(seed: seed, key: "\(key)-\(ageClass)", index: day)
                let population = populations[index]
                let tests = population * (0.0008 + 0.004 * wave) * draws.double(in: 0.8...1.2)
                let positivity = 0.01 + 0.2 * wave * draws.double(in: 0.7...1.3)
                let testsWomen = Int64((tests * draws.double(in: 0.5...0.58)).rounded())
                let testsMen = Int64(tests.rounded()) - testsWomen
                let positivesWomen = Int64((Double(testsWomen) * positivity).rounded())
                let positivesMen = Int64((Double(testsMen) * positivity).rounded())
                let counts = [positivesWomen, positivesMen, testsWomen, testsMen]
                for slot in 0..<4 { totals[slot] += counts[slot] }
                rows.append(row(jour, counts, ageClass, population, countFormat))
            }
        }
        return TabularTable(
            columns: [
                TabularColumn("fra", .string), TabularColumn("jour", .date), TabularColumn("P_f", .int),
                TabularColumn("P_h", .int), TabularColumn("P", countFormat.isPlain ? .int : .float, countFormat),
                TabularColumn("T_f", .int), TabularColumn("T_h", .int),
                TabularColumn("T", countFormat.isPlain ? .int : .float, countFormat),
                TabularColumn("cl_age90", .string), TabularColumn("pop", .float, .decimals(7, separator: 0x2E)),
            ], rows: rows)
    }

    /// `[P_f, P_h, T_f, T_h]` as one row.
    private static func row(
        _ jour: String, _ counts: [Int64], _ ageClass: String, _ population: Double, _ format: CellFormat
    ) -> [TabularCell] {
        let positives = counts[0] + counts[1]
        let tests = counts[2] + counts[3]
        let total: (Int64) -> TabularCell = { format.isPlain ? .integer($0) : .number(Double($0)) }
        return [
            .text("FR"), .text(jour), .integer(counts[0]), .integer(counts[1]), total(positives),
            .integer(counts[2]), .integer(counts[3]), total(tests), .text(ageClass), .number(population),
        ]
    }

    /// The epidemic's intensity (0…1) on day `day` from 13 May 2020: the autumn 2020, spring 2021, summer 2021 and
    /// Omicron waves.
    private static func epidemicWave(_ day: Int) -> Double {
        let peaks: [(day: Double, width: Double, height: Double)] = [
            (170, 25, 0.45), (330, 40, 0.35), (440, 20, 0.3), (600, 25, 1.0), (680, 20, 0.6), (790, 30, 0.35),
        ]
        return min(
            1,
            peaks.reduce(0.02) { sum, peak in
                let distance = (Double(day) - peak.day) / peak.width
                return sum + peak.height * exp(-distance * distance)
            })
    }
}

extension CellFormat {
    /// Whether the format is ``CellFormat/plain``.
    var isPlain: Bool {
        if case .plain = self { return true }
        return false
    }
}
