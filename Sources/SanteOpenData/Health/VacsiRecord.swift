public import Foundation
public import SanteCore

/// One row of a VACSI file (people vaccinated against COVID-19, Santé publique France): national, regional
/// or departmental, optionally by age class, sex or vaccine.
///
/// Read by column name, so every era reads the same way: January 2021 (`n_dose1;n_cum_dose1`), 2021–2023
/// (`n_complet`, `n_rappel`, `n_2_rappel`, coverage), later additions (`n_3_rappel`, `n_rappel_biv`).
/// A column the file lacks gives `nil`; every column is also in ``fields``.
public struct VacsiRecord: Hashable, Sendable, CSVRowDecodable {
    /// The area (`fra`, `reg` or `dep`).
    public var area: StatisticsArea?
    /// The day of the injections (`jour`).
    public var day: OpenDataTimestamp?
    /// The age class code (`clage_vacsi`), such as `04` or `80`; `nil` in files without ages.
    public var ageClass: String?
    /// The sex code (`sexe`): `0` all, `1` men, `2` women.
    public var sex: String?
    /// The vaccine code (`vaccin`): `0` all, `1` Pfizer, `2` Moderna, …
    public var vaccine: String?
    /// People given a first dose that day (`n_dose1`).
    public var firstDoses: Int?
    /// People given a second dose that day (`n_dose2`).
    public var secondDoses: Int?
    /// People whose primary vaccination was completed that day (`n_complet`).
    public var completed: Int?
    /// People given a booster that day (`n_rappel`).
    public var boosters: Int?
    /// People given a second booster that day (`n_2_rappel`).
    public var secondBoosters: Int?
    /// Cumulative first doses (`n_cum_dose1`).
    public var cumulativeFirstDoses: Int?
    /// Cumulative completed primary vaccinations (`n_cum_complet`).
    public var cumulativeCompleted: Int?
    /// Cumulative boosters (`n_cum_rappel`).
    public var cumulativeBoosters: Int?
    /// Coverage with at least one dose, in percent (`couv_dose1`).
    public var firstDoseCoverage: Decimal?
    /// Coverage with a completed primary vaccination, in percent (`couv_complet`).
    public var completedCoverage: Decimal?
    /// Coverage with a booster, in percent (`couv_rappel`).
    public var boosterCoverage: Decimal?
    /// Every column of the row, by name, as written.
    public var fields: [String: String]

    /// Reads one row.
    /// - Parameter row: The row.
    public init(row: CSVRow) {
        area = StatisticsArea.of(row)
        day = row.string("jour").map(OpenDataTimestamp.init)
        ageClass = row.string("clage_vacsi")
        sex = row.string("sexe")
        vaccine = row.string("vaccin")
        firstDoses = row.integer("n_dose1")
        secondDoses = row.integer("n_dose2")
        completed = row.integer("n_complet")
        boosters = row.integer("n_rappel")
        secondBoosters = row.integer("n_2_rappel")
        cumulativeFirstDoses = row.integer("n_cum_dose1")
        cumulativeCompleted = row.integer("n_cum_complet")
        cumulativeBoosters = row.integer("n_cum_rappel")
        firstDoseCoverage = row.decimal("couv_dose1")
        completedCoverage = row.decimal("couv_complet")
        boosterCoverage = row.decimal("couv_rappel")
        fields = row.dictionary
    }
}
