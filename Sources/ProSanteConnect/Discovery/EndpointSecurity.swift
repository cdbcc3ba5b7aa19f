import Foundation

/// The transport rule for provider endpoints: HTTPS, except on the loopback interface (a local mock).
enum EndpointSecurity {
    /// Whether `url` may carry tokens: `https`, or `http` to `localhost`, `127.0.0.0/8` or `::1`.
    static func isAcceptable(_ url: URL) -> Bool {
        switch url.scheme?.lowercased() {
        case "https":
            return url.host() != nil
        case "http":
            guard let host = url.host()?.lowercased() else { return false }
            return host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
        default:
            return false
        }
    }

    /// Throws when `url` is not acceptable.
    static func check(_ url: URL, name: String, operation: String) throws(ProSanteConnectError) {
        guard isAcceptable(url) else {
            throw ProSanteConnectError(
                .insecureEndpoint, "the \(name) must use HTTPS (plain HTTP is accepted on the loopback only)",
                operation: operation)
        }
    }
}
