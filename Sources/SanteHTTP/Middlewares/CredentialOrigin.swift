import Foundation
import HTTPTypes

/// A web origin (RFC 6454): lowercased scheme and host, and the port (the scheme's default when absent).
struct CredentialOrigin: Hashable, Sendable, CustomStringConvertible {
    let scheme: String
    let host: String
    let port: Int

    init?(scheme: String?, host: String?, port: Int?) {
        guard let scheme = scheme?.lowercased(), let host = host?.lowercased(), !host.isEmpty else { return nil }
        guard let port = port ?? Self.defaultPort(of: scheme) else { return nil }
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// The origin of a URL, or `nil` when it has no scheme or host.
    init?(url: URL) {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: true)
        self.init(scheme: components?.scheme, host: components?.host, port: components?.port)
    }

    /// The origin a request goes to, or `nil` when it has no scheme or authority.
    init?(request: HTTPRequest) {
        guard let scheme = request.scheme, let authority = request.authority,
            let components = URLComponents(string: "\(scheme)://\(authority)")
        else { return nil }
        self.init(scheme: components.scheme, host: components.host, port: components.port)
    }

    /// `scheme://host:port`, without user information.
    var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(shownHost):\(port)"
    }

    private static func defaultPort(of scheme: String) -> Int? {
        switch scheme {
        case "https": 443
        case "http": 80
        default: nil
        }
    }
}
