public import HTTPTypes

/// Which requests a fault applies to.
///
/// The path is either exact (`/_mock/echo`) or a prefix ending in `*` (`/dmp/fhir/*` matches every path
/// starting with `/dmp/fhir/`; `*` alone matches every path). The query string is never part of the match.
public struct MockRoute: Sendable, Hashable {
    /// The method to match, or `nil` for any method.
    public var method: HTTPRequest.Method?
    /// The exact path, or a prefix followed by `*`.
    public var path: String

    /// Creates a route pattern.
    /// - Parameters:
    ///   - method: The method to match, or `nil` (the default) for any method.
    ///   - path: The exact path, or a prefix followed by `*`.
    public init(method: HTTPRequest.Method? = nil, path: String) {
        self.method = method
        self.path = path
    }

    /// Whether a request with this method and path matches.
    /// - Parameters:
    ///   - method: The request method.
    ///   - path: The request path, without the query.
    /// - Returns: `true` when the fault should apply.
    public func matches(method: HTTPRequest.Method, path: String) -> Bool {
        if let expected = self.method, expected != method {
            return false
        }
        if self.path.hasSuffix("*") {
            return path.hasPrefix(self.path.dropLast())
        }
        return path == self.path
    }
}
