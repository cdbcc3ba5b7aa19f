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
/// error as ``SanteHTTPError/underlyingError``.
public struct AuthenticationMiddleware: HTTPMiddleware {
    /// Where tokens come from.
    public let provider: any TokenProvider
    /// The header that carries the token (default `Authorization`).
    public let headerName: HTTPField.Name
    /// What precedes the token in the header value (default `"Bearer "`; empty for a raw API key).
    public let valuePrefix: String
    /// Whether a 401 triggers one refresh and one more try.
    public let refreshesOnUnauthorized: Bool

    /// Creates the middleware.
    /// - Parameters:
    ///   - provider: Where tokens come from; asked before every attempt.
    ///   - headerName: The header that carries the token (default `Authorization`).
    ///   - valuePrefix: What precedes the token (default `"Bearer "`).
    ///   - refreshesOnUnauthorized: Whether a 401 triggers one refresh and one more try (default `true`).
    public init(
        provider: any TokenProvider,
        headerName: HTTPField.Name = .authorization,
        valuePrefix: String = "Bearer ",
        refreshesOnUnauthorized: Bool = true
    ) {
        self.provider = provider
        self.headerName = headerName
        self.valuePrefix = valuePrefix
        self.refreshesOnUnauthorized = refreshesOnUnauthorized
    }

    /// Adds the token, and on a 401 refreshes it once when allowed.
    /// - Throws: The provider's error, or what the pipeline throws.
    public func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        context: RequestContext,
        next: HTTPHandler
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let token = try await fetchToken(for: request, context: context)
        let (response, responseBody) = try await next(authorized(request, token: token), body, context)
        guard response.status.code == 401, refreshesOnUnauthorized, body?.iterationBehavior != .single else {
            return (response, responseBody)
        }
        // Keep the 401's body, in case the refresh does not help and the 401 is what we return.
        let kept = try await responseBody?.collectPrefix(upTo: SanteHTTPError.maximumBodySnippetBytes).data
        try await provider.tokenRejected(token)
        let freshToken = try await fetchToken(for: request, context: context)
        guard freshToken != token else {
            return (response, kept.map { HTTPBody($0) })
        }
        return try await next(authorized(request, token: freshToken), body, context)
    }

    /// Asks the provider for a token, wrapping its failure (unless a cancellation) in a non-retryable
    /// ``SanteHTTPError`` that keeps the provider's error code when it is a `SanteError`.
    private func fetchToken(for request: HTTPRequest, context: RequestContext) async throws -> String {
        do {
            return try await provider.token(for: request, context: context)
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
                requestWasSent: false,
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
