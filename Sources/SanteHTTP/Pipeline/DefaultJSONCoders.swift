public import Foundation

/// The JSON coders that ``SanteHTTPClient``'s JSON helpers use when the caller passes none.
///
/// Created once instead of once per request. Sharing them is safe: `JSONDecoder` and `JSONEncoder` are `Sendable`,
/// every call reads their options and keeps its own state, and these two are never configured (they have the
/// default options of a fresh `JSONDecoder()` or `JSONEncoder()`), so they behave exactly like a new one.
@usableFromInline
enum DefaultJSONCoders {
    /// A decoder with the default options.
    @usableFromInline
    static let decoder = JSONDecoder()
    /// An encoder with the default options.
    @usableFromInline
    static let encoder = JSONEncoder()
}
