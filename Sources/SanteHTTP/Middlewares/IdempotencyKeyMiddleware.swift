public import HTTPTypes
import SanteCore

/// Sends the request's ``RequestOptions/idempotencyKey`` in a header.
///
/// Each API names this header differently (`Idempotency-Key`, `X-Idempotency-Key`, …), so there is no
/// default: pass the name your API documents. A request that already carries the header keeps it.
/// Without this middleware, the key only makes the request eligible for retry and is not sent.
/// Place it outside the retry middleware so that every attempt carries the same key.
public struct IdempotencyKeyMiddleware: HTTPMiddleware, DeadlineHonouringMiddleware {
    /// The header that carries the key.
    public let headerName: HTTPField.Name

    /// Creates the middleware.
    /// - Parameter headerName: The header that carries the key, as the API names it.
    public init(headerName: HTTPField.Name) {
        self.headerName = headerName
    }

    /// Adds the header when the request options carry a key.
    public func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        context: RequestContext,
        next: HTTPHandler
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard let key = context.options.idempotencyKey, !request.headerFields.contains(headerName) else {
            return try await next(request, body, context)
        }
        var request = request
        request.headerFields[headerName] = key
        return try await next(request, body, context)
    }
}
