import Foundation
import Synchronization

/// The address the server is reachable at, known only once it listens (the port may be picked by the system).
///
/// Services read it to write absolute URLs (an OpenID issuer, a FHIR `fullUrl`). It is set before the first
/// request can be accepted.
final class MockServerAddress: Sendable {
    private let storage = Mutex<URL?>(nil)

    /// The base URL, such as `http://127.0.0.1:49152`, or `nil` before the server listens.
    var baseURL: URL? { storage.withLock { $0 } }

    /// Sets the base URL once the server listens.
    func set(_ url: URL) {
        storage.withLock { $0 = url }
    }
}
