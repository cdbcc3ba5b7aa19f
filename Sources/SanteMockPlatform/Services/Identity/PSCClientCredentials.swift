import Foundation
import HTTPTypes
import SanteCore

/// How a request to the token, introspection, revocation or CIBA endpoint authenticates its client.
enum PSCClientCredentials: Sendable {
    /// The `client_assertion_type` of `private_key_jwt`.
    static let assertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

    /// HTTP Basic with an id and a secret.
    case basic(clientID: String, secret: String)
    /// An `Authorization: Basic` header that cannot be decoded.
    case malformedBasic
    /// `client_id` and `client_secret` in the form.
    case post(clientID: String, secret: String)
    /// A client assertion (`private_key_jwt`), with the form's `client_id` if any.
    case assertion(String, clientID: String?)
    /// No authentication in the request itself, with the form's `client_id` if any and the client certificate
    /// of the connection, if any: `tls_client_auth` when the client is registered for it.
    case none(clientID: String?, certificate: PresentedClientCertificate?)
    /// Several methods at once, or an unknown assertion type.
    case ambiguous(String)

    /// Reads the credentials of a request.
    /// - Parameters:
    ///   - authorization: The `Authorization` header, if any.
    ///   - form: The form parameters.
    ///   - certificate: The client certificate of the connection, on the mutual-TLS listener.
    init(authorization: String?, form: FormParameters, certificate: PresentedClientCertificate?) {
        var methods: [PSCClientCredentials] = []
        if let authorization, authorization.lowercased().hasPrefix("basic ") {
            methods.append(Self.basic(authorization.dropFirst("basic ".count)))
        }
        if let secret = form["client_secret"] {
            methods.append(.post(clientID: form["client_id"] ?? "", secret: secret))
        }
        if form["client_assertion"] != nil || form["client_assertion_type"] != nil {
            guard form["client_assertion_type"] == Self.assertionType, let assertion = form["client_assertion"] else {
                self = .ambiguous("client_assertion_type must be \(Self.assertionType), with a client_assertion")
                return
            }
            methods.append(.assertion(assertion, clientID: form["client_id"]))
        }
        switch methods.count {
        case 0: self = .none(clientID: form["client_id"], certificate: certificate)
        case 1: self = methods[0]
        default: self = .ambiguous("the client used more than one authentication method")
        }
    }

    /// The certificate a `tls_client_auth` client authenticated with: what its tokens are bound to.
    var mutualTLSCertificate: PresentedClientCertificate? {
        if case .none(_, let certificate) = self {
            return certificate
        }
        return nil
    }

    /// Whether the client tried HTTP Basic (a failure then answers 401 with a challenge).
    var triedBasic: Bool {
        switch self {
        case .basic, .malformedBasic: true
        default: false
        }
    }

    /// Decodes `base64(urlencode(id):urlencode(secret))` (RFC 6749 §2.3.1).
    private static func basic(_ encoded: Substring) -> PSCClientCredentials {
        guard let data = Data(base64Encoded: String(encoded.trimmingCharacters(in: .whitespaces))),
            let text = String(data: data, encoding: .utf8)
        else {
            return .malformedBasic
        }
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let clientID = FormURLEncoding.decode(parts[0]),
            let secret = FormURLEncoding.decode(parts[1])
        else {
            return .malformedBasic
        }
        return .basic(clientID: clientID, secret: secret)
    }
}

extension IdentityServiceState {
    /// Authenticates the client of a request at `endpoint`.
    ///
    /// `private_key_jwt`: the assertion verifies with one of the client's keys (RS256, PS256 or ES256),
    /// `iss` and `sub` are the client id, `aud` contains the issuer, the token endpoint or `endpoint`,
    /// `exp` is in the future on the platform clock, and its `jti` was never used.
    ///
    /// `tls_client_auth`: the form names a client registered for it, and the connection presented (on the
    /// mutual-TLS listener) a certificate of the platform's authority whose subject is the client's
    /// `tls_client_auth_subject_dn`; otherwise `401 invalid_client`, as Keycloak answers.
    /// - Returns: The authenticated client.
    /// - Throws: ``PSCOAuthError``: `invalid_client` (401 with a Basic challenge after HTTP Basic, 400
    ///   otherwise), or `invalid_request` when several methods are used.
    func authenticate(_ credentials: PSCClientCredentials, at endpoint: URL) throws(PSCOAuthError) -> MockPSCClient {
        let triedBasic = credentials.triedBasic
        func invalid(_ description: String) -> PSCOAuthError {
            .invalidClient(description, triedBasic: triedBasic)
        }
        switch credentials {
        case .ambiguous(let description):
            throw .invalidRequest(description)
        case .malformedBasic:
            throw invalid("the Basic credentials cannot be decoded")
        case .none(let clientID, let certificate):
            guard let clientID, let client = clients[clientID],
                client.allowedAuthenticationMethods.contains(.tlsClientAuth)
            else {
                throw invalid(
                    "client authentication is required (client_secret_basic, client_secret_post, private_key_jwt "
                        + "or tls_client_auth)")
            }
            return try authenticate(mutualTLSClient: client, certificate: certificate)
        case .basic(let clientID, let secret), .post(let clientID, let secret):
            let method: MockPSCClient.AuthenticationMethod = triedBasic ? .clientSecretBasic : .clientSecretPost
            guard let client = clients[clientID], let expected = client.clientSecret,
                Self.constantTimeEqual(expected, secret)
            else {
                throw invalid("unknown client or wrong client secret")
            }
            guard client.allowedAuthenticationMethods.contains(method) else {
                throw invalid("the client is not registered for \(method.rawValue)")
            }
            return client
        case .assertion(let assertion, let clientID):
            return try authenticate(assertion: assertion, clientID: clientID, at: endpoint)
        }
    }

