public import Foundation
public import SanteCore

/// One row of a SIDEP file (virological tests, Santé publique France): daily positives and tests
/// (`sp-pos-quot-*`: `P`, `T`, `P_f`, `P_h`, `T_f`, `T_h`, `cl_age90`, `pop`) or sliding-week rates
/// (`sp-ti-tp-7j-*`: `sg`, `ti`, `tp`, `td`).
///
/// Read by column name; counts accept the `,00` decimals of the post-2022 files (`1234,00` is 1234).
public struct SidepRecord: Hashable, Sendable, CSVRowDecodable {
    /// The area (`fra`, `reg` or `dep`).
    public var area: StatisticsArea?
    /// The day (`jour`), for daily files.
    public var day: OpenDataTimestamp?
    /// The sliding week (`sg`, `2020-05-13 - 2020-05-19`), for weekly-rate files.
    public var slidingWeek: ClosedRange<OpenDataTimestamp>?
    /// The age class (`cl_age90` or `age_18ans`), such as `09`; `0` for all ages.
    public var ageClass: String?
    /// Positive tests (`P`).
    public var positives: Int?
    /// Positive tests of women (`P_f`).
    public var positivesWomen: Int?
    /// Positive tests of men (`P_h`).
    public var positivesMen: Int?
    /// Tests (`T`).
    public var tests: Int?
    /// Tests of women (`T_f`).
    public var testsWomen: Int?
    /// Tests of men (`T_h`).
    public var testsMen: Int?
    /// The population of the class (`pop`), fractional in the files.
    public var population: Decimal?
    /// The incidence rate per 100,000 (`ti`).
    public var incidenceRate: Decimal?
    /// The positivity rate in percent (`tp`).
    public var positivityRate: Decimal?
    /// The screening rate per 100,000 (`td`).
    public var screeningRate: Decimal?
    /// Every column of the row, by name, as written.
    public var fields: [String: String]

    /// Reads one row.
    /// - Parameter row: The row.
    public init(row: CSVRow) {
        area = StatisticsArea.of(row)
        day = row.string("jour").map(OpenDataTimestamp.init)
        slidingWeek = row.string("sg").flatMap(Self.week)
        ageClass = row.string("cl_age90") ?? row.string("age_18ans")
        positives = row.integer("P")
        positivesWomen = row.integer("P_f")
        positivesMen = row.integer("P_h")
        tests = row.integer("T")
        testsWomen = row.integer("T_f")
        testsMen = row.integer("T_h")
        population = row.decimal("pop")
        incidenceRate = row.decimal("ti")
        positivityRate = row.decimal("tp")
        screeningRate = row.decimal("td")
        fields = row.dictionary
    }

    /// `2020-05-13 - 2020-05-19` as a range of days.
    private static func week(_ text: String) -> ClosedRange<OpenDataTimestamp>? {
        let parts = text.components(separatedBy: " - ")
        guard parts.count == 2 else { return nil }
        let start = OpenDataTimestamp(parts[0].trimmingSpaces)
        let end = OpenDataTimestamp(parts[1].trimmingSpaces)
        guard start.date != nil, end.date != nil, start <= end else { return nil }
        return start...end
    }
}
