import Foundation

/// A GOV.UK Notify API key: `{key name}-{service id}-{secret}`.
///
/// The key is parsed from the end, since the name may contain `-`: the secret is the last 36 characters,
/// the service id the 36 before the hyphen that precedes it. Both are UUIDs. The secret (the 36-character
/// text, not the decoded UUID) keys the HS256 JWTs; it never appears in ``description``.
///
/// ```swift
/// let key = try NotifyAPIKey("my_test_key-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0")
/// key.serviceID   // "26785a09-ab16-4eb0-8407-a37497a57506"
/// ```
public struct NotifyAPIKey: Sendable, Hashable, CustomStringConvertible {
    /// The length of a UUID written with hyphens.
    static let uuidLength = 36

    /// The key's name, such as `"my_test_key"` (may contain `-`; may be empty).
    public let name: String
    /// The service id: the JWT issuer (`iss`).
    public let serviceID: String
    /// The secret that keys the JWT signature.
    public let secret: String

    /// Parses a key.
    /// - Parameter text: The key; surrounding white space is ignored.
    /// - Throws: ``NotifyError`` with ``NotifyError/Reason/invalidAPIKey`` when the text does not end with
    ///   `-{uuid}-{uuid}`.
    public init(_ text: String) throws(NotifyError) {
        let key = Array(text.trimmingCharacters(in: .whitespacesAndNewlines))
        let suffixLength = 2 * Self.uuidLength + 1
        guard key.count >= suffixLength else {
            throw Self.invalid("the key is shorter than a service id and a secret")
        }
        let secret = String(key[(key.count - Self.uuidLength)...])
        let separator = key[key.count - Self.uuidLength - 1]
        let serviceID = String(key[(key.count - suffixLength)..<(key.count - Self.uuidLength - 1)])
        var name = ""
        if key.count > suffixLength {
            guard key[key.count - suffixLength - 1] == "-" else {
                throw Self.invalid("the key name is not followed by '-'")
            }
            name = String(key[..<(key.count - suffixLength - 1)])
        }
        guard separator == "-", UUID(uuidString: serviceID) != nil, UUID(uuidString: secret) != nil else {
            throw Self.invalid("the key does not end with '-{service id}-{secret}', two UUIDs")
        }
        self.name = name
        self.serviceID = serviceID
        self.secret = secret
    }

    /// Builds a key from its parts.
    /// - Parameters:
    ///   - name: The key's name.
    ///   - serviceID: The service id (a UUID).
    ///   - secret: The secret (a UUID).
    /// - Throws: ``NotifyError`` with ``NotifyError/Reason/invalidAPIKey`` when an id is not a UUID.
    public init(name: String, serviceID: String, secret: String) throws(NotifyError) {
        guard UUID(uuidString: serviceID) != nil, UUID(uuidString: secret) != nil else {
            throw Self.invalid("the service id and the secret must be UUIDs")
        }
        self.name = name
        self.serviceID = serviceID
        self.secret = secret
    }

    /// `NotifyAPIKey(name, service <id>)`: never the secret.
    public var description: String { "NotifyAPIKey(\(name), service \(serviceID))" }

    private static func invalid(_ message: String) -> NotifyError {
        NotifyError(.invalidAPIKey, message, operation: "notify.apiKey", isRetryable: false)
    }
}
