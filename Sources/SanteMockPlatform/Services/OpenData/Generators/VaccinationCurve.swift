import Foundation

/// A day-by-day simulation of a vaccination campaign for one population (a country, a region, an age class):
/// first doses, completed primary courses, first and second boosters, and their cumulated values.
///
/// Deterministic for a given ``SeededDraws`` stream. The shape follows the real campaign loosely (first doses peak
/// in spring 2021, boosters in winter 2021–2022, second boosters in spring 2022; fewer injections on Sundays), which
/// is enough for clients to parse, chart and sum the files.
struct VaccinationCurve {
    /// The counts of one day.
    struct Day {
        /// Injections of the day: first dose, complete, booster, second booster.
        var daily: [Int64] = [0, 0, 0, 0]
        /// Cumulated counts at the end of the day, in the same order.
        var cumulated: [Int64] = [0, 0, 0, 0]
    }

    /// The population.
    let population: Double
    /// How strongly this population was vaccinated, relative to the whole country (children low, elderly high).
    let uptake: Double
    /// The day (from 2020-12-27) first doses start.
    let startDay: Int
    private var draws: SeededDraws
    private var cumulated: [Int64] = [0, 0, 0, 0]
    private var recentFirstDoses: [Int64] = Array(repeating: 0, count: 28)

    /// The first day of the VACSI files: 2020-12-27.
    static let firstDay = HTTPDate.daysSince1970(year: 2020, month: 12, day: 27)

    init(population: Double, uptake: Double = 1, startDay: Int = 0, draws: SeededDraws) {
        self.population = population
        self.uptake = uptake
        self.startDay = startDay
        self.draws = draws
    }

    /// The counts of day `day` (0 for 2020-12-27); call it for consecutive days from 0.
    mutating func next(day: Int) -> Day {
        let sundayFactor = (Self.firstDay + Int64(day)) % 7 == 3 ? 0.3 : 1.0  // 2020-12-27 was a Sunday
        var result = Day()
        let ceiling = Int64(population * min(0.97, 0.93 * uptake))
        let firstDoseRate = day < startDay ? 0 : 0.009 * bump(day, peak: max(startDay + 60, 160), width: 80) + 0.00015
        result.daily[0] = draw(firstDoseRate * sundayFactor, cap: ceiling - cumulated[0])
        let lagged = recentFirstDoses[day % 28]
        recentFirstDoses[day % 28] = result.daily[0]
        result.daily[1] = min(Int64(Double(lagged) * 0.93), max(0, cumulated[0] - cumulated[1]))
        let boosterRate = day < 240 ? 0 : 0.011 * bump(day, peak: 365, width: 50)
        result.daily[2] = draw(boosterRate * sundayFactor, cap: Int64(Double(cumulated[1]) * 0.85) - cumulated[2])
        let secondBoosterRate = day < 450 ? 0 : 0.0025 * bump(day, peak: 480, width: 45)
        result.daily[3] = draw(secondBoosterRate * sundayFactor, cap: Int64(Double(cumulated[2]) * 0.4) - cumulated[3])
        for index in 0..<4 {
            cumulated[index] += result.daily[index]
        }
        result.cumulated = cumulated
        return result
    }

    /// The coverage in percent of a cumulated count, rounded to one decimal as the files print it.
    func coverage(_ cumulatedCount: Int64) -> Double {
        guard population > 0 else { return 0 }
        return (Double(cumulatedCount) / population * 1000).rounded() / 10
    }

    private mutating func draw(_ rate: Double, cap: Int64) -> Int64 {
        guard cap > 0, rate > 0 else { return 0 }
        let expected = population * rate * uptake * draws.double(in: 0.85...1.15)
        return min(cap, Int64(expected.rounded()))
    }

    private func bump(_ day: Int, peak: Int, width: Double) -> Double {
        let distance = Double(day - peak) / width
        return exp(-distance * distance)
    }
}
