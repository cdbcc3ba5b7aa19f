import Hummingbird

/// udata authenticates every API call that carries an `X-API-KEY`: an unknown key gets `401 {"message": "Invalid
/// API token"}` with `WWW-Authenticate: Bearer realm="uData"`, whatever the route. Calls without a key are
/// anonymous (reads need none).
struct UdataAPIKeyMiddleware: RouterMiddleware {
    typealias Context = MockRequestContext

    func handle(
        _ request: Request, context: MockRequestContext,
        next: (Request, MockRequestContext) async throws -> Response
    ) async throws -> Response {
        if let key = request.headers[UdataResponses.apiKeyHeader], key != MockDataGouvAPI.apiKey {
            return UdataResponses.unauthorized("Invalid API token")
        }
        return try await next(request, context)
    }
}
