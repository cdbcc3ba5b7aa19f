public import SanteCore

/// The one error type of the Pro Santé Connect client.
///
/// Match on ``reason`` (a stable, extensible set of constants), never on ``message``:
///
/// ```swift
/// do {
///     let login = try await client.completeAuthorization(callbackURL: url, pending: pending)
/// } catch let error as ProSanteConnectError where error.reason == .authorizationDenied {
///     // error.oauthError?.error == .accessDenied: the professional refused
/// } catch let error as ProSanteConnectError where error.reason == .sessionEnded {
///     // log in again
/// }
/// ```
///
/// Errors answered by an OAuth endpoint (the token endpoint, the authorization redirect, the backchannel
/// endpoint) carry the decoded body in ``oauthError`` and the status in ``httpStatus``. The
/// ``description`` never contains a token, a code, a secret or a professional's identity.
public struct ProSanteConnectError: SanteError {
    /// Why the operation failed.
    public let reason: Reason
    /// The stable code shared by every SanteKit error (usually ``Reason/code``; for
    /// ``Reason/requestFailed`` the code of the HTTP failure: transport, timeout, status…).
    public let code: SanteErrorCode
    /// A readable explanation for logs, free of tokens, secrets and health data.
    public let message: String
    /// The operation that failed, such as `"psc.token.authorization_code"`.
    public let operation: String?
    /// The HTTP status of the response, when a response was received.
    public let httpStatus: Int?
    /// The decoded OAuth error (`{error, error_description, error_uri}`), when the provider sent one.
    public let oauthError: OAuthError?
    /// The lower-level error (a `SanteHTTPError`, a `JOSEError`, a file-system error…), if any.
    public let underlyingError: (any Error)?

    /// Creates an error.
    /// - Parameters:
    ///   - reason: Why the operation failed.
    ///   - message: A readable explanation without secrets.
    ///   - operation: The operation that failed.
    ///   - code: The code; `nil` uses the reason's ``Reason/code``.
    ///   - httpStatus: The response status, if a response was received.
    ///   - oauthError: The decoded OAuth error body, if any.
    ///   - underlyingError: The lower-level cause, if any.
    public init(
        _ reason: Reason,
        _ message: String,
        operation: String? = nil,
        code: SanteErrorCode? = nil,
        httpStatus: Int? = nil,
        oauthError: OAuthError? = nil,
        underlyingError: (any Error)? = nil
    ) {
        self.reason = reason
        self.code = code ?? reason.code
        self.message = message
        self.operation = operation
        self.httpStatus = httpStatus
        self.oauthError = oauthError
        self.underlyingError = underlyingError
    }

    /// `ProSanteConnectError[reason] operation HTTP status: message (oauth error)`.
    public var description: String {
        var text = "ProSanteConnectError[\(reason.rawValue)]"
        if let operation { text += " \(operation)" }
        if let httpStatus { text += " HTTP \(httpStatus)" }
        text += ": \(message)"
        if let oauthError { text += " (\(oauthError.error.rawValue))" }
        return text
    }

    /// Whether the user must sign in again: the session ended, or the provider refused the grant.
    public var requiresNewLogin: Bool {
        reason == .sessionEnded || oauthError?.error == .invalidGrant
    }

    /// A copy attributed to `operation`, unless it already names one.
    func attributed(to operation: String) -> ProSanteConnectError {
        guard self.operation == nil else { return self }
        return ProSanteConnectError(
            reason, message, operation: operation, code: code, httpStatus: httpStatus, oauthError: oauthError,
            underlyingError: underlyingError)
    }
}
