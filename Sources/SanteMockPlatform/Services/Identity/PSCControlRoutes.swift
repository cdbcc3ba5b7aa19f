import Hummingbird
import Logging
import SanteCore

/// The Pro Santé Connect controls under `/_mock/psc` (see ``MockPSCProvider``):
/// - `POST /_mock/psc/clients`: registers a client (``ClientRegistration``) → `201` with the client;
/// - `POST /_mock/psc/faults` `{"fault": "wrongIssuer", "count": 1}` (`count` defaults to 1) → `201`;
///   `GET /_mock/psc/faults` → `[{"fault", "target", "remaining"}]`; `DELETE /_mock/psc/faults` → `204`;
/// - `POST /_mock/psc/rotate-keys` → `200` with the new key set;
/// - `POST /_mock/psc/ciba` `{"approveAfterPolls": 2}` or `{"deny": true}` → `200`.
///
/// Invalid bodies get `400` with the mock's JSON error naming the field.
enum PSCControlRoutes {
    /// The body of `POST /_mock/psc/clients`; only `client_id` is required.
    struct ClientRegistration: Decodable {
        var clientID: String
        var clientSecret: String?
        var redirectURIs: [String]?
        var allowsLoopbackRedirects: Bool?
        var postLogoutRedirectURIs: [String]?
        var idTokenSignedResponseAlgorithm: String?
        var userinfoSignedResponseAlgorithm: String?
        var tokenEndpointAuthMethod: String?
        var keySet: JWKSet?
        var tlsClientAuthSubjectDN: String?

        enum CodingKeys: String, CodingKey {
            case clientID = "client_id"
            case clientSecret = "client_secret"
            case redirectURIs = "redirect_uris"
            case allowsLoopbackRedirects = "allows_loopback_redirects"
            case postLogoutRedirectURIs = "post_logout_redirect_uris"
            case idTokenSignedResponseAlgorithm = "id_token_signed_response_alg"
            case userinfoSignedResponseAlgorithm = "userinfo_signed_response_alg"
            case tokenEndpointAuthMethod = "token_endpoint_auth_method"
            case keySet = "jwks"
            case tlsClientAuthSubjectDN = "tls_client_auth_subject_dn"
        }

        /// The client described, or every problem found.
        func client() throws(ValidationError) -> MockPSCClient {
            var method: MockPSCClient.AuthenticationMethod?
            if let tokenEndpointAuthMethod {
                method = MockPSCClient.AuthenticationMethod(rawValue: tokenEndpointAuthMethod)
                if method == nil {
                    let issue = ValidationIssue(
                        field: "token_endpoint_auth_method",
                        reason: "must be client_secret_basic, client_secret_post, private_key_jwt or tls_client_auth")
                    throw ValidationError(operation: "mock.psc.register", issues: [issue])
                }
            }
            let client = MockPSCClient(
                clientID: clientID, clientSecret: clientSecret, redirectURIs: redirectURIs ?? [],
                allowsLoopbackRedirects: allowsLoopbackRedirects ?? true,
                postLogoutRedirectURIs: postLogoutRedirectURIs ?? [],
                idTokenSignedResponseAlgorithm: idTokenSignedResponseAlgorithm.map(JWSAlgorithm.init(rawValue:))
                    ?? .rs256,
                userinfoSignedResponseAlgorithm: userinfoSignedResponseAlgorithm.map(JWSAlgorithm.init(rawValue:)),
                tokenEndpointAuthMethod: method, keySet: keySet, tlsClientAuthSubjectDN: tlsClientAuthSubjectDN)
            let issues = client.validationIssues
            guard issues.isEmpty else {
                throw ValidationError(operation: "mock.psc.register", issues: issues)
            }
            return client
        }
    }

    private struct FaultRequest: Decodable {
        var fault: String
        var count: Int?
    }

    private struct BackchannelRequest: Decodable {
        var approveAfterPolls: Int?
        var deny: Bool?
    }

