public import SanteCore

/// The outcome of a successful login (authorization code or CIBA): the session's tokens and its
/// validated ID token.
public struct ProSanteConnectLogin: Sendable, Hashable, CustomStringConvertible {
    /// The tokens, to hand to a ``ProSanteConnectTokenManager``.
    public let tokens: ProSanteConnectTokens
    /// The validated ID token.
    public let idToken: IDToken

    /// Creates the value.
    /// - Parameters:
    ///   - tokens: The tokens.
    ///   - idToken: The validated ID token.
    public init(tokens: ProSanteConnectTokens, idToken: IDToken) {
        self.tokens = tokens
        self.idToken = idToken
    }

    /// The professional's national identifier (`SubjectNameID` of the ID token), the key to identify them.
    public var subjectNameID: NationalProfessionalIdentifier? { idToken.subjectNameID }

    /// Names the type only.
    public var description: String { "ProSanteConnectLogin(\(tokens), \(idToken))" }
}
