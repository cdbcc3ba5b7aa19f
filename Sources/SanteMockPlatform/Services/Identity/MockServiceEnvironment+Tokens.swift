import Foundation

extension MockServiceEnvironment {
    /// The identity service's issuer, once the server listens (always, by the time a request arrives).
    var issuerURL: URL? {
        address.baseURL.map { IdentityService.issuerURL(serverBaseURL: $0) }
    }
}
