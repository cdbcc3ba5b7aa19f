import Foundation
import SanteCore

extension IdentityServiceState {
    /// The lifetime of a CIBA request: 120 seconds, as the ANS tests observe.
    static let backchannelExpirySeconds: Int64 = 120
    /// The minimum interval between polls: 5 seconds.
    static let backchannelIntervalSeconds: Int64 = 5

    /// The backchannel authentication endpoint (CIBA, poll mode): registers a request for the professional
    /// of `login_hint`.
    /// - Returns: `{auth_req_id, expires_in, interval}`.
    /// - Throws: ``PSCOAuthError``: client errors, `invalid_request`, `invalid_scope`, `unknown_user_id`.
    func startBackchannelAuthentication(
        _ parameters: FormParameters, credentials: PSCClientCredentials
    ) throws(PSCOAuthError) -> JSONValue {
        if let repeated = parameters.repeatedNames.first {
            throw .invalidRequest("the parameter \(repeated) is repeated")
        }
        let client = try authenticate(credentials, at: try endpoints().backchannelAuthentication)
        let scope = parameters["scope"] ?? ""
        guard scope.split(separator: " ").contains("openid") else {
            throw PSCOAuthError("invalid_scope", "the scope must contain openid")
        }
        guard parameters["id_token_hint"] == nil, parameters["login_hint_token"] == nil else {
            throw .invalidRequest("only login_hint is supported")
        }
        guard let loginHint = parameters["login_hint"] else {
            throw .invalidRequest("login_hint is required")
        }
        let professional = try professional(loginHint: loginHint, error: "unknown_user_id")
        let identifier = PSCRandom.uuid()
        backchannelRequests[identifier] = PSCBackchannelRequest(
            clientID: client.clientID, professional: professional, scope: scope,
            bindingMessage: parameters["binding_message"], expiresAt: now + Double(Self.backchannelExpirySeconds),
            lastContactAt: now)
        return [
            "auth_req_id": .string(identifier),
            "expires_in": .integer(Self.backchannelExpirySeconds),
            "interval": .integer(Self.backchannelIntervalSeconds),
        ]
    }

    /// The CIBA grant: answers a poll as ``backchannelBehaviour`` says.
    func pollBackchannel(
        _ identifier: String?, client: MockPSCClient, certificateThumbprint: String?
    ) throws(PSCOAuthError) -> JSONValue {
        guard let identifier else {
            throw .invalidRequest("auth_req_id is required")
        }
        guard var request = backchannelRequests[identifier], request.clientID == client.clientID else {
            throw .invalidGrant("unknown auth_req_id")
        }
        let now = self.now
        guard now < request.expiresAt else {
            backchannelRequests[identifier] = nil
            throw PSCOAuthError("expired_token", "the authentication request expired")
        }
        let tooSoon = now < request.lastContactAt + Double(Self.backchannelIntervalSeconds)
        request.lastContactAt = now
        backchannelRequests[identifier] = request
        if tooSoon {
            throw PSCOAuthError("slow_down", "polled sooner than the interval of \(Self.backchannelIntervalSeconds) s")
        }
        switch backchannelBehaviour {
        case .deny:
            backchannelRequests[identifier] = nil
            throw PSCOAuthError("access_denied", "the professional refused the authentication")
        case .approveAfterPolls(let count) where request.pendingAnswers < count:
            request.pendingAnswers += 1
            backchannelRequests[identifier] = request
            throw PSCOAuthError("authorization_pending", "the professional has not answered yet")
        case .approveAfterPolls:
            backchannelRequests[identifier] = nil
            let grant = PSCGrant(
                clientID: client.clientID, professional: request.professional, sessionID: PSCRandom.uuid(),
                authTime: Int64(now.rounded(.down)), scope: request.scope, nonce: nil)
            return try issueTokens(for: grant, client: client, certificateThumbprint: certificateThumbprint).response
        }
    }
}
