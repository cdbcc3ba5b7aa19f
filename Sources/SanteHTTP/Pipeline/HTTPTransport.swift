public import HTTPTypes

/// Carries one HTTP request to a server and returns its response.
///
/// A transport is the last step of the pipeline. It sends exactly what it is given, once: retries,
/// authentication, timeouts and logging are the job of ``HTTPMiddleware``s. SanteKit ships
/// ``URLSessionTransport`` (the default), ``StubTransport`` for unit tests, and an AsyncHTTPClient
/// transport in the `SanteAsyncHTTPClient` product.
///
/// A transport reports failures as ``SanteHTTPError`` with code `.transport`, `.timeout` or `.cancelled`,
/// and sets ``SanteHTTPError/requestWasSent`` to `false` when it knows nothing reached the server
/// (connection refused, DNS failure), which lets the retry middleware retry even a non-idempotent request.
///
/// A test double is a few lines:
/// ```swift
/// struct AlwaysOK: HTTPTransport {
///     func send(_ request: HTTPRequest, body: HTTPBody?, context: RequestContext) async throws
///         -> (HTTPResponse, HTTPBody?) {
///         (HTTPResponse(status: .ok), HTTPBody("{}"))
///     }
/// }
/// ```
public protocol HTTPTransport: Sendable {
    /// Sends a request and returns the response head and its (possibly streaming) body.
    ///
    /// - Parameters:
    ///   - request: The request. It is absolute: it carries the scheme, the authority and the path
    ///     (with the query).
    ///   - body: The request body, if any.
    ///   - context: The request's options and attempt number.
    /// - Returns: The response and its body (`nil` when the response has none).
    /// - Throws: ``SanteHTTPError`` when the request could not be carried.
    func send(
        _ request: HTTPRequest,
        body: HTTPBody?,
        context: RequestContext
    ) async throws -> (HTTPResponse, HTTPBody?)
}
