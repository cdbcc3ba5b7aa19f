/// Why the out-of-process mock platform could not be used.
public enum MockServerError: Error, CustomStringConvertible {
    /// No `sante-mock` executable was found.
    case binaryNotFound(searched: [String], repositoryRoot: String)
    /// The process could not be launched.
    case launchFailed(binary: String, reason: String)
    /// The process ended, or printed something else, before announcing its URL.
    case noListeningLine(binary: String, firstLine: String?)
    /// The process did not announce its URL in time.
    case startupTimedOut(binary: String, seconds: Int)

    /// What went wrong, and how to fix it.
    public var description: String {
        switch self {
        case .binaryNotFound(let searched, let repositoryRoot):
            "sante-mock was not found (looked at \(searched.joined(separator: ", "))). Build it first: "
                + "run `swift build -c release --product sante-mock` at the repository root (\(repositoryRoot)), "
                + "or set \(MockServerBinary.environmentVariable) to its path."
        case .launchFailed(let binary, let reason):
            "sante-mock (\(binary)) could not be launched: \(reason)"
        case .noListeningLine(let binary, let firstLine):
            "sante-mock (\(binary)) did not print `listening on http://HOST:PORT` as its first line"
                + (firstLine.map { " (it printed \"\($0)\")" } ?? " (it exited first; see its standard error)")
        case .startupTimedOut(let binary, let seconds):
            "sante-mock (\(binary)) did not announce its URL within \(seconds) s and was stopped"
        }
    }
}
