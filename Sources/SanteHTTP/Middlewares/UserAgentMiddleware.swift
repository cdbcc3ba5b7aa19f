public import HTTPTypes
import SanteCore

/// Sets the `User-Agent` header to `SanteKit/<version>`, followed by the application's own product token
/// when one is given (for example `SanteKit/0.1.0 MonCabinet/2.3`).
///
/// A request that already has a `User-Agent` keeps it.
public struct UserAgentMiddleware: HTTPMiddleware, DeadlineHonouringMiddleware {
    /// The header value this middleware sets.
    public let userAgent: String

    /// Creates the middleware.
    /// - Parameter appProduct: The application's product token, `name/version` (such as `"MonCabinet/2.3"`),
    ///   or `nil`.
    /// - Throws: ``SanteHTTPError`` with code `.configuration` when `appProduct` is not a valid product
    ///   token (empty, or with spaces, control or separator characters).
    public init(appProduct: String? = nil) throws {
        var value = "SanteKit/\(SanteKitVersion.current)"
        if let appProduct {
            guard Self.isValidProduct(appProduct) else {
                throw SanteHTTPError(
                    code: .configuration,
                    message: "the application product token must look like \"name/version\" with only letters, "
                        + "digits and !#$%&'*+-.^_`|~"
                )
            }
            value += " " + appProduct
        }
        self.userAgent = value
    }

    /// Sets the header when the request has none.
    public func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        context: RequestContext,
        next: HTTPHandler
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard !request.headerFields.contains(.userAgent) else {
            return try await next(request, body, context)
        }
        var request = request
        request.headerFields[.userAgent] = userAgent
        return try await next(request, body, context)
    }

    /// A product is `token` or `token/token` (RFC 9110 §10.1.5), tokens made of `tchar`s.
    private static func isValidProduct(_ product: String) -> Bool {
        let parts = product.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy(isTokenCharacter)
        }
    }

    private static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return false }
        if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { return true }
        return "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar)
    }
}
