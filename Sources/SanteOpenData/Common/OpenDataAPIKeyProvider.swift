/// Supplies the API key an open-data service asks for: data.gouv.fr's `X-API-KEY` (needed for writes and
/// for the account's own objects) or the Annuaire Santé's `ESANTE-API-KEY` (needed for every call).
///
/// The key is asked for on every request that needs it, so a provider may rotate it. SanteKit never logs
/// it: the logging middleware redacts headers whose name contains `key`, and errors never include it.
public protocol OpenDataAPIKeyProvider: Sendable {
    /// Returns the key to send now.
    /// - Returns: The key, as the service issued it.
    /// - Throws: When no key can be obtained; the request then fails with that error.
    func apiKey() async throws -> String
}

/// A fixed API key, for example read from the environment or a secrets store at start-up.
///
/// Its `description` never shows the key.
public struct OpenDataStaticAPIKey: OpenDataAPIKeyProvider, CustomStringConvertible, CustomDebugStringConvertible {
    private let key: String

    /// Wraps a key.
    /// - Parameter key: The key.
    public init(_ key: String) {
        self.key = key
    }

    /// Returns the key.
    public func apiKey() async throws -> String { key }

    /// `OpenDataStaticAPIKey(<redacted>)`.
    public var description: String { "OpenDataStaticAPIKey(<redacted>)" }

    /// `OpenDataStaticAPIKey(<redacted>)`.
    public var debugDescription: String { description }
}
