import Foundation
import SanteKit

/// A line of the chart: one count of a VACSI row (first doses, completed vaccinations, boosters…), daily or
/// cumulative.
struct DoseSeries: Hashable, Sendable {
    /// A stable key, such as `first-doses` (the SVG group's id).
    let key: String
    /// The legend's label.
    let label: String
    /// The line's colour.
    let colour: String
    /// Reads the count from a row.
    let read: @Sendable (VacsiRecord) -> Int?

    static func == (left: DoseSeries, right: DoseSeries) -> Bool { left.key == right.key }
    func hash(into hasher: inout Hasher) { hasher.combine(key) }

    /// The daily series, in legend order.
    static let daily: [DoseSeries] = [
        DoseSeries(key: "first-doses", label: "First doses", colour: "#1f77b4") { $0.firstDoses },
        DoseSeries(key: "second-doses", label: "Second doses", colour: "#9467bd") { $0.secondDoses },
        DoseSeries(key: "completed", label: "Completed primary vaccination", colour: "#2ca02c") { $0.completed },
        DoseSeries(key: "boosters", label: "Boosters", colour: "#ff7f0e") { $0.boosters },
        DoseSeries(key: "second-boosters", label: "Second boosters", colour: "#d62728") { $0.secondBoosters },
    ]

    /// The cumulative series, in legend order.
    static let cumulative: [DoseSeries] = [
        DoseSeries(key: "first-doses", label: "At least one dose", colour: "#1f77b4") { $0.cumulativeFirstDoses },
        DoseSeries(key: "second-doses", label: "Second doses", colour: "#9467bd") {
            $0.fields["n_cum_dose2"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        },
        DoseSeries(key: "completed", label: "Completed primary vaccination", colour: "#2ca02c") {
            $0.cumulativeCompleted
        },
        DoseSeries(key: "boosters", label: "Boosters", colour: "#ff7f0e") { $0.cumulativeBoosters },
        DoseSeries(key: "second-boosters", label: "Second boosters", colour: "#d62728") {
            $0.fields["n_cum_2_rappel"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        },
    ]
}
