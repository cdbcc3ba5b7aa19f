public import Foundation
public import HTTPTypes
import SanteCore

/// Puts an access token on every attempt: `Authorization: Bearer <token>` by default.
///
/// Place it inside (after) the retry middleware: the token is asked for again on every attempt, so a
/// retry never carries a token that expired during the back-off.
///
/// With ``refreshesOnUnauthorized`` on, a 401 response makes the middleware tell the provider that the
/// token was rejected, ask for a new one and send the request once more; a second 401 is returned as is.
/// This needs a replayable body (or none); a request with a single-pass body gets its 401 back.
///
/// A provider failure fails the request with a non-retryable ``SanteHTTPError`` whose code is the
/// provider error's own code when it is a `SanteError` (`.configuration` otherwise), with the provider's
/// error as ``SanteHTTPError/underlyingError``. The same goes for a failure of
/// ``TokenProvider/tokenRejected(_:)``.
///
/// With ``credentialOrigins`` set, a request to any other origin (scheme, host and port) is refused with a
/// non-retryable `.validation` ``SanteHTTPError`` before the token is even asked for and before anything is
/// sent: an absolute link from a response (a paging `next` link, say) cannot carry the token elsewhere.
public struct AuthenticationMiddleware: HTTPMiddleware, DeadlineHonouringMiddleware {
    /// Where tokens come from.
    public let provider: any TokenProvider
    /// The header that carries the token (default `Authorization`).
    public let headerName: HTTPField.Name
    /// What precedes the token in the header value (default `"Bearer "`; empty for a raw API key).
    public let valuePrefix: String
    /// Whether a 401 triggers one refresh and one more try.
    public let refreshesOnUnauthorized: Bool
    /// The origins (scheme, host and port; paths are ignored) the token may be sent to, or `nil` for any.
    public let credentialOrigins: [URL]?

    private let allowedOrigins: Set<CredentialOrigin>?

    /// Creates the middleware.
    /// - Parameters:
    ///   - provider: Where tokens come from; asked before every attempt.
    ///   - headerName: The header that carries the token (default `Authorization`).
    ///   - valuePrefix: What precedes the token (default `"Bearer "`).
    ///   - refreshesOnUnauthorized: Whether a 401 triggers one refresh and one more try (default `true`).
    ///   - credentialOrigins: The origins the token may be sent to, such as the API's base URL; a request
    ///     to another origin is refused. `nil` (the default) allows every origin.
    public init(
        provider: any TokenProvider,
        headerName: HTTPField.Name = .authorization,
        valuePrefix: String = "Bearer ",
        refreshesOnUnauthorized: Bool = true,
        credentialOrigins: [URL]? = nil
    ) {
        self.provider = provider
        self.headerName = headerName
        self.valuePrefix = valuePrefix
        self.refreshesOnUnauthorized = refreshesOnUnauthorized
        self.credentialOrigins = credentialOrigins
        self.allowedOrigins = credentialOrigins.map { Set($0.compactMap(CredentialOrigin.init(url:))) }
    }

    /// Adds the token, and on a 401 refreshes it once when allowed.
    /// - Throws: ``SanteHTTPError`` with code `.validation` for a request to an origin outside
    ///   ``credentialOrigins``; the provider's error, wrapped; or what the pipeline throws.
    public func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        context: RequestContext,
        next: HTTPHandler
    ) async throws -> (HTTPResponse, HTTPBody?) {
        try checkOrigin(of: request, context: context)
        let token = try await fetchToken(for: request, context: context)
        let (response, responseBody) = try await next(authorized(request, token: token), body, context)
        guard response.status.code == 401, refreshesOnUnauthorized, body?.iterationBehavior != .single else {
            return (response, responseBody)
        }
        // Keep the 401's body, in case the refresh does not help and the 401 is what we return.
        let kept = try await responseBody?.collectPrefix(upTo: SanteHTTPError.maximumBodySnippetBytes).data
        try await reportRejection(of: token, request: request, context: context)
        let freshToken = try await fetchToken(for: request, context: context)
        guard freshToken != token else {
            return (response, kept.map { HTTPBody($0) })
        }
        return try await next(authorized(request, token: freshToken), body, context)
    }

    /// Refuses a request whose origin is not one of ``credentialOrigins``.
    private func checkOrigin(of request: HTTPRequest, context: RequestContext) throws {
        guard let allowedOrigins else { return }
        let origin = CredentialOrigin(request: request)
        if let origin, allowedOrigins.contains(origin) { return }
        let shown = origin.map { HTTPRedactor.default.redactedURL($0.description) } ?? "an unknown origin"
        throw SanteHTTPError(
            code: .validation,
            message: "refused to send credentials to \(shown): it is not one of the client's credential origins",
            operation: context.operation,
            method: request.method,
            url: HTTPRedactor.default.redactedURL(of: request),
            requestWasSent: false,
            isRetryable: false
        )
    }

    /// Asks the provider for a token, wrapping its failure (unless a cancellation) in a non-retryable
    /// ``SanteHTTPError`` that keeps the provider's error code when it is a `SanteError`.
    private func fetchToken(for request: HTTPRequest, context: RequestContext) async throws -> String {
        try await wrappingProviderErrors(request: request, context: context, requestWasSent: false) {
            try await provider.token(for: request, context: context)
        }
    }

    /// Tells the provider the token was rejected, wrapping its failure like ``fetchToken(for:context:)``.
    private func reportRejection(of token: String, request: HTTPRequest, context: RequestContext) async throws {
        try await wrappingProviderErrors(request: request, context: context, requestWasSent: true) {
            try await provider.tokenRejected(token)
        }
    }

    private func wrappingProviderErrors<Value>(
        request: HTTPRequest,
        context: RequestContext,
        requestWasSent: Bool,
        _ body: () async throws -> Value
    ) async throws -> Value {
        do {
            return try await body()
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as SanteHTTPError {
            throw error
        } catch {
            let santeError = error as? any SanteError
            throw SanteHTTPError(
                code: santeError?.code ?? .configuration,
                message: "the token provider failed (\(String(describing: type(of: error))))",
                operation: context.operation,
                method: request.method,
                url: HTTPRedactor.default.redactedURL(of: request),
                httpStatus: santeError?.httpStatus,
                requestWasSent: requestWasSent,
                isRetryable: false,
                underlyingError: error
            )
        }
    }

    private func authorized(_ request: HTTPRequest, token: String) -> HTTPRequest {
        var request = request
        request.headerFields[headerName] = valuePrefix + token
        return request
    }
}