    /// Registers the routes on the `/_mock` group.
    static func register(on group: RouterGroup<MockRequestContext>, identity: IdentityServiceState) {
        let provider = MockPSCProvider(state: identity)
        group.post("psc/clients") { request, context in
            let body = try await request.decode(as: ClientRegistration.self, context: context)
            let client: MockPSCClient
            do throws(ValidationError) {
                client = try body.client()
            } catch {
                return MockJSON.validationError(error.issues)
            }
            await provider.register(client)
            return try MockJSON.response(json(client), status: .created)
        }
        group.post("psc/faults") { request, context in
            let body = try await request.decode(as: FaultRequest.self, context: context)
            let fault = MockPSCFault(rawValue: body.fault)
            guard let target = fault.target else {
                let names = MockPSCFault.allCases.map(\.rawValue).joined(separator: ", ")
                return MockJSON.validationError([ValidationIssue(field: "fault", reason: "must be one of \(names)")])
            }
            let count = body.count ?? 1
            guard count >= 1 else {
                return MockJSON.validationError([ValidationIssue(field: "count", reason: "must be at least 1")])
            }
            await provider.arm(fault, count: count)
            let answer: JSONValue = [
                "fault": .string(fault.rawValue), "target": .string(target.rawValue),
                "remaining": .integer(Int64(count)),
            ]
            return try MockJSON.response(answer, status: .created)
        }
        group.get("psc/faults") { _, _ in
            let armed = await provider.armedFaults().sorted { $0.key.rawValue < $1.key.rawValue }
            let entries: [JSONValue] = armed.map { fault, remaining in
                [
                    "fault": .string(fault.rawValue), "target": .string(fault.target?.rawValue ?? ""),
                    "remaining": .integer(Int64(remaining)),
                ]
            }
            return try MockJSON.response(JSONValue.array(entries))
        }
        group.delete("psc/faults") { _, _ in
            await provider.disarmAllFaults()
            return Response(status: .noContent)
        }
        group.post("psc/rotate-keys") { _, _ in
            do {
                try identity.keyRing.rotate()
                return MockJSON.response(bytes: try await identity.publishedKeySet().jsonData())
            } catch {
                return MockJSON.error(.internalServerError, message: "The keys could not be rotated: \(error)")
            }
        }
        group.post("psc/ciba") { request, context in
            let body = try await request.decode(as: BackchannelRequest.self, context: context)
            let behaviour: MockCIBABehaviour
            switch (body.approveAfterPolls, body.deny) {
            case (let polls?, nil) where polls >= 0:
                behaviour = .approveAfterPolls(polls)
            case (nil, true?):
                behaviour = .deny
            default:
                return MockJSON.validationError([
                    ValidationIssue(
                        field: "approveAfterPolls", reason: "give either approveAfterPolls (0 or more) or deny: true")
                ])
            }
            await provider.setCIBABehaviour(behaviour)
            let answer: JSONValue =
                switch behaviour {
                case .approveAfterPolls(let polls): ["approveAfterPolls": .integer(Int64(polls))]
                case .deny: ["deny": true]
                }
            return try MockJSON.response(answer)
        }
    }

    /// A client as JSON, with the registration's member names.
    static func json(_ client: MockPSCClient) -> JSONValue {
        var members: [String: JSONValue] = [
            "client_id": .string(client.clientID),
            "redirect_uris": .array(client.redirectURIs.map(JSONValue.string)),
            "allows_loopback_redirects": .bool(client.allowsLoopbackRedirects),
            "post_logout_redirect_uris": .array(client.postLogoutRedirectURIs.map(JSONValue.string)),
            "id_token_signed_response_alg": .string(client.idTokenSignedResponseAlgorithm.rawValue),
            "token_endpoint_auth_methods": .array(
                client.allowedAuthenticationMethods.map(\.rawValue).sorted().map(JSONValue.string)),
        ]
        members["client_secret"] = client.clientSecret.map(JSONValue.string)
        members["userinfo_signed_response_alg"] = client.userinfoSignedResponseAlgorithm.map { .string($0.rawValue) }
        members["token_endpoint_auth_method"] = client.tokenEndpointAuthMethod.map { .string($0.rawValue) }
        members["tls_client_auth_subject_dn"] = client.tlsClientAuthSubjectDN.map(JSONValue.string)
        return .object(members)
    }
}
