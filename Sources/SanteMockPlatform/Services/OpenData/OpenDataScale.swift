/// How large the mock's generated benchmark files are.
///
/// Two open-data files follow the scale; every other file has a fixed, realistic size:
/// - the VACSI-shaped CSV `vacsi-a-dep` (10 columns, `;`), served at
///   `/data/files/donnees-relatives-aux-personnes-vaccinees-contre-la-covid-19-1/20230713-135109/vacsi-a-dep-2023-07-13-15h50.csv`;
/// - the JSON array of Vite Ma Dose centres, served at `/data/vitemadose/centres.json`.
///
/// Both are generated while they are sent, never held whole in memory. Their size and checksum come from one extra
/// generation pass, run once per platform the first time anything needs them (the catalogue or the file itself).
///
/// ```swift
/// let platform = try await MockPlatform.start(MockPlatform.Configuration(openDataScale: .benchmark))
/// let rows = MockPlatform.Configuration(openDataScale: OpenDataScale(vacsiRowCount: 20_000, centreCount: 100))
/// ```
///
/// `sante-mock --open-data-scale` takes the same choice as text (`small`, `benchmark` or `rows=N,centres=N`, read by
/// ``init(parsing:)``).
public struct OpenDataScale: Sendable, Hashable {
    /// The largest row or centre count accepted: 50 million.
    public static let maximumCount = 50_000_000

    /// The number of data rows of the VACSI-shaped CSV (35 to 50 bytes each).
    public var vacsiRowCount: Int
    /// The number of centres in `/data/vitemadose/centres.json` (about 1,300 bytes each).
    public var centreCount: Int

    /// Creates a scale with explicit counts.
    /// - Parameters:
    ///   - vacsiRowCount: Data rows of the VACSI-shaped CSV, from 0 to ``maximumCount``.
    ///   - centreCount: Centres in the JSON array, from 0 to ``maximumCount``.
    public init(vacsiRowCount: Int, centreCount: Int) {
        self.vacsiRowCount = vacsiRowCount
        self.centreCount = centreCount
    }

    /// The default: 5,000 rows (about 180 kB) and 500 centres (about 640 kB), quick to generate in tests.
    public static let small = OpenDataScale(vacsiRowCount: 5_000, centreCount: 500)

    /// For benchmarks: 1,000,000 rows (about 46 MB) and 39,000 centres (about 50 MB).
    public static let benchmark = OpenDataScale(vacsiRowCount: 1_000_000, centreCount: 39_000)
}
