import Foundation
import HTTPTypes
import SanteCore
import Testing

@testable import SanteHTTP

@Suite("URLSessionTransport (without a server)")
struct URLSessionTransportTests {
    let identity = TLSClientIdentity.pem(
        certificateChain: "-----BEGIN CERTIFICATE-----", privateKey: "-----BEGIN PRIVATE KEY-----secret",
        passphrase: nil)

    @Test("The validating initializer refuses a client identity, pointing to SanteAsyncHTTPClient")
    func validatingRefusesIdentity() {
        #expect {
            _ = try URLSessionTransport(validating: .init(clientIdentity: identity))
        } throws: { error in
            guard let error = error as? SanteHTTPError else { return false }
            return error.code == .configuration && error.message.contains("SanteAsyncHTTPClient")
                && error.requestWasSent == false
        }
    }

    @Test("The validating initializer refuses custom trust roots and accepts a plain configuration")
    func validatingRefusesTrustRoots() throws {
        #expect(throws: SanteHTTPError.self) {
            _ = try URLSessionTransport(validating: .init(trustRoots: .pem("-----BEGIN CERTIFICATE-----")))
        }
        let transport = try URLSessionTransport(validating: .init(requestTimeout: .seconds(5)))
        #expect(transport.configuration.requestTimeout == .seconds(5))
        #expect(!transport.configuration.followsRedirects)
    }

    @Test("send fails at once with .configuration when a client identity is configured", .timeLimit(.minutes(3)))
    func sendFailsFast() async throws {
        let transport = URLSessionTransport(configuration: .init(clientIdentity: identity))
        let request = HTTPRequest(method: .get, scheme: "https", authority: "api.example.fr", path: "/fhir/metadata")
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await transport.send(request, body: nil, context: RequestContext(options: .init(operation: "op")))
        }
        #expect(error?.code == .configuration)
        #expect(error?.operation == "op")
        #expect(error?.url == "https://api.example.fr/fhir/metadata")
        #expect(error?.message.contains("SanteAsyncHTTPClient") == true)
    }

    @Test("Identities and trust roots never print their secrets")
    func descriptions() {
        #expect(!String(describing: identity).contains("secret"))
        #expect(!String(describing: TLSClientIdentity.pkcs12(Data([1, 2]), passphrase: "pw")).contains("pw"))
        #expect(String(describing: TLSTrustRoots.der([Data(), Data()])) == "TLSTrustRoots.der(2 certificates)")
    }

    @Test("A refused connection is a .transport error with requestWasSent false", .timeLimit(.minutes(3)))
    func connectionRefused() async throws {
        let transport = URLSessionTransport()
        // Port 1 (tcpmux) is privileged and not served on loopback.
        let request = HTTPRequest(method: .post, scheme: "http", authority: "127.0.0.1:1", path: "/x")
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await transport.send(request, body: HTTPBody("x"), context: RequestContext())
        }
        #expect(error?.code == .transport)
        #expect(error?.requestWasSent == false)
        #expect(error?.isRetryable == true)
        #expect(error?.method == .post)
    }

    @Test("A request without an authority is refused before sending")
    func relativeRequest() async throws {
        let transport = URLSessionTransport()
        let request = HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/x")
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await transport.send(request, body: nil, context: RequestContext())
        }
        #expect(error?.code == .validation)
    }

    @Test("A request body above the transport's limit is refused before sending")
    func requestBodyLimit() async throws {
        let transport = URLSessionTransport(configuration: .init(maximumRequestBodyBytes: 4))
        let request = HTTPRequest(method: .post, scheme: "http", authority: "127.0.0.1:1", path: "/x")
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await transport.send(request, body: HTTPBody("12345"), context: RequestContext())
        }
        #expect(error?.code == .validation)
        #expect(error?.requestWasSent == false)
    }

    @Test("URLError codes map to the documented error codes")
    func urlErrorMapping() {
        let request = HTTPRequest(method: .get, scheme: "https", authority: "h", path: "/p?access_token=x")
        let context = RequestContext()
        func mapped(_ code: URLError.Code) -> SanteHTTPError {
            URLErrorMapping.map(URLError(code), request: request, context: context)
        }
        #expect(mapped(.cannotConnectToHost).requestWasSent == false)
        #expect(mapped(.cannotFindHost).requestWasSent == false)
        #expect(mapped(.dnsLookupFailed).requestWasSent == false)
        #expect(mapped(.timedOut).code == .timeout)
        #expect(mapped(.cancelled).code == .cancelled)
        #expect(mapped(.cancelled).isRetryable == false)
        #expect(mapped(.networkConnectionLost).code == .transport)
        #expect(mapped(.networkConnectionLost).requestWasSent == nil)
        #expect(mapped(.serverCertificateUntrusted).isRetryable == false)
        #expect(mapped(.badURL).code == .validation)
        #expect(mapped(.timedOut).url == "https://h/p?access_token=[REDACTED]")
        let truncated = URLErrorMapping.map(
            URLError(
                .unknown, userInfo: [NSLocalizedDescriptionKey: "transfer closed with 90 bytes remaining to read"]),
            request: request, context: context)
        #expect(truncated.message.contains("truncated"))
        #expect(truncated.requestWasSent == true)
    }
}
