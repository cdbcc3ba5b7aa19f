/// A fault the mock Pro Santé Connect applies to the next issued ID tokens, authorization redirects or
/// userinfo responses, each modelled on an OpenID Foundation RP conformance test.
///
/// Arm one with ``MockPSCProvider/arm(_:count:)`` or `POST /_mock/psc/faults {"fault": "wrongIssuer", "count": 1}`.
/// Each armed fault applies to the next `count` items of its ``target``; several faults may be armed at once.
public struct MockPSCFault: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// What a fault alters.
    public enum Target: String, Sendable, Hashable, Codable {
        /// ID tokens, from every grant (code, refresh, CIBA).
        case idToken
        /// Authorization responses (the redirect of the authorization endpoint).
        case redirect
        /// Userinfo responses, JSON or JWT.
        case userinfo
    }

    /// The fault's name, such as `"wrongIssuer"`.
    public let rawValue: String

    /// Creates a fault from its name; unknown names are never applied (see ``allCases``).
    /// - Parameter rawValue: The name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The fault's name.
    public var description: String { rawValue }

    /// The signature is altered, so it no longer verifies (`oidcc-client-test-invalid-sig-*`).
    public static let badSignature = MockPSCFault(rawValue: "badSignature")
    /// `iss` is another issuer, sharing the real one as a prefix (`oidcc-client-test-invalid-iss`).
    public static let wrongIssuer = MockPSCFault(rawValue: "wrongIssuer")
    /// `aud` is another client only (`oidcc-client-test-invalid-aud`).
    public static let wrongAudience = MockPSCFault(rawValue: "wrongAudience")
    /// `aud` is `[client, other]` and `azp` is the other client.
    public static let wrongAuthorizedParty = MockPSCFault(rawValue: "wrongAuthorizedParty")
    /// `aud` is absent (`oidcc-client-test-missing-aud`).
    public static let missingAudience = MockPSCFault(rawValue: "missingAudience")
    /// `sub` is absent (`oidcc-client-test-missing-sub`).
    public static let missingSubject = MockPSCFault(rawValue: "missingSubject")
    /// `sub` names another subject (`oidcc-client-test-refresh-token-invalid-sub` when armed before a refresh).
    public static let wrongSubject = MockPSCFault(rawValue: "wrongSubject")
    /// `iat` is absent (`oidcc-client-test-missing-iat`).
    public static let missingIssuedAt = MockPSCFault(rawValue: "missingIssuedAt")
    /// `exp` is one minute in the past (and `iat` five minutes).
    public static let expired = MockPSCFault(rawValue: "expired")
    /// `iat` is one hour in the future.
    public static let issuedInFuture = MockPSCFault(rawValue: "issuedInFuture")
    /// `nonce` differs from the one sent (`oidcc-client-test-nonce-invalid`).
    public static let wrongNonce = MockPSCFault(rawValue: "wrongNonce")
    /// `at_hash` is the hash of another token (`oidcc-client-test-invalid-athash`).
    public static let badAccessTokenHash = MockPSCFault(rawValue: "badAccessTokenHash")
    /// `at_hash` is absent.
    public static let missingAccessTokenHash = MockPSCFault(rawValue: "missingAccessTokenHash")
    /// The token is unsecured: header `alg: none`, empty signature (`oidcc-client-test-idtoken-sig-none`).
    public static let algNone = MockPSCFault(rawValue: "algNone")
    /// The header has no `kid` while the key set has several keys (`oidcc-client-test-kid-absent-multiple-jwks`).
    public static let kidAbsentWithSeveralKeys = MockPSCFault(rawValue: "kidAbsentWithSeveralKeys")
    /// The header names a `kid` the key set does not have (the signature uses the real key).
    public static let unknownKid = MockPSCFault(rawValue: "unknownKid")
    /// Header `alg: HS256` with the RSA key's `kid`, keyed with the RSA public key's PEM text (key confusion).
    public static let hs256Confusion = MockPSCFault(rawValue: "hs256Confusion")
    /// `acr` is `"eidas2"` instead of `"eidas1"`.
    public static let wrongACR = MockPSCFault(rawValue: "wrongACR")
    /// The userinfo `sub` differs from the ID token's (`oidcc-client-test-userinfo-invalid-sub`).
    public static let userinfoSubjectMismatch = MockPSCFault(rawValue: "userinfoSubjectMismatch")
    /// The authorization response's `iss` is another issuer (RFC 9207 mix-up).
    public static let wrongIssuerInRedirect = MockPSCFault(rawValue: "wrongIssuerInRedirect")
    /// The authorization response has no `iss`.
    public static let missingIssuerInRedirect = MockPSCFault(rawValue: "missingIssuerInRedirect")

    /// Every fault the mock applies.
    public static let allCases: [MockPSCFault] = [
        .badSignature, .wrongIssuer, .wrongAudience, .wrongAuthorizedParty, .missingAudience, .missingSubject,
        .wrongSubject, .missingIssuedAt, .expired, .issuedInFuture, .wrongNonce, .badAccessTokenHash,
        .missingAccessTokenHash, .algNone, .kidAbsentWithSeveralKeys, .unknownKid, .hs256Confusion, .wrongACR,
        .userinfoSubjectMismatch, .wrongIssuerInRedirect, .missingIssuerInRedirect,
    ]

    /// What the fault alters, or `nil` for a name the mock does not know.
    public var target: Target? {
        switch self {
        case .userinfoSubjectMismatch: .userinfo
        case .wrongIssuerInRedirect, .missingIssuerInRedirect: .redirect
        default: Self.allCases.contains(self) ? .idToken : nil
        }
    }

    /// Decodes the fault from its name.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the fault as its name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
