import Foundation
import HTTPTypes
import ProSanteConnect
import SanteCore
import SanteHTTP

/// Keys shared by the tests; RSA generation is slow, so each key is made once.
enum TestKeys {
    private static let rsaResult = Result { () throws(JOSEError) in try JWSSigningKey.generateRSA(keyID: "rsa-1") }
    private static let otherRSAResult = Result { () throws(JOSEError) in
        try JWSSigningKey.generateRSA(keyID: "rsa-2")
    }
    static let ecKey = JWSSigningKey.generateP256(keyID: "ec-1")

    static func rsa() throws -> JWSSigningKey { try rsaResult.get() }
    static func otherRSA() throws -> JWSSigningKey { try otherRSAResult.get() }
}

/// A fake provider for the stub transport: its documents, and tokens it signs.
struct TestProvider {
    static let issuer = "https://auth.psc.test/auth/realms/esante-wallet"
    static let discoveryPath = "/auth/realms/esante-wallet/.well-known/wallet-openid-configuration"
    static let jwksPath = "/auth/realms/esante-wallet/protocol/openid-connect/certs"
    static let tokenPath = "/auth/realms/esante-wallet/protocol/openid-connect/token"
    static let userinfoPath = "/auth/realms/esante-wallet/protocol/openid-connect/userinfo"
    static let logoutPath = "/auth/realms/esante-wallet/protocol/openid-connect/logout"
    static let introspectionPath = "/auth/realms/esante-wallet/protocol/openid-connect/token/introspect"
    static let revocationPath = "/auth/realms/esante-wallet/protocol/openid-connect/revoke"
    static let backchannelPath = "/auth/realms/esante-wallet/protocol/openid-connect/ext/ciba/auth"
    static let discoveryURL = testURL("https://auth.psc.test" + discoveryPath)
    static let clientID = "santekit-test"
    static let clientSecret = "a-client-secret-long-enough-for-hs256!"
    static let redirectURI = testURL("https://app.cabinet.test/psc/callback")
    static let subject = "f:0b7e5a8c-3f1d-4c2a-9e6b-1a2b3c4d5e6f:899990000017"
    static let subjectNameID = "899990000017"

    /// The discovery document, with optional changes (`nil` removes a member).
    static func discovery(_ changes: [String: JSONValue?] = [:]) -> String {
        let base = "https://auth.psc.test/auth/realms/esante-wallet/protocol/openid-connect"
        var members: [String: JSONValue] = [
            "issuer": .string(issuer),
            "authorization_endpoint": "https://wallet.psc.test/auth",
            "token_endpoint": .string(base + "/token"),
            "userinfo_endpoint": .string(base + "/userinfo"),
            "jwks_uri": .string(base + "/certs"),
            "end_session_endpoint": .string(base + "/logout"),
            "introspection_endpoint": .string(base + "/token/introspect"),
            "revocation_endpoint": .string(base + "/revoke"),
            "backchannel_authentication_endpoint": .string(base + "/ext/ciba/auth"),
            "authorization_response_iss_parameter_supported": true,
            "code_challenge_methods_supported": ["plain", "S256"],
            "token_endpoint_auth_methods_supported": [
                "private_key_jwt", "client_secret_basic", "client_secret_post", "tls_client_auth",
            ],
            "backchannel_token_delivery_modes_supported": ["poll", "ping"],
            "claims_supported": ["sub", "iss"],
        ]
        for (name, value) in changes { members[name] = value }
        return json(.object(members))
    }

    static func jwks(_ keys: [JWSSigningKey], algorithm: JWSAlgorithm? = nil) throws -> String {
        let set = JWKSet(keys: try keys.map { try $0.publicJWK(algorithm: algorithm) })
        return String(decoding: try set.jsonData(), as: UTF8.self)
    }

    static func json(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "{}"
    }

