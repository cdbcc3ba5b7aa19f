import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP

/// A transport that answers the discovery document and the JWK set from memory, so that a benchmark measures
/// verification only: the client fetches both once, caches them, and then verifies without a request.
struct OfflineProvider: HTTPTransport {
    static let issuer = "https://auth.psc.bench/auth/realms/esante-wallet"
    static let discoveryURL = URL(string: issuer + "/.well-known/wallet-openid-configuration")
    static let clientID = "santekit-benchmark"

    let discovery: Data
    let keySet: Data

    init(keys: [JWSSigningKey]) throws {
        let base = Self.issuer + "/protocol/openid-connect"
        let document: JSONValue = [
            "issuer": .string(Self.issuer),
            "authorization_endpoint": "https://wallet.psc.bench/auth",
            "token_endpoint": .string(base + "/token"),
            "userinfo_endpoint": .string(base + "/userinfo"),
            "jwks_uri": .string(base + "/certs"),
            "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic"],
        ]
        discovery = try JSONEncoder().encode(document)
        keySet = try JWKSet(keys: keys.map { try $0.publicJWK() }).jsonData()
    }

    func send(
        _ request: HTTPRequest, body: HTTPBody?, context: RequestContext
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let path = request.path ?? ""
        let data: Data
        if path.hasSuffix("/certs") {
            data = keySet
        } else if path.hasSuffix("/wallet-openid-configuration") {
            data = discovery
        } else {
            return (HTTPResponse(status: .notFound), nil)
        }
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        return (HTTPResponse(status: .ok, headerFields: fields), HTTPBody(data))
    }
}
