import Hummingbird

/// Authenticates every Notify request (``NotifyAuthenticator``), then counts it against the rate limit.
struct NotifyAuthMiddleware: RouterMiddleware {
    typealias Context = MockRequestContext

    let state: NotifyServiceState

    func handle(
        _ request: Request, context: MockRequestContext,
        next: (Request, MockRequestContext) async throws -> Response
    ) async throws -> Response {
        do throws(NotifyAPIError) {
            _ = try state.authenticator.authenticate(authorization: request.headers[.authorization])
            try await state.admitRequest()
        } catch {
            return error.response
        }
        return try await next(request, context)
    }
}
