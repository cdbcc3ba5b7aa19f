import Foundation
import Hummingbird

extension Request {
    /// The server root as the client reached it (`http://` + the `Host` it sent), for the absolute URLs the real
    /// services write; `fallback` (the address the mock listens on) when the request names no host.
    func serverRoot(fallback: URL?) -> String {
        if let authority = head.authority, !authority.isEmpty {
            return "http://\(authority)"
        }
        let text = fallback?.absoluteString ?? "http://127.0.0.1"
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    /// The request path without the service prefix (`/api/1/datasets/x/` for `/data/api/1/datasets/x/`).
    func path(removingPrefix prefix: String) -> String {
        let path = uri.path
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
