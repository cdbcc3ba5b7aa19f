import Foundation
import HTTPTypes
import Hummingbird

/// Says `Connection: close` on the response when the request asked for it.
///
/// The server closes such a connection after the response either way; without the header the client
/// cannot know, keeps the connection in its pool, and may later write a request on a socket the server
/// has already closed (libcurl, behind Foundation's `URLSession` on Linux, then sometimes stalls).
/// Real servers such as nginx answer the same way.
struct ConnectionCloseMiddleware: RouterMiddleware {
    typealias Context = MockRequestContext

    func handle(
        _ request: Request, context: MockRequestContext,
        next: (Request, MockRequestContext) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        if Self.asksToClose(request.headers) {
            response.headers[.connection] = "close"
        }
        return response
    }

    /// Whether a `Connection` header lists the `close` option.
    static func asksToClose(_ headers: HTTPFields) -> Bool {
        headers[values: .connection].contains { value in
            value.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces).lowercased() == "close" }
        }
    }
}
