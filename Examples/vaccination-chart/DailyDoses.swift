import Foundation
import SanteKit

/// The doses of a VACSI file summed per day, built one row at a time: memory grows with the number of days
/// (a thousand or so), never with the number of rows (millions in the département files).
///
/// VACSI files split the population by age class (`clage_vacsi`), sex (`sexe`) or vaccine (`vaccin`), and
/// most include the totals as the code `0`. Rows are summed separately for each combination of split columns
/// that are not `0`; at the end the combination with the fewest splits wins (the totals when the file has
/// them, else the sum over one split), so no person is counted twice. Rows of several areas (départements,
/// regions) are added up, unless ``area`` keeps only one.
struct DailyDoses: Sendable {
    /// The series read from each row.
    let series: [DoseSeries]
    /// Only rows of this area code (`69`, `84`, `FR`), or all.
    let area: String?
    /// The rows read (all of them, kept or not).
    private(set) var rowCount = 0
    /// The rows that were summed.
    private(set) var keptRowCount = 0
    /// Per split combination (`""`, `clage_vacsi`, `sexe+clage_vacsi`…), per day, the sum of each series
    /// (`nil` while no row had the column).
    private var sums: [String: [String: [Int?]]] = [:]

    /// Creates an empty accumulator.
    init(series: [DoseSeries], area: String?) {
        self.series = series
        self.area = area
    }

    /// Adds one row.
    mutating func add(_ record: VacsiRecord) {
        rowCount += 1
        guard let day = record.day?.rawValue, day.count >= 10 else { return }
        if let area, let code = record.area?.code, Self.normalizedArea(code) != Self.normalizedArea(area) { return }
        let splits = [("clage_vacsi", record.ageClass), ("sexe", record.sex), ("vaccin", record.vaccine)]
            .compactMap { name, value in value.flatMap { $0 == "0" ? nil : name } }
            .joined(separator: "+")
        keptRowCount += 1
        var days = sums[splits] ?? [:]
        var values = days[String(day.prefix(10))] ?? Array(repeating: nil, count: series.count)
        for (index, line) in series.enumerated() {
            if let value = line.read(record) { values[index] = (values[index] ?? 0) + value }
        }
        days[String(day.prefix(10))] = values
        sums[splits] = days
    }

    /// The chart's data: the days in order and, for each series that has values, one value a day.
    /// - Parameter smoothing: The width of the trailing rolling mean in days (1 for none).
    func table(smoothing: Int) -> DoseTable {
        let chosen = sums.keys.min { left, right in
            let leftSplits = left.isEmpty ? 0 : left.split(separator: "+").count
            let rightSplits = right.isEmpty ? 0 : right.split(separator: "+").count
            return leftSplits == rightSplits ? left < right : leftSplits < rightSplits
        }
        guard let chosen, let days = sums[chosen] else { return DoseTable(days: [], lines: []) }
        let orderedDays = days.keys.sorted()
        var lines: [DoseTable.Line] = []
        for (index, line) in series.enumerated() {
            let raw = orderedDays.map { days[$0]?[index] }
            guard raw.contains(where: { $0 != nil }) else { continue }
            let values = raw.map { Double($0 ?? 0) }
            lines.append(
                DoseTable.Line(series: line, values: Self.trailingMean(values, width: smoothing), total: values.last))
        }
        return DoseTable(days: orderedDays, lines: lines)
    }

    /// `1` and `01` are the same département.
    private static func normalizedArea(_ code: String) -> String {
        let upper = code.trimmingCharacters(in: .whitespaces).uppercased()
        return upper.count == 1 ? "0" + upper : upper
    }

    /// The mean of each value and the `width - 1` before it.
    static func trailingMean(_ values: [Double], width: Int) -> [Double] {
        guard width > 1 else { return values }
        var result: [Double] = []
        result.reserveCapacity(values.count)
        var sum = 0.0
        for index in values.indices {
            sum += values[index]
            if index >= width { sum -= values[index - width] }
            result.append(sum / Double(min(index + 1, width)))
        }
        return result
    }
}

/// What the chart draws: days (`YYYY-MM-DD`, in order) and one value a day for each series.
struct DoseTable: Sendable {
    /// One series' values.
    struct Line: Sendable {
        /// The series.
        let series: DoseSeries
        /// One value a day, aligned with ``DoseTable/days``.
        let values: [Double]
        /// The last raw value (for cumulative series, the total).
        let total: Double?
    }

    /// The days, in order.
    let days: [String]
    /// The series that have values.
    let lines: [Line]
}
