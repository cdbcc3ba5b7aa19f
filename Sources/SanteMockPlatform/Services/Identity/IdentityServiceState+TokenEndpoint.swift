import Foundation
import SanteCore

extension IdentityServiceState {
    /// The grant types of the token endpoint.
    enum GrantType {
        static let authorizationCode = "authorization_code"
        static let refreshToken = "refresh_token"
        static let backchannel = "urn:openid:params:grant-type:ciba"
        static let tokenExchange = "urn:ietf:params:oauth:grant-type:token-exchange"
    }

    /// The token endpoint: authenticates the client, then runs the grant. The access tokens issued to a
    /// client authenticated with `tls_client_auth` are bound to its certificate (`cnf.x5t#S256`, RFC 8705 §3).
    /// - Parameters:
    ///   - parameters: The form.
    ///   - credentials: The client's credentials.
    /// - Returns: The JSON answer.
    /// - Throws: ``PSCOAuthError``.
    func token(_ parameters: FormParameters, credentials: PSCClientCredentials) throws(PSCOAuthError) -> JSONValue {
        if let repeated = parameters.repeatedNames.first {
            throw .invalidRequest("the parameter \(repeated) is repeated")
        }
        let client = try authenticate(credentials, at: try endpoints().token)
        let binding = credentials.mutualTLSCertificate?.thumbprint
        switch parameters["grant_type"] {
        case GrantType.authorizationCode?:
            return try redeem(
                code: parameters["code"], parameters: parameters, client: client, certificateThumbprint: binding)
        case GrantType.refreshToken?:
            return try refresh(parameters["refresh_token"], client: client, certificateThumbprint: binding)
        case GrantType.backchannel?:
            return try pollBackchannel(parameters["auth_req_id"], client: client, certificateThumbprint: binding)
        case GrantType.tokenExchange?:
            return try exchange(parameters, client: client, certificateThumbprint: binding)
        case nil:
            throw .invalidRequest("grant_type is required")
        case let other?:
            throw PSCOAuthError("unsupported_grant_type", "unsupported grant_type \(other)")
        }
    }

    /// The `refresh_token` grant: rotating, so the presented token stops working.
    private func refresh(
        _ refreshToken: String?, client: MockPSCClient, certificateThumbprint: String?
    ) throws(PSCOAuthError) -> JSONValue {
        guard let refreshToken else {
            throw .invalidRequest("refresh_token is required")
        }
        guard let record = refreshGrants[refreshToken], record.grant.clientID == client.clientID else {
            throw .invalidGrant("unknown, used or revoked refresh token")
        }
        refreshGrants[refreshToken] = nil
        sessions[record.grant.sessionID]?.refreshTokens.remove(refreshToken)
        guard now < Double(record.expiresAt) else {
            throw .invalidGrant("the refresh token expired")
        }
        return try issueTokens(for: record.grant, client: client, certificateThumbprint: certificateThumbprint)
            .response
    }
}
