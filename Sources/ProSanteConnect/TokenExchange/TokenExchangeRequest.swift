public import Foundation

/// An RFC 8693 token exchange: a PSC access token traded for a token of an "API Pro Santé Connectée".
///
/// Per the ANS guide, the backend calls the target API's authorization server (over mTLS with an
/// IGC-Santé certificate, which is the transport's job) with the PSC access token as subject token.
public struct TokenExchangeRequest: Sendable, Hashable {
    /// The JWT token type, which the ANS guide uses for the PSC access token.
    public static let jwtTokenType = "urn:ietf:params:oauth:token-type:jwt"
    /// The access token type (RFC 8693 §3).
    public static let accessTokenType = "urn:ietf:params:oauth:token-type:access_token"

    /// `subject_token`: the PSC access token.
    public var subjectToken: String
    /// `subject_token_type` (default ``jwtTokenType``).
    public var subjectTokenType: String
    /// `actor_token`, if any.
    public var actorToken: String?
    /// `actor_token_type`, required with an actor token.
    public var actorTokenType: String?
    /// `audience` values: the target services.
    public var audiences: [String]
    /// `resource` values: the target APIs' URLs.
    public var resources: [URL]
    /// `scope` values.
    public var scopes: [String]
    /// `requested_token_type`, if any.
    public var requestedTokenType: String?
    /// The token endpoint of the target API's authorization server; `nil` uses PSC's own token endpoint.
    public var tokenEndpoint: URL?

    /// Creates a request.
    /// - Parameters:
    ///   - subjectToken: The PSC access token.
    ///   - subjectTokenType: Its type (default ``jwtTokenType``).
    ///   - actorToken: An actor token, if any.
    ///   - actorTokenType: The actor token's type.
    ///   - audiences: The target services.
    ///   - resources: The target APIs' URLs.
    ///   - scopes: The scopes requested.
    ///   - requestedTokenType: The token type wanted back.
    ///   - tokenEndpoint: The target authorization server's token endpoint (default: PSC's).
    public init(
        subjectToken: String,
        subjectTokenType: String = TokenExchangeRequest.jwtTokenType,
        actorToken: String? = nil,
        actorTokenType: String? = nil,
        audiences: [String] = [],
        resources: [URL] = [],
        scopes: [String] = [],
        requestedTokenType: String? = nil,
        tokenEndpoint: URL? = nil
    ) {
        self.subjectToken = subjectToken
        self.subjectTokenType = subjectTokenType
        self.actorToken = actorToken
        self.actorTokenType = actorTokenType
        self.audiences = audiences
        self.resources = resources
        self.scopes = scopes
        self.requestedTokenType = requestedTokenType
        self.tokenEndpoint = tokenEndpoint
    }
}
