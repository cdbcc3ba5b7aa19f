// The large generated files of the benchmark scale, streamed segment by segment (see ``SegmentedFile``).

/// A VACSI-shaped CSV by département and age class, 10 columns, one row per département, age class and day:
/// `dep;clage_vacsi;jour;n_dose1;n_complet;n_cum_dose1;n_cum_complet;n_cum_rappel;couv_dose1;couv_complet`.
///
/// Each segment is one département and age class (its cumulated counts start at zero), so any segment can be
/// generated alone. With a million rows the file is about 50 MB.
struct VacsiBenchmarkFile: SegmentedFile {
    /// The header line's columns.
    static let columns = [
        "dep", "clage_vacsi", "jour", "n_dose1", "n_complet", "n_cum_dose1", "n_cum_complet", "n_cum_rappel",
        "couv_dose1", "couv_complet",
    ]

    /// The number of data rows.
    let rowCount: Int
    /// The platform seed.
    let seed: UInt64
    /// Days per département and age class.
    let daysPerSeries: Int

    init(rowCount: Int, seed: UInt64) {
        self.rowCount = max(0, rowCount)
        self.seed = seed
        let series = Department.all.count * VacsiTables.ageClasses.count
        daysPerSeries = max(1, (self.rowCount + series - 1) / series)
    }

    var prefix: [UInt8] { Array((Self.columns.joined(separator: ";") + "\n").utf8) }

    var suffix: [UInt8] { [] }

    var segmentCount: Int { (rowCount + daysPerSeries - 1) / daysPerSeries }

    func appendSegment(_ index: Int, to output: inout [UInt8]) {
        let classCount = VacsiTables.ageClasses.count
        let department = Department.all[index / classCount]
        let ageIndex = index % classCount
        let ageClass = Array(VacsiTables.ageClasses[ageIndex].utf8)
        let profile = VacsiTables.ageProfile(ageIndex)
        var draws = SeededDraws(seed: seed, key: "vacsi-benchmark-population-\(department.code)")
        let population = draws.double(in: 250_000...2_600_000) * profile.share
        var curve = VaccinationCurve(
            population: population, uptake: profile.uptake, startDay: profile.startDay,
            draws: SeededDraws(seed: seed, key: "vacsi-benchmark", index: index))
        let code = Array(department.code.utf8)
        let rows = min(daysPerSeries, rowCount - index * daysPerSeries)
        for day in 0..<rows {
            let counts = curve.next(day: day)
            output.append(contentsOf: code)
            output.append(UInt8(ascii: ";"))
            output.append(contentsOf: ageClass)
            output.append(UInt8(ascii: ";"))
            appendDay(day, to: &output)
            for slot in 0..<2 {
                output.append(UInt8(ascii: ";"))
                ASCII.appendInteger(counts.daily[slot], to: &output)
            }
            for slot in 0..<3 {
                output.append(UInt8(ascii: ";"))
                ASCII.appendInteger(counts.cumulated[slot], to: &output)
            }
            for slot in 0..<2 {
                output.append(UInt8(ascii: ";"))
                ASCII.appendDecimal(curve.coverage(counts.cumulated[slot]), places: 1, to: &output)
            }
            output.append(0x0A)
        }
    }

    private func appendDay(_ day: Int, to output: inout [UInt8]) {
        let (year, month, dayOfMonth) = HTTPDate.civilDate(daysSince1970: VaccinationCurve.firstDay + Int64(day))
        ASCII.appendInteger(year, to: &output)
        output.append(UInt8(ascii: "-"))
        ASCII.appendPadded(month, width: 2, to: &output)
        output.append(UInt8(ascii: "-"))
        ASCII.appendPadded(dayOfMonth, width: 2, to: &output)
    }
}

/// A JSON array of Vite Ma Dose centres (the objects of the département files), 200 centres per segment. With
/// 39,000 centres the file is about 50 MB.
struct CentresBenchmarkFile: SegmentedFile {
    /// Centres per segment.
    static let centresPerSegment = 200

    /// The number of centres.
    let count: Int
    /// The platform seed.
    let seed: UInt64

    init(count: Int, seed: UInt64) {
        self.count = max(0, count)
        self.seed = seed
    }

    var prefix: [UInt8] { [UInt8(ascii: "[")] }

    var suffix: [UInt8] { [UInt8(ascii: "]")] }

    var segmentCount: Int { (count + Self.centresPerSegment - 1) / Self.centresPerSegment }

    func appendSegment(_ index: Int, to output: inout [UInt8]) {
        let first = index * Self.centresPerSegment
        for centre in first..<min(first + Self.centresPerSegment, count) {
            if centre > 0 { output.append(UInt8(ascii: ",")) }
            ViteMaDose.benchmarkCentre(centre, seed: seed).write(into: &output)
        }
    }
}
