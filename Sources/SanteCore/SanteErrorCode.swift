/// A stable, machine-readable error code shared by every SanteKit error.
///
/// Codes are an extensible set of string constants rather than an enum, so that a new code is
/// never a breaking change. Compare codes, never error messages.
public struct SanteErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible, Codable {
    /// The code's stable string form, such as `"http_status"`.
    public let rawValue: String

    /// Creates a code from its string form.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The code's string form.
    public var description: String { rawValue }

    /// The request could not be carried: connection refused or reset, DNS, TLS, truncated body.
    public static let transport = SanteErrorCode(rawValue: "transport")
    /// The server answered with an unsuccessful HTTP status; the error carries the decoded body.
    public static let httpStatus = SanteErrorCode(rawValue: "http_status")
    /// A response body did not decode into the expected type; the error carries the coding path.
    public static let decoding = SanteErrorCode(rawValue: "decoding")
    /// Input was refused before anything was sent; the error names each invalid field.
    public static let validation = SanteErrorCode(rawValue: "validation")
    /// The operation did not finish in the time allowed.
    public static let timeout = SanteErrorCode(rawValue: "timeout")
    /// The calling task was cancelled.
    public static let cancelled = SanteErrorCode(rawValue: "cancelled")
    /// The configuration cannot work as given (for example a client certificate on a transport that cannot present one).
    public static let configuration = SanteErrorCode(rawValue: "configuration")
    /// A signature, token or checksum did not verify.
    public static let verification = SanteErrorCode(rawValue: "verification")
}
