public import SanteCore

extension OpenDataScale {
    /// The keys of the explicit form, `rows=…,centres=…`.
    private enum Key: String, CaseIterable {
        case rows
        case centres
    }

    /// Reads the text form that `sante-mock --open-data-scale` takes.
    ///
    /// | Text | Scale |
    /// |---|---|
    /// | `small` | ``small`` (5,000 rows, 500 centres) |
    /// | `benchmark` | ``benchmark`` (1,000,000 rows, 39,000 centres) |
    /// | `rows=1000000,centres=39000` | explicit counts; a key left out keeps its ``small`` value |
    ///
    /// Names and keys ignore case and surrounding spaces; counts are decimal integers from 0 to ``maximumCount``,
    /// and may group digits with `_` (`rows=1_000_000`).
    /// - Parameter text: The text.
    /// - Throws: `ValidationError` (field `openDataScale`, or `openDataScale.rows` / `openDataScale.centres`) whose
    ///   reasons say what is wrong: an unknown name or key, a key given twice, a missing `=`, a count that is not an
    ///   integer or is out of range.
    public init(parsing text: String) throws(ValidationError) {
        let trimmed = Self.trimmed(text).lowercased()
        switch trimmed {
        case "small":
            self = .small
            return
        case "benchmark":
            self = .benchmark
            return
        case "":
            throw Self.invalid("openDataScale", "is empty; use small, benchmark, or rows=N,centres=N")
        default:
            break
        }
        guard trimmed.contains("=") else {
            throw Self.invalid(
                "openDataScale", "\"\(Self.trimmed(text))\" is not small, benchmark, or counts such as rows=N,centres=N"
            )
        }
        var counts: [Key: Int] = [:]
        var issues: [ValidationIssue] = []
        for part in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.trimmed(pair[0])
            guard !Self.trimmed(part).isEmpty else {
                issues.append(ValidationIssue(field: "openDataScale", reason: "has an empty entry (a stray comma)"))
                continue
            }
            guard pair.count == 2 else {
                issues.append(ValidationIssue(field: "openDataScale", reason: "\"\(name)\" has no =N count"))
                continue
            }
            guard let key = Key(rawValue: name) else {
                issues.append(
                    ValidationIssue(
                        field: "openDataScale", reason: "unknown key \"\(name)\"; the keys are rows and centres"))
                continue
            }
            let field = "openDataScale.\(key.rawValue)"
            guard counts[key] == nil else {
                issues.append(ValidationIssue(field: field, reason: "is given twice"))
                continue
            }
            let digits = Self.trimmed(pair[1])
            guard let count = Self.count(digits) else {
                issues.append(
                    ValidationIssue(
                        field: field,
                        reason: "must be a whole number from 0 to \(Self.maximumCount), got \"\(digits)\""))
                continue
            }
            counts[key] = count
        }
        guard issues.isEmpty else { throw ValidationError(operation: "mock.openDataScale", issues: issues) }
        self.init(
            vacsiRowCount: counts[.rows] ?? Self.small.vacsiRowCount,
            centreCount: counts[.centres] ?? Self.small.centreCount)
    }

    /// The text form ``init(parsing:)`` reads back: `small`, `benchmark`, or `rows=…,centres=…`.
    public var argumentDescription: String {
        switch self {
        case .small: "small"
        case .benchmark: "benchmark"
        default: "rows=\(vacsiRowCount),centres=\(centreCount)"
        }
    }

    /// A decimal count from 0 to ``maximumCount``, digits optionally grouped with `_`.
    private static func count(_ text: String) -> Int? {
        guard let first = text.first, first != "_", text.last != "_", !text.contains("__"),
            text.allSatisfy({ $0 == "_" || ("0"..."9").contains($0) })
        else { return nil }
        let digits = text.filter { $0 != "_" }
        guard let value = Int(digits), value <= maximumCount else { return nil }
        return value
    }

    private static func trimmed(_ text: some StringProtocol) -> String {
        String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    private static func invalid(_ field: String, _ reason: String) -> ValidationError {
        ValidationError(operation: "mock.openDataScale", field: field, reason: reason)
    }
}
