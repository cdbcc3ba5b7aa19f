import Foundation
import SanteKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The progress of a search across départements, on standard error only: one line redrawn in place on a
/// terminal, one short line per finished département otherwise (a log, a pipe).
struct ProgressLine: Sendable {
    /// The number of départements to read.
    let total: Int
    /// Whether standard error is a terminal.
    let isTerminal: Bool

    /// A progress line for `total` départements.
    init(total: Int, isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.total = total
        self.isTerminal = isTerminal
    }

    /// Says what is about to be read.
    func start() {
        Output.info("Reading \(total) département file\(total == 1 ? "" : "s")…")
    }

    /// A département was read.
    func departmentRead(_ code: String, places: Int, done: Int) {
        show("\(Self.name(code)): \(places) place\(places == 1 ? "" : "s") with slots", done: done)
    }

    /// A département could not be read.
    func departmentFailed(_ code: String, reason: String, done: Int) {
        show("\(Self.name(code)): FAILED, \(reason)", done: done)
    }

    /// Ends the progress line with a summary.
    func finish(places: Int, failures: Int) {
        if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        var line = "Read \(total - failures) of \(total) départements"
        if failures > 0 { line += " (\(failures) failed)" }
        Output.info(line + ": \(places) place\(places == 1 ? "" : "s") with slots.")
    }

    private func show(_ text: String, done: Int) {
        guard isTerminal else {
            Output.info("[\(done)/\(total)] \(text)")
            return
        }
        let width = 24
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) \(text)\u{1B}[K".utf8))
    }

    /// `69 Rhône`.
    static func name(_ code: String) -> String {
        FrenchDepartment.named(code).map { "\($0.code) \($0.name)" } ?? code
    }
}
