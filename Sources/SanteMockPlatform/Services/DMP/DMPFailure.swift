import HTTPTypes

/// One issue of an OperationOutcome the mock DMP answers with.
struct DMPIssue: Sendable, Hashable {
    /// `error`, `warning` or `information`.
    var severity = "error"
    /// The FHIR IssueType code, such as `required`, `invalid`, `duplicate`.
    var code: String
    /// Human text naming the field.
    var diagnostics: String
    /// The FHIRPath of the field, when there is one.
    var expression: [String] = []

    /// An error issue.
    static func error(_ code: String, _ diagnostics: String, expression: String? = nil) -> DMPIssue {
        DMPIssue(code: code, diagnostics: diagnostics, expression: expression.map { [$0] } ?? [])
    }

    /// A warning issue.
    static func warning(_ code: String, _ diagnostics: String) -> DMPIssue {
        DMPIssue(severity: "warning", code: code, diagnostics: diagnostics)
    }
}

/// A refused request: the HTTP status and the issues of its OperationOutcome.
struct DMPFailure: Error, Sendable {
    /// The HTTP status.
    var status: HTTPResponse.Status
    /// The issues, at least one.
    var issues: [DMPIssue]
    /// The RFC 6750 error of a `401`'s `WWW-Authenticate: Bearer` challenge (`invalid_token`), or `nil` when
    /// the request carried no token.
    var bearerError: String?

    /// A failure with one issue.
    init(_ status: HTTPResponse.Status, _ code: String, _ diagnostics: String, expression: String? = nil) {
        self.status = status
        self.issues = [.error(code, diagnostics, expression: expression)]
    }

    /// A failure with several issues.
    init(_ status: HTTPResponse.Status, issues: [DMPIssue]) {
        self.status = status
        self.issues = issues
    }

    /// `401 login` for a request whose token is missing (`bearerError` `nil`) or refused (`invalid_token`).
    static func unauthorized(_ diagnostics: String, tokenPresented: Bool) -> DMPFailure {
        var failure = DMPFailure(.unauthorized, "login", diagnostics)
        failure.bearerError = tokenPresented ? "invalid_token" : nil
        return failure
    }

    /// `404 not-found` naming what is missing (or hidden).
    static func notFound(_ what: String) -> DMPFailure {
        DMPFailure(.notFound, "not-found", "\(what) is not known")
    }

    /// `403 forbidden`.
    static func forbidden(_ diagnostics: String) -> DMPFailure {
        DMPFailure(.forbidden, "forbidden", diagnostics)
    }
}