    /// The claims of a valid ID token at `now`, with changes (`nil` removes a claim).
    static func idTokenClaims(
        now: Date, nonce: String?, accessToken: String?, algorithm: JWSAlgorithm = .rs256,
        changes: [String: JSONValue?] = [:]
    ) -> JSONValue {
        let seconds = Int64(now.timeIntervalSince1970)
        var claims: [String: JSONValue] = [
            "iss": .string(issuer),
            "aud": .string(clientID),
            "azp": .string(clientID),
            "sub": .string(subject),
            "exp": .integer(seconds + 300),
            "iat": .integer(seconds),
            "auth_time": .integer(seconds - 10),
            "acr": "eidas1",
            "typ": "ID",
            "sid": "session-1",
            "SubjectNameID": .string(subjectNameID),
            "preferred_username": .string(subjectNameID),
            "given_name": "CAMILLE",
            "family_name": "EXEMPLE",
        ]
        if let nonce { claims["nonce"] = .string(nonce) }
        if let accessToken, let hash = try? JWTTokenHash.compute(for: accessToken, algorithm: algorithm) {
            claims["at_hash"] = .string(hash)
        }
        for (name, value) in changes { claims[name] = value }
        return .object(claims)
    }

    /// Signs claims with `key` (header `kid` = the key's unless `keyID` says otherwise).
    static func sign(
        _ claims: JSONValue, key: JWSSigningKey, algorithm: JWSAlgorithm? = nil, keyID: String?? = .none
    ) throws -> String {
        let header = JWSHeader(
            algorithm: algorithm ?? key.defaultAlgorithm, keyID: keyID ?? key.keyID, type: "JWT")
        let payload = Data(json(claims).utf8)
        return try JWS.sign(payload: payload, header: header, key: key).compactSerialization
    }

    /// A token with an arbitrary header and an empty or given signature.
    static func craft(header: String, claims: JSONValue, signature: Data = Data()) -> String {
        "\(Base64URL.encode(utf8: header)).\(Base64URL.encode(utf8: json(claims))).\(Base64URL.encode(signature))"
    }

    static func tokenResponse(
        accessToken: String = "access-1", idToken: String?, refreshToken: String? = "refresh-1",
        expiresIn: Int64 = 120, refreshExpiresIn: Int64 = 1800, tokenType: String = "Bearer"
    ) -> String {
        var members: [String: JSONValue] = [
            "access_token": .string(accessToken),
            "token_type": .string(tokenType),
            "expires_in": .integer(expiresIn),
            "refresh_expires_in": .integer(refreshExpiresIn),
            "scope": "openid scope_all",
            "session_state": "state-1",
            "not-before-policy": 0,
        ]
        if let idToken { members["id_token"] = .string(idToken) }
        if let refreshToken { members["refresh_token"] = .string(refreshToken) }
        return json(.object(members))
    }

    static func oauthError(_ code: String, description: String? = nil) -> String {
        var members: [String: JSONValue] = ["error": .string(code)]
        if let description { members["error_description"] = .string(description) }
        return json(.object(members))
    }
}

/// A client on a stub transport and a test clock.
struct TestHarness {
    let stub: StubTransport
    let clock: TestClock
    let client: ProSanteConnectClient

    init(
        clock: TestClock = TestClock(),
        authentication: ClientAuthentication = .clientSecretBasic(TestProvider.clientSecret),
        signing: IDTokenSigningPolicy = .asymmetric,
        environment: ProSanteConnectEnvironment? = nil,
        configure: (inout ProSanteConnectConfiguration) -> Void = { _ in }
    ) throws {
        stub = StubTransport()
        self.clock = clock
        var configuration = ProSanteConnectConfiguration(
            environment: environment
                ?? .custom(discoveryURL: TestProvider.discoveryURL, expectedIssuer: TestProvider.issuer),
            clientID: TestProvider.clientID,
            clientAuthentication: authentication,
            redirectURI: TestProvider.redirectURI,
            idTokenSigning: signing,
            clock: clock)
        configure(&configuration)
        client = try ProSanteConnectClient(
            configuration: configuration, transport: stub, retryPolicy: .none, timeout: nil)
    }

