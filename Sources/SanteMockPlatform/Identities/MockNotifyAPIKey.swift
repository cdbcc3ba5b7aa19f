/// A Notify API key, in the GOV.UK Notify format `{name}-{service id}-{secret}`.
///
/// The service identifier is the JWT issuer (`iss`); the secret (the 36-character string itself, not the
/// decoded UUID) keys the HS256 signature.
public struct MockNotifyAPIKey: Sendable, Hashable, Encodable {
    /// The key's name, such as `"santekit_test_key"`.
    public let name: String
    /// The service identifier, a lower-case UUID.
    public let serviceID: String
    /// The secret, a lower-case UUID.
    public let secret: String

    /// Creates a key.
    /// - Parameters:
    ///   - name: The key's name.
    ///   - serviceID: The service identifier (a UUID string).
    ///   - secret: The secret (a UUID string).
    public init(name: String, serviceID: String, secret: String) {
        self.name = name
        self.serviceID = serviceID
        self.secret = secret
    }

    /// The key as a client is given it: `{name}-{serviceID}-{secret}`.
    public var apiKey: String { "\(name)-\(serviceID)-\(secret)" }

    private enum CodingKeys: String, CodingKey {
        case name, serviceID, secret, apiKey
    }

    /// Encodes the parts and the assembled ``apiKey``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(serviceID, forKey: .serviceID)
        try container.encode(secret, forKey: .secret)
        try container.encode(apiKey, forKey: .apiKey)
    }
}
