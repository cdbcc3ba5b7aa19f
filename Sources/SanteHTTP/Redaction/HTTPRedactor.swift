import Foundation
public import HTTPTypes

/// Removes secrets and health data from what SanteKit logs and puts in error messages.
///
/// By default it redacts:
/// - the values of `Authorization`, `Proxy-Authorization`, `Cookie`, `Set-Cookie`, and of every header
///   whose name contains `token`, `secret`, `key`, `signature`, `password`, `credential`, `session` or
///   `auth` (such as `X-API-KEY`, `ESANTE-API-KEY`, `webhook-signature`; note that this includes
///   `Idempotency-Key`, which can be allow-listed), except the challenges `WWW-Authenticate` and
///   `Proxy-Authenticate`, which carry no secret and explain a 401;
/// - the values of query parameters whose name contains `token`, `secret`, `code`, `key`, `password`,
///   `assertion`, `state`, `signature` or `credential` (such as `access_token`, `code`, `client_secret`,
///   `client_assertion`, `state`; this errs on the safe side and also hides open-data parameters such as
///   `code_postal`, which can be allow-listed);
/// - user information in a URL (`user:password@`);
/// - NIR/INS numbers anywhere in a URL or a header value (13 or 15 digits, or the Corsican form with
///   `2A`/`2B`), even in parameters whose name is allow-listed;
/// - bodies: only their size is ever logged (see ``bodySummary(_:)``).
///
/// The allow-lists let a caller keep a header or a parameter that the rules above would hide.
///
/// ```swift
/// let redactor = HTTPRedactor(allowedHeaderNames: ["Idempotency-Key"])
/// redactor.redactedURL("https://api.example/Patient?identifier=1850578123456&access_token=abc")
/// // "https://api.example/Patient?identifier=[REDACTED]&access_token=[REDACTED]"
/// ```
public struct HTTPRedactor: Sendable, Hashable {
    /// What replaces a redacted value.
    public static let placeholder = "[REDACTED]"

    /// The default redactor, with empty allow-lists.
    public static let `default` = HTTPRedactor()

    /// Header names (compared case-insensitively) whose values are kept even though their name looks
    /// sensitive. Health identifiers in their values are still redacted.
    public var allowedHeaderNames: Set<String>
    /// Query parameter names (compared case-insensitively) whose values are kept even though their name
    /// looks sensitive. Health identifiers in their values are still redacted.
    public var allowedQueryParameterNames: Set<String>
    /// Whether NIR/INS numbers are redacted from URLs and header values (default `true`).
    public var redactsHealthIdentifiers: Bool

