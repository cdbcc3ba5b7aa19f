import Foundation
import HTTPTypes
import SanteAsyncHTTPClient
import SanteCore
import SanteHTTP
import SanteMockPlatform

/// A platform started with TLS on 127.0.0.1 (both listeners on port 0) and a `TestClock`, stopped afterwards.
func withTLSPlatform(_ body: (MockPlatform, TestClock) async throws -> Void) async throws {
    let clock = TestClock()
    let platform = try await MockPlatform.start(MockPlatform.Configuration(clock: clock, tls: MockTLS()))
    do {
        try await body(platform, clock)
    } catch {
        await platform.stop()
        throw error
    }
    await platform.stop()
}

/// One HTTPS client of the mock: trusts `authority` only, and presents `certificate` when asked.
struct MutualTLSCaller {
    /// An answer: the status, the headers and the body as JSON (`nil` when empty or not JSON).
    struct Answer {
        let status: Int
        let headerFields: HTTPFields
        let json: JSONValue?

        /// The OAuth `error` member, or the `error` of the mock's JSON errors.
        var error: String? { json?["error"]?.stringValue }
    }

    let transport: AsyncHTTPClientTransport

    /// - Parameters:
    ///   - authority: The authority whose certificate is the only trust root, or `nil` for the system's roots.
    ///   - certificate: The client certificate to present, if any.
    init(trusting authority: MockCertificateAuthority?, presenting certificate: MockIssuedCertificate? = nil) throws {
        transport = try AsyncHTTPClientTransport(
            validating: AsyncHTTPClientTransport.Configuration(
                timeout: .seconds(20), connectTimeout: .seconds(10),
                clientIdentity: certificate.map {
                    .pem(certificateChain: $0.certificateChainPEM, privateKey: $0.privateKeyPEM, passphrase: nil)
                },
                trustRoots: authority.map { .pem($0.certificatePEM) },
                trustRootsUsage: .insteadOfSystemRoots))
    }

    /// Sends a request to an absolute URL: a form body when `form` is given, a JSON body when `json` is given,
    /// a bearer token when given.
    func send(
        _ method: HTTPRequest.Method, _ url: URL, form: [(String, String)]? = nil, json: String? = nil,
        bearer: String? = nil
    ) async throws -> Answer {
        var fields = HTTPFields()
        if let bearer {
            fields[.authorization] = "Bearer \(bearer)"
        }
        var body: HTTPBody?
        if let form {
            fields[.contentType] = "application/x-www-form-urlencoded"
            body = HTTPBody(Self.encode(form))
        } else if let json {
            fields[.contentType] = "application/json"
            body = HTTPBody(json)
        }
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        let path = (components?.percentEncodedPath ?? "/") + (components?.percentEncodedQuery.map { "?\($0)" } ?? "")
        let request = HTTPRequest(
            method: method, scheme: url.scheme, authority: "\(url.host() ?? ""):\(url.port ?? 443)", path: path,
            headerFields: fields)
        let (response, responseBody) = try await transport.send(request, body: body, context: RequestContext())
        let data = try await responseBody?.collect(upTo: 1 << 20) ?? Data()
        return Answer(
            status: response.status.code, headerFields: response.headerFields,
            json: try? JSONDecoder().decode(JSONValue.self, from: data))
    }

    private static func encode(_ form: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return form.map { name, value in
            let encoded = value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
            return "\(name)=\(encoded)"
        }.joined(separator: "&")
    }
}

extension MockPlatform {
    /// The mutual-TLS endpoint `path` of the identity provider's realm (such as `protocol/openid-connect/token`).
    func mutualTLSRealmURL(_ path: String) throws -> URL {
        guard let base = mutualTLSBaseURL else { throw MutualTLSTestError("the platform has no mutual-TLS listener") }
        return base.appending(path: "psc/auth/realms/esante-wallet").appending(path: path)
    }
}

struct MutualTLSTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
