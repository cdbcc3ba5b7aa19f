/// The geographic level of a Santé publique France statistics row: its `fra`, `reg` or `dep` column.
public struct StatisticsArea: Hashable, Sendable, CustomStringConvertible {
    /// The level.
    public enum Level: String, Hashable, Sendable {
        /// France as a whole (`fra`, value `FR`).
        case national = "fra"
        /// A region (`reg`, such as `84`).
        case region = "reg"
        /// A département (`dep`, such as `01`, `2A`, `971`).
        case department = "dep"
    }

    /// The level.
    public var level: Level
    /// The code, as written (leading zeros kept).
    public var code: String

    /// Creates an area.
    /// - Parameters:
    ///   - level: The level.
    ///   - code: The code.
    public init(level: Level, code: String) {
        self.level = level
        self.code = code
    }

    /// `dep 01`, `reg 84`, `fra FR`.
    public var description: String { "\(level.rawValue) \(code)" }

    /// The area of a row: whichever of `dep`, `reg`, `fra` it has.
    static func of(_ fields: some RecordFields) -> StatisticsArea? {
        for level in [Level.department, .region, .national] {
            if let code = fields.string(level.rawValue) { return StatisticsArea(level: level, code: code) }
        }
        return nil
    }
}
