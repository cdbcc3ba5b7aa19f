import HTTPTypes
import Hummingbird
import Logging

/// Turns every error thrown by a route (including Hummingbird's "no route" error) into a JSON response,
/// so that clients never see an empty or plain-text error body.
struct ErrorResponseMiddleware: RouterMiddleware {
    typealias Context = MockRequestContext

    func handle(
        _ request: Request, context: MockRequestContext,
        next: (Request, MockRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            if error.status == .notFound {
                let message = "No route for \(request.method.rawValue) \(request.uri.path)"
                return MockJSON.error(.notFound, message: message, headers: error.headers)
            }
            return MockJSON.error(error.status, message: error.body ?? error.status.displayName, headers: error.headers)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            context.logger.error("Route failed", metadata: ["error": "\(error)"])
            return MockJSON.error(.internalServerError, message: "The mock failed: \(error)")
        }
    }
}
