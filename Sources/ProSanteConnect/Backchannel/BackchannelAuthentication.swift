public import Foundation

/// A CIBA request the provider accepted: its `auth_req_id`, deadline and polling interval.
///
/// It is `Codable`, so a server can keep it while polling from another task. The ``description`` never
/// shows the `auth_req_id`.
public struct BackchannelAuthentication: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `auth_req_id`: what the token endpoint is polled with.
    public let authenticationRequestID: String
    /// When the request expires (`expires_in` after it was accepted).
    public let expiresAt: Date
    /// The polling interval in seconds (`interval`, 5 when the provider gives none).
    public let intervalSeconds: Int
    /// The scopes requested.
    public let scopes: [String]
    /// The levels requested; the ID token's `acr` must be one of them.
    public let acrValues: [String]
    /// When the provider accepted the request.
    public let startedAt: Date

    /// Creates the value.
    /// - Parameters:
    ///   - authenticationRequestID: `auth_req_id`.
    ///   - expiresAt: When the request expires.
    ///   - intervalSeconds: The polling interval.
    ///   - scopes: The scopes requested.
    ///   - acrValues: The levels requested.
    ///   - startedAt: When the request was accepted.
    public init(
        authenticationRequestID: String, expiresAt: Date, intervalSeconds: Int, scopes: [String],
        acrValues: [String], startedAt: Date
    ) {
        self.authenticationRequestID = authenticationRequestID
        self.expiresAt = expiresAt
        self.intervalSeconds = intervalSeconds
        self.scopes = scopes
        self.acrValues = acrValues
        self.startedAt = startedAt
    }

    /// The expiry and interval; never the `auth_req_id`.
    public var description: String {
        "BackchannelAuthentication(expires \(expiresAt), interval \(intervalSeconds) s)"
    }
}