    /// `tls_client_auth` (RFC 8705 §2.1.1): the certificate's subject must be the registered one.
    private func authenticate(
        mutualTLSClient client: MockPSCClient, certificate: PresentedClientCertificate?
    ) throws(PSCOAuthError) -> MockPSCClient {
        guard let certificate else {
            throw PSCOAuthError(
                "invalid_client",
                "tls_client_auth needs a client certificate: call the mtls_endpoint_aliases with the certificate",
                status: .unauthorized)
        }
        guard let expected = client.tlsClientAuthSubjectDN,
            Self.normalizedDistinguishedName(certificate.subjectDistinguishedName)
                == Self.normalizedDistinguishedName(expected)
        else {
            throw PSCOAuthError(
                "invalid_client", "the client certificate's subject is not the client's tls_client_auth_subject_dn",
                status: .unauthorized)
        }
        return client
    }

    /// A distinguished name with its attribute types in upper case and no space around `,` and `=`.
    static func normalizedDistinguishedName(_ name: String) -> String {
        name.split(separator: ",").map { component in
            let parts = component.split(separator: "=", maxSplits: 1)
            let type = parts.first.map { $0.trimmingCharacters(in: .whitespaces).uppercased() } ?? ""
            let value = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
            return "\(type)=\(value)"
        }.joined(separator: ",")
    }

    private func authenticate(
        assertion: String, clientID: String?, at endpoint: URL
    ) throws(PSCOAuthError) -> MockPSCClient {
        let invalid = { (description: String) in PSCOAuthError.invalidClient(description, triedBasic: false) }
        guard let unverified = try? JWS.parseUnverified(assertion).claims(), let issuer = unverified.issuer,
            let client = clients[issuer]
        else {
            throw invalid("the client assertion does not name a known client in iss")
        }
        guard client.allowedAuthenticationMethods.contains(.privateKeyJWT), let keySet = client.keySet else {
            throw invalid("the client is not registered for private_key_jwt")
        }
        let claims: JWTClaims
        do {
            let verifier = JWSVerifier(allowedAlgorithms: [.rs256, .ps256, .es256], keySet: keySet)
            claims = try verifier.verify(assertion).claims()
        } catch {
            throw invalid("the client assertion does not verify: \(error.message)")
        }
        guard claims.subject == client.clientID, clientID == nil || clientID == client.clientID else {
            throw invalid("the client assertion's sub and client_id must be the client id")
        }
        let endpoints = try endpoints()
        let audiences = [endpoints.issuer, endpoints.token, endpoint].map(\.absoluteString)
        guard let audience = claims.audience, audiences.contains(where: audience.contains) else {
            throw invalid("the client assertion's aud must be the issuer or the endpoint")
        }
        guard let expiration = claims.expirationTime, !claims.isExpired(now: Date(timeIntervalSince1970: now)) else {
            throw invalid("the client assertion has no exp or is expired")
        }
        guard let assertionID = claims.jwtID else {
            throw invalid("the client assertion has no jti")
        }
        usedAssertionIDs = usedAssertionIDs.filter { $0.value > now }
        guard usedAssertionIDs["\(client.clientID) \(assertionID)"] == nil else {
            throw invalid("the client assertion was already used (jti)")
        }
        usedAssertionIDs["\(client.clientID) \(assertionID)"] = expiration.secondsSince1970
        return client
    }

    /// Compares two secrets without stopping at the first difference.
    static func constantTimeEqual(_ left: String, _ right: String) -> Bool {
        let leftBytes = Array(left.utf8)
        let rightBytes = Array(right.utf8)
        var difference = UInt8(leftBytes.count == rightBytes.count ? 0 : 1)
        for index in 0..<max(leftBytes.count, rightBytes.count) {
            let leftByte = index < leftBytes.count ? leftBytes[index] : 0
            let rightByte = index < rightBytes.count ? rightBytes[index] : 0
            difference |= leftByte ^ rightByte
        }
        return difference == 0
    }
}