    func expectDiscovery(_ changes: [String: JSONValue?] = [:]) {
        stub.expect(.get, TestProvider.discoveryPath, respond: .json(TestProvider.discovery(changes)))
    }

    func expectKeys(_ keys: [JWSSigningKey], algorithm: JWSAlgorithm? = nil) throws {
        stub.expect(.get, TestProvider.jwksPath, respond: .json(try TestProvider.jwks(keys, algorithm: algorithm)))
    }

    func expectToken(
        _ body: String, status: Int = 200, headerFields: HTTPFields = [:],
        where predicate: (@Sendable (StubTransport.RecordedRequest) -> Bool)? = nil
    ) {
        stub.expect(
            .post, TestProvider.tokenPath, where: predicate,
            respond: .json(body, status: status, headerFields: headerFields))
    }

    /// Prepares an authorization and returns the pending value and a callback URL with `code`.
    func prepare(
        callbackParameters: (PendingAuthorization) -> [(String, String)] = { pending in
            [("code", "code-1"), ("state", pending.state), ("iss", TestProvider.issuer)]
        }
    ) async throws -> (PendingAuthorization, URL) {
        let prepared = try await client.prepareAuthorization()
        let query = callbackParameters(prepared.pending).map { "\($0.0)=\(percentEncoded($0.1))" }
        return (prepared.pending, testURL(TestProvider.redirectURI.absoluteString + "?" + query.joined(separator: "&")))
    }

    /// Runs a whole code flow whose token response carries `idToken(pending)`.
    func login(
        keys: [JWSSigningKey]? = nil,
        accessToken: String = "access-1",
        refreshToken: String? = "refresh-1",
        idToken: (PendingAuthorization) throws -> String
    ) async throws -> ProSanteConnectLogin {
        expectDiscovery()
        let (pending, callback) = try await prepare()
        expectToken(
            TestProvider.tokenResponse(
                accessToken: accessToken, idToken: try idToken(pending), refreshToken: refreshToken))
        try expectKeys(keys ?? [try TestKeys.rsa()])
        return try await client.completeAuthorization(callbackURL: callback, pending: pending)
    }

    /// The standard valid RS256 ID token for `pending`, with changes.
    func standardIDToken(
        _ pending: PendingAuthorization, accessToken: String = "access-1", changes: [String: JSONValue?] = [:]
    ) throws -> String {
        try TestProvider.sign(
            TestProvider.idTokenClaims(
                now: clock.now(), nonce: pending.nonce, accessToken: accessToken, changes: changes),
            key: try TestKeys.rsa())
    }
}

/// The reason of the `ProSanteConnectError` thrown by `body`, or `nil` when nothing or something else is thrown.
func pscReason<T>(_ body: () async throws -> T) async -> ProSanteConnectError.Reason? {
    await pscError(body)?.reason
}

/// The `ProSanteConnectError` thrown by `body`, or `nil`.
func pscError<T>(_ body: () async throws -> T) async -> ProSanteConnectError? {
    do {
        _ = try await body()
        return nil
    } catch let error as ProSanteConnectError {
        return error
    } catch {
        return nil
    }
}

/// Form fields of a recorded request body.
func formFields(_ request: StubTransport.RecordedRequest) -> [String: String] {
    var fields: [String: String] = [:]
    for pair in (request.bodyText ?? "").split(separator: "&") {
        let parts = pair.split(separator: "=", maxSplits: 1).map {
            String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
        }
        fields[parts[0]] = parts.count > 1 ? parts[1] : ""
    }
    return fields
}

/// Query items of a URL, by name.
func queryItems(_ url: URL) -> [String: String] {
    var items: [String: String] = [:]
    for item in URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? [] {
        items[item.name] = item.value ?? ""
    }
    return items
}

/// A URL written in a test; an invalid literal gives a URL that makes the test fail.
func testURL(_ text: String) -> URL {
    URL(string: text) ?? URL(fileURLWithPath: "/invalid-test-url")
}

/// Strict percent-encoding of a query value.
func percentEncoded(_ text: String) -> String {
    let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    return text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
}
