import Foundation
import Hummingbird
import SanteCore

/// The Pro Santé Connect identity provider (OpenID Connect, Keycloak realm `esante-wallet`).
///
/// Mounted under `/psc` by MockRouterBuilder. With `I` the issuer (`/psc/auth/realms/esante-wallet`):
/// - `GET I/.well-known/wallet-openid-configuration` and `GET I/.well-known/openid-configuration`: discovery;
/// - `GET I/protocol/openid-connect/certs`: the key set (``MockSigningKeys``, or the rotated keys);
/// - `GET /psc/wallet/auth`: authorization (approves a seeded professional at once);
/// - `POST I/protocol/openid-connect/token`: code, refresh, CIBA and token-exchange grants;
/// - `GET|POST I/protocol/openid-connect/userinfo`: the professional, JSON or JWT;
/// - `POST I/protocol/openid-connect/token/introspect` and `POST I/protocol/openid-connect/revoke`;
/// - `GET|POST I/protocol/openid-connect/logout`: RP-initiated or server-to-server logout;
/// - `POST I/protocol/openid-connect/ext/ciba/auth`: backchannel authentication (poll mode).
enum IdentityService {
    /// The realm path under the service prefix; the issuer is `<base>/psc/auth/realms/esante-wallet`.
    static let realmPath = "auth/realms/esante-wallet"

    /// The path of the JWKS under the realm (Keycloak's `jwks_uri`).
    static let keySetPath = PSCEndpoints.RealmPath.keySet

    /// The issuer of a platform listening at `serverBaseURL`: `<serverBaseURL>/psc/auth/realms/esante-wallet`.
    /// - Parameter serverBaseURL: The root URL of the server, such as `http://127.0.0.1:49152`.
    /// - Returns: The issuer URL.
    static func issuerURL(serverBaseURL: URL) -> URL {
        serverBaseURL.appending(path: String(MockService.identity.pathPrefix.dropFirst())).appending(path: realmPath)
    }

    /// Registers the service's routes on `group`, whose paths are relative to the service prefix.
    /// - Parameters:
    ///   - group: The route group of the service prefix.
    ///   - state: The service's state.
    static func registerRoutes(on group: RouterGroup<MockRequestContext>, state: IdentityServiceState) {
        typealias Paths = PSCEndpoints.RealmPath
        func realm(_ path: String) -> RouterPath { RouterPath("\(realmPath)/\(path)") }

        group.get(realm(Paths.keySet)) { _, _ in try await keySetResponse(state) }
        for path in [Paths.discovery, Paths.standardDiscovery] {
            group.get(realm(path)) { _, _ in
                try await PSCHTTP.answering {
                    try MockJSON.response(
                        PSCDiscoveryDocument.json(try state.endpoints(), mutualTLS: state.mutualTLSEndpoints()))
                }
            }
        }
        group.get(RouterPath(PSCEndpoints.authorizationPath)) { request, _ in
            switch await state.authorize(PSCHTTP.query(request)) {
            case .redirect(let location): PSCHTTP.redirect(to: location)
            case .failure(let error): error.response
            }
        }
        group.post(realm(Paths.token)) { request, context in
            try await PSCHTTP.answering {
                let form = try await PSCHTTP.form(request, context: context)
                return try PSCHTTP.json(
                    try await state.token(form, credentials: PSCHTTP.credentials(request, form: form, context: context))
                )
            }
        }
        for method in [HTTPRequest.Method.get, .post] {
            group.on(realm(Paths.userinfo), method: method) { request, context in
                try await PSCHTTP.answering { try await userinfoResponse(request, context: context, state: state) }
            }
            group.on(realm(Paths.logout), method: method) { request, context in
                try await PSCHTTP.answering {
                    let parameters =
                        method == .post ? try await PSCHTTP.form(request, context: context) : PSCHTTP.query(request)
                    switch try await state.logout(parameters) {
                    case .redirect(let location): return PSCHTTP.redirect(to: location)
                    case .done: return Response(status: .noContent)
                    }
                }
            }
        }
        group.post(realm(Paths.introspection)) { request, context in
            try await PSCHTTP.answering {
                let form = try await PSCHTTP.form(request, context: context)
                return try PSCHTTP.json(
                    try await state.introspect(
                        form, credentials: PSCHTTP.credentials(request, form: form, context: context)))
            }
        }
        group.post(realm(Paths.revocation)) { request, context in
            try await PSCHTTP.answering {
                let form = try await PSCHTTP.form(request, context: context)
                try await state.revoke(form, credentials: PSCHTTP.credentials(request, form: form, context: context))
                return Response(status: .ok)
            }
        }
        group.post(realm(Paths.backchannelAuthentication)) { request, context in
            try await PSCHTTP.answering {
                let form = try await PSCHTTP.form(request, context: context)
                return try PSCHTTP.json(
                    try await state.startBackchannelAuthentication(
                        form, credentials: PSCHTTP.credentials(request, form: form, context: context)))
            }
        }
    }

    /// The userinfo answer: the token from `Authorization: Bearer`, or from the `access_token` form field of
    /// a POST (not both).
    private static func userinfoResponse(
        _ request: Request, context: MockRequestContext, state: IdentityServiceState
    ) async throws -> Response {
        let form = request.method == .post ? try await PSCHTTP.form(request, context: context) : FormParameters("")
        let header = request.headers[.authorization]
        let token: String
        switch (header, form["access_token"]) {
        case (nil, let fromBody?):
            token = fromBody
        case (let header?, nil):
            do {
                token = try MockTokenVerifier.bearerToken(header)
            } catch {
                throw PSCOAuthError.invalidToken(error.message)
            }
        case (nil, nil):
            throw PSCOAuthError.invalidToken("a bearer access token is required")
        case (.some, .some):
            throw PSCOAuthError.invalidRequest("the access token must be sent once")
        }
        switch try await state.userinfo(accessToken: token, certificate: context.clientCertificate) {
        case .json(let value):
            var response = try MockJSON.response(value)
            response.headers[.cacheControl] = "no-store"
            return response
        case .jwt(let jwt):
            var headers = HTTPFields()
            headers[.contentType] = "application/jwt"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: jwt)))
        }
    }

    /// The public key set as JSON, without caching (keys rotate, and those of a restarted `sante-mock` differ).
    private static func keySetResponse(_ state: IdentityServiceState) async throws -> Response {
        let data = try await state.publishedKeySet().jsonData()
        var response = MockJSON.response(bytes: data)
        response.headers[.cacheControl] = "no-cache"
        return response
    }
}