    private static let alwaysSensitiveHeaderNames: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie",
    ]
    private static let challengeHeaderNames: Set<String> = ["www-authenticate", "proxy-authenticate"]
    private static let sensitiveHeaderNameParts = [
        "token", "secret", "key", "signature", "password", "credential", "session", "auth",
    ]
    private static let sensitiveQueryNameParts = [
        "token", "secret", "code", "key", "password", "assertion", "state", "signature", "credential",
    ]
    private static let urlValuedHeaderNames: Set<String> = ["location", "content-location", "referer"]

    /// Creates a redactor.
    /// - Parameters:
    ///   - allowedHeaderNames: Header names whose values are kept (case-insensitive).
    ///   - allowedQueryParameterNames: Query parameter names whose values are kept (case-insensitive).
    ///   - redactsHealthIdentifiers: Whether NIR/INS numbers are redacted (default `true`).
    public init(
        allowedHeaderNames: Set<String> = [],
        allowedQueryParameterNames: Set<String> = [],
        redactsHealthIdentifiers: Bool = true
    ) {
        self.allowedHeaderNames = Set(allowedHeaderNames.map { $0.lowercased() })
        self.allowedQueryParameterNames = Set(allowedQueryParameterNames.map { $0.lowercased() })
        self.redactsHealthIdentifiers = redactsHealthIdentifiers
    }

    /// Whether the value of the header named `name` is hidden.
    /// - Parameter name: A header name, in any case.
    /// - Returns: `true` when the name looks sensitive and is not allow-listed.
    public func isSensitiveHeaderName(_ name: String) -> Bool {
        let lowercased = name.lowercased()
        if allowedHeaderNames.contains(lowercased) { return false }
        if Self.alwaysSensitiveHeaderNames.contains(lowercased) { return true }
        if Self.challengeHeaderNames.contains(lowercased) { return false }
        return Self.sensitiveHeaderNameParts.contains { lowercased.contains($0) }
    }

    /// Whether the value of the query parameter named `name` is hidden.
    /// - Parameter name: A decoded query parameter name, in any case.
    /// - Returns: `true` when the name looks sensitive and is not allow-listed.
    public func isSensitiveQueryParameterName(_ name: String) -> Bool {
        let lowercased = name.lowercased()
        if allowedQueryParameterNames.contains(lowercased) { return false }
        return Self.sensitiveQueryNameParts.contains { lowercased.contains($0) }
    }

    /// The loggable form of one header value.
    /// - Parameters:
    ///   - value: The header's value.
    ///   - name: The header's name.
    /// - Returns: ``placeholder`` for a sensitive header, otherwise the value with health identifiers (and,
    ///   for `Location`-like headers, sensitive URL parameters) redacted.
    public func redactedHeaderValue(_ value: String, name: String) -> String {
        if isSensitiveHeaderName(name) { return Self.placeholder }
        if Self.urlValuedHeaderNames.contains(name.lowercased()) { return redactedURL(value) }
        return redactedText(value)
    }

    /// The loggable form of a set of header fields, in their original order.
    /// - Parameter fields: The header fields.
    /// - Returns: The same fields with sensitive values replaced.
    public func redactedHeaders(_ fields: HTTPFields) -> HTTPFields {
        var redacted = HTTPFields()
        for field in fields {
            redacted.append(
                HTTPField(name: field.name, value: redactedHeaderValue(field.value, name: field.name.rawName)))
        }
        return redacted
    }

    /// The loggable form of a URL given as text: user information, sensitive query parameter values and
    /// health identifiers are replaced by ``placeholder``.
    /// - Parameter url: An absolute or relative URL, or a path with a query.
    /// - Returns: The redacted URL.
    public func redactedURL(_ url: String) -> String {
        var remainder = Substring(url)
        var fragment: Substring?
        if let hash = remainder.firstIndex(of: "#") {
            fragment = remainder[remainder.index(after: hash)...]
            remainder = remainder[..<hash]
        }
        var query: Substring?
        if let questionMark = remainder.firstIndex(of: "?") {
            query = remainder[remainder.index(after: questionMark)...]
            remainder = remainder[..<questionMark]
        }
        var result = redactedText(redactingUserInfo(String(remainder)))
        if let query {
            result += "?" + redactedQuery(query)
        }
        if let fragment {
            result += "#" + redactedText(String(fragment))
        }
        return result
    }

    /// The loggable form of a request's URL (scheme, authority, path and query).
    /// - Parameter request: The request.
    /// - Returns: The redacted URL.
    public func redactedURL(of request: HTTPRequest) -> String {
        var text = ""
        if let scheme = request.scheme { text += scheme + "://" }
        if let authority = request.authority { text += authority }
        text += request.path ?? ""
        return redactedURL(text)
    }

    /// `text` with health identifiers replaced (when ``redactsHealthIdentifiers`` is on).
    /// - Parameter text: Any text, such as a header value or an error message.
    /// - Returns: The redacted text.
    public func redactedText(_ text: String) -> String {
        guard redactsHealthIdentifiers else { return text }
        return HealthIdentifierRedaction.redact(text, placeholder: Self.placeholder)
    }

    /// A description of a body that reveals only its size, such as `"1234 bytes"`, `"unknown length"`
    /// or `"none"`.
    /// - Parameter body: The body.
    /// - Returns: The summary.
    public func bodySummary(_ body: HTTPBody?) -> String {
        guard let body else { return "none" }
        switch body.length {
        case .known(let count): return "\(count) bytes"
        case .unknown: return "unknown length"
        }
    }

    /// Replaces the `user:password@` part of an absolute URL.
    private func redactingUserInfo(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let authorityStart = schemeEnd.upperBound
        let authorityEnd = url[authorityStart...].firstIndex(of: "/") ?? url.endIndex
        guard let at = url[authorityStart..<authorityEnd].lastIndex(of: "@") else { return url }
        return String(url[..<authorityStart]) + Self.placeholder + String(url[at...])
    }

    private func redactedQuery(_ query: Substring) -> String {
        query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            guard let equals = pair.firstIndex(of: "=") else {
                return redactedText(String(pair))
            }
            let rawName = pair[..<equals]
            let name = String(rawName).replacingPlusWithSpace.removingPercentEncodingOrSelf
            if isSensitiveQueryParameterName(name) {
                return redactedText(String(rawName)) + "=" + Self.placeholder
            }
            return redactedText(String(rawName)) + "=" + redactedText(String(pair[pair.index(after: equals)...]))
        }.joined(separator: "&")
    }
}

extension String {
    fileprivate var replacingPlusWithSpace: String {
        String(map { $0 == "+" ? " " : $0 })
    }

    fileprivate var removingPercentEncodingOrSelf: String {
        removingPercentEncoding ?? self
    }
}
