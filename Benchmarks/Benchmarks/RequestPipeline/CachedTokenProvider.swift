import Foundation
import HTTPTypes
import SanteHTTP
import Synchronization

/// The SanteKit side's token provider: a cached access token handed out while it is valid, behind a `Mutex`.
///
/// That is the hot path of any caching provider: a lock and an expiry check per attempt, no refresh. (A provider
/// that is an actor, such as `ProSanteConnectTokenManager`, adds its own actor hop to that; it is the provider's cost,
/// not the pipeline's.)
final class CachedTokenProvider: TokenProvider {
    /// The access token, sent as `Authorization: Bearer <token>` by both sides of the comparison (the baseline puts
    /// the header on its request itself). The length of a typical opaque access token.
    static let accessToken = "bnch-4f3c2a9d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39281706"

    private struct CachedToken {
        var value: String
        var expiresAt: Date
    }

    private let cached = Mutex(CachedToken(value: accessToken, expiresAt: Date().addingTimeInterval(3600)))

    /// Creates a provider whose token stays valid for an hour, longer than any benchmark run.
    init() {}

    /// The cached token, after checking that it has not expired.
    /// - Throws: ``ExpiredTokenError`` after the hour (never during a run).
    func token(for request: HTTPRequest, context: RequestContext) async throws -> String {
        let now = Date()
        guard let token = cached.withLock({ $0.expiresAt > now ? $0.value : nil }) else { throw ExpiredTokenError() }
        return token
    }
}

/// The benchmark's token outlived its hour.
struct ExpiredTokenError: Error {}
