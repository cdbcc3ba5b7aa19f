import Foundation
public import HTTPTypes

/// Gives each logical request an identifier header (`X-Request-ID` by default), unless it already has one.
///
/// Place it before (outside) the retry middleware: every attempt of one request then carries the same
/// identifier, which lets a server operator correlate retries.
public struct RequestIDMiddleware: HTTPMiddleware {
    /// The default header name, `X-Request-ID`. (The literal is a valid field name: the fallback only
    /// avoids a force unwrap and is never used.)
    public static let defaultHeaderName = HTTPField.Name("X-Request-ID") ?? .via

    /// The header that carries the identifier.
    public let headerName: HTTPField.Name
    private let makeIdentifier: @Sendable () -> String

    /// Creates the middleware.
    /// - Parameters:
    ///   - headerName: The header that carries the identifier (default `X-Request-ID`).
    ///   - makeIdentifier: Makes a fresh identifier; defaults to a random lowercase UUID.
    public init(
        headerName: HTTPField.Name = RequestIDMiddleware.defaultHeaderName,
        makeIdentifier: @escaping @Sendable () -> String = RequestIDMiddleware.randomIdentifier
    ) {
        self.headerName = headerName
        self.makeIdentifier = makeIdentifier
    }

    /// A fresh random identifier: a lowercase UUID.
    /// - Returns: A new identifier, such as `"3f2c…-…"`.
    public static func randomIdentifier() -> String {
        UUID().uuidString.lowercased()
    }

    /// Adds the identifier when the request has none.
    public func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        context: RequestContext,
        next: HTTPHandler
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        if request.headerFields[headerName] == nil {
            request.headerFields[headerName] = makeIdentifier()
        }
        return try await next(request, body, context)
    }
}
