import Foundation
import SanteCore
import SanteMockPlatform
import Synchronization
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The delegate of one test request: refuses redirects (the test sees the `302` itself), declines
/// authentication challenges (the test sees the `401`), collects the body and hands on the answer.
///
/// FoundationNetworking never completes a task whose `401` carries `WWW-Authenticate: Basic` when the challenge
/// gets default handling without a credential; declining it ends the task with an error while the `401`
/// and its body have already arrived, which ``urlSession(_:task:didCompleteWithError:)`` then hands on.
final class OneRequestDelegate: NSObject, URLSessionDataDelegate, Sendable {
    private struct State {
        var body = Data()
        var continuation: CheckedContinuation<HTTPResult, any Error>?
    }

    private let state = Mutex(State())

    /// Runs `request` on a fresh session and returns its answer.
    static func send(_ request: URLRequest) async throws -> HTTPResult {
        let delegate = OneRequestDelegate()
        let session = URLSession(configuration: .ephemeral, delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        return try await withCheckedThrowingContinuation { continuation in
            delegate.state.withLock { $0.continuation = continuation }
            session.dataTask(with: request).resume()
        }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
        completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
    ) {
        completionHandler(.cancelAuthenticationChallenge, nil)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        state.withLock { $0.body.append(data) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let (continuation, body) = state.withLock { state in
            defer { state.continuation = nil }
            return (state.continuation, state.body)
        }
        if let response = task.response as? HTTPURLResponse {
            continuation?.resume(returning: HTTPResult(status: response.statusCode, response: response, body: body))
        } else {
            continuation?.resume(throwing: error ?? UnexpectedResponse())
        }
    }
}

/// Requests to the mock Pro Santé Connect, never following redirects.
enum PSC {
    static let demoID = "santekit-demo"
    static let demoSecret = "santekit-demo-secret-7f3a9c2e5b8d4016"
    static let redirectURI = "http://127.0.0.1:9/callback"
    /// The RFC 7636 Appendix B example: the verifier and its S256 challenge.
    static let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    static let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    static let realm = "/psc/auth/realms/esante-wallet"
    static let tokenPath = realm + "/protocol/openid-connect/token"
    static let certsPath = realm + "/protocol/openid-connect/certs"
    static let userinfoPath = realm + "/protocol/openid-connect/userinfo"
    static let introspectPath = realm + "/protocol/openid-connect/token/introspect"
    static let revokePath = realm + "/protocol/openid-connect/revoke"
    static let logoutPath = realm + "/protocol/openid-connect/logout"
    static let cibaPath = realm + "/protocol/openid-connect/ext/ciba/auth"

    /// Percent-encodes a form value (only unreserved characters stay).
    static func encode(_ value: String) -> String {
        let unreserved = CharacterSet(
            charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
    }

    static func formBody(_ pairs: [(String, String)]) -> String {
        pairs.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }

    static func basic(_ clientID: String, _ secret: String) -> String {
        "Basic " + Data("\(encode(clientID)):\(encode(secret))".utf8).base64EncodedString()
    }

    /// Sends a request without following redirects.
    static func send(
        _ method: String, _ url: URL, form: [(String, String)]? = nil, headers: [String: String] = [:]
    ) async throws -> HTTPResult {
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let form {
            request.httpBody = Data(formBody(form).utf8)
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        }
        for (name, value) in headers {
            request.setValue(value, forHTTPHeaderField: name)
        }
        return try await OneRequestDelegate.send(request)
    }

    /// POSTs a form to the token endpoint (or another path) with HTTP Basic for the demo client by default.
    static func post(
        _ platform: MockPlatform, _ path: String, _ form: [(String, String)],
        authorization: String? = PSC.basic(PSC.demoID, PSC.demoSecret)
    ) async throws -> HTTPResult {
        var headers: [String: String] = [:]
        if let authorization, !authorization.isEmpty {
            headers["Authorization"] = authorization
        }
        return try await send("POST", try platform.url(path), form: form, headers: headers)
    }

    /// The query parameters of a redirect's `Location`.
    static func redirectParameters(_ result: HTTPResult) throws -> [String: String] {
        let location = try #require(result.header("Location"))
        let components = try #require(URLComponents(string: location))
        var parameters: [String: String] = [:]
        for item in components.queryItems ?? [] {
            parameters[item.name] = item.value ?? ""
        }
        return parameters
    }

    /// Calls the authorization endpoint and returns its answer (a redirect, normally).
    static func authorize(
        _ platform: MockPlatform, clientID: String = PSC.demoID, redirectURI: String = PSC.redirectURI,
        loginHint: String? = nil, state: String = "state-1", nonce: String = "nonce-1",
        extra: [(String, String)]? = nil
    ) async throws -> HTTPResult {
        var pairs =
            extra ?? [
                ("response_type", "code"), ("client_id", clientID), ("redirect_uri", redirectURI),
                ("scope", "openid scope_all"), ("state", state), ("nonce", nonce), ("code_challenge", challenge),
                ("code_challenge_method", "S256"), ("acr_values", "eidas1"),
            ]
        if let loginHint {
            pairs.append(("login_hint", loginHint))
        }
        return try await send("GET", try platform.url("/psc/wallet/auth?" + formBody(pairs)))
    }

    /// Runs authorize then the code exchange; returns the token response as JSON.
    static func signIn(
        _ platform: MockPlatform, clientID: String = PSC.demoID, authorization: String? = nil,
        extraForm: [(String, String)] = [], loginHint: String? = nil
    ) async throws -> [String: Any] {
        let redirect = try await authorize(platform, clientID: clientID, loginHint: loginHint)
        #expect(redirect.status == 302)
        let code = try #require(try redirectParameters(redirect)["code"])
        let form =
            [
                ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectURI),
                ("code_verifier", verifier),
            ] + extraForm
        let result = try await post(
            platform, tokenPath, form,
            authorization: authorization ?? (clientID == demoID ? basic(demoID, demoSecret) : nil))
        #expect(result.status == 200, "token endpoint: \(String(decoding: result.body, as: UTF8.self))")
        return try result.jsonObject()
    }

    /// The served key set.
    static func keySet(_ platform: MockPlatform) async throws -> JWKSet {
        let result = try await TestHTTP.send(try platform.url(certsPath))
        #expect(result.status == 200)
        return try JWKSet(jsonData: result.body)
    }

    /// The OAuth `error` of a JSON answer.
    static func oauthError(_ result: HTTPResult) throws -> String? {
        try result.jsonObject()["error"] as? String
    }
}
