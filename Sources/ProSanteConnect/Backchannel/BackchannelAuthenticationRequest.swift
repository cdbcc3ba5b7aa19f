/// A CIBA authentication request (poll mode): which professional to ask, and what to show them.
///
/// PSC sends the request to the professional's e-CPS app, or to their CPx card through CPS-Gestion. CIBA
/// is enabled per service by the ANS, and production requires `tls_client_auth`.
public struct BackchannelAuthenticationRequest: Sendable, Hashable {
    /// `login_hint`: the professional's national identifier (ANS tests use `500000001815646/CPAT00045`).
    public var loginHint: String
    /// `binding_message`: a short text shown to the professional, to tie the request to what they do.
    public var bindingMessage: String?
    /// `channel`: PSC's own parameter, `CARD` for a CPx card (other values are not documented).
    public var channel: String?
    /// The scopes; `nil` uses the configuration's.
    public var scopes: [String]?
    /// The authentication levels; `nil` uses the configuration's.
    public var acrValues: [String]?
    /// `requested_expiry` in seconds, if any.
    public var requestedExpirySeconds: Int?
    /// Other parameters to send; they cannot replace the ones above.
    public var additionalParameters: [String: String]

    /// Creates a request.
    /// - Parameters:
    ///   - loginHint: The professional's national identifier.
    ///   - bindingMessage: The text shown to the professional.
    ///   - channel: PSC's `channel` (such as `"CARD"`).
    ///   - scopes: The scopes (default: the configuration's).
    ///   - acrValues: The levels (default: the configuration's).
    ///   - requestedExpirySeconds: `requested_expiry`, if any.
    ///   - additionalParameters: Other parameters.
    public init(
        loginHint: String,
        bindingMessage: String? = nil,
        channel: String? = nil,
        scopes: [String]? = nil,
        acrValues: [String]? = nil,
        requestedExpirySeconds: Int? = nil,
        additionalParameters: [String: String] = [:]
    ) {
        self.loginHint = loginHint
        self.bindingMessage = bindingMessage
        self.channel = channel
        self.scopes = scopes
        self.acrValues = acrValues
        self.requestedExpirySeconds = requestedExpirySeconds
        self.additionalParameters = additionalParameters
    }
}
