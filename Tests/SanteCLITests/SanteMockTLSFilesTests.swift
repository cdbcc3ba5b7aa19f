import Foundation
import HTTPTypes
import SanteAsyncHTTPClient
import SanteHTTP
import Testing

/// `sante-mock --tls-files DIRECTORY`: HTTPS and mutual TLS from the executable, with the files a client needs.
@Suite("sante-mock --tls-files, run as a program", .timeLimit(.minutes(3)))
struct SanteMockTLSFilesTests {
    @Test("It serves HTTPS, writes ca.pem, client.pem and client-key.pem, and the client certificate authenticates")
    func servesTLSWithFiles() async throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "sante-mock-tls-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = directory.appending(path: "certificates")
        let lines = try await ProgramSlots.shared.withSlot {
            try await withRunningMockProgram(["--tls-files", files.path], lineCount: 5) { lines in
                try await Self.exercise(lines: lines, files: files)
                return lines
            }
        }
        #expect(lines.count == 5)
    }

    @Test("A directory that cannot be written stops the mock with exit status 1 and says why")
    func unwritableDirectory() async throws {
        let outcome = try await CommandRunner.run(
            "sante-mock", ["--port", "0", "--log-level", "error", "--tls-files", "/proc/sante-mock/none"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("--tls-files: cannot write into /proc/sante-mock/none"))
        #expect(!outcome.standardOutput.contains("listening on"))
    }

    @Test("An empty --tls-files is a usage error")
    func emptyDirectory() async throws {
        let outcome = try await CommandRunner.run("sante-mock", ["--port", "0", "--tls-files", ""])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("--tls-files must name a directory"))
    }

    /// Checks the files and talks to both listeners as an application would, with the files it was given.
    private static func exercise(lines: [String], files: URL) async throws {
        let base = try #require(Self.value(of: "listening on ", in: lines).flatMap { URL(string: $0) })
        let mutual = try #require(Self.value(of: "mutual-tls: ", in: lines).flatMap { URL(string: $0) })
        #expect(base.scheme == "https")
        #expect(mutual.scheme == "https")
        #expect(mutual.port != base.port)
        #expect(Self.value(of: "tls-files: ", in: lines) == files.path)

        let authority = try String(contentsOf: files.appending(path: "ca.pem"), encoding: .utf8)
        let chain = try String(contentsOf: files.appending(path: "client.pem"), encoding: .utf8)
        let key = try String(contentsOf: files.appending(path: "client-key.pem"), encoding: .utf8)
        #expect(authority.hasPrefix("-----BEGIN CERTIFICATE-----"))
        #expect(chain.components(separatedBy: "-----BEGIN CERTIFICATE-----").count == 3, "leaf and root")
        #expect(key.contains("PRIVATE KEY-----"))
        let keyAttributes = try FileManager.default.attributesOfItem(
            atPath: files.appending(path: "client-key.pem").path)
        #expect((keyAttributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

        var trusting = AsyncHTTPClientTransport.Configuration()
        trusting.trustRoots = .pem(authority)
        trusting.trustRootsUsage = .insteadOfSystemRoots
        var identified = trusting
        identified.clientIdentity = .pem(certificateChain: chain, privateKey: key, passphrase: nil)

        let health = try await Self.send(.get, base.appending(path: "health"), trusting)
        #expect(health == 200)
        // Authentication happens before the grant is read: with the certificate the bogus refresh token is
        // refused (400 invalid_grant); without it the client itself is (401 invalid_client).
        let discovery = try await Self.json(
            base.appending(path: "psc/auth/realms/esante-wallet/.well-known/openid-configuration"), trusting)
        let aliases = try #require(discovery["mtls_endpoint_aliases"] as? [String: Any])
        let token = try #require((aliases["token_endpoint"] as? String).flatMap { URL(string: $0) })
        #expect(token.port == mutual.port)
        let form = "grant_type=refresh_token&refresh_token=unknown&client_id=santekit-mtls"
        #expect(try await Self.send(.post, token, identified, form: form) == 400)
        #expect(try await Self.send(.post, token, trusting, form: form) == 401)
    }

    private static func value(of prefix: String, in lines: [String]) -> String? {
        lines.first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    private static func send(
        _ method: HTTPRequest.Method, _ url: URL, _ configuration: AsyncHTTPClientTransport.Configuration,
        form: String? = nil
    ) async throws -> Int {
        let (status, _) = try await exchange(method, url, configuration, form: form)
        return status
    }

    private static func json(_ url: URL, _ configuration: AsyncHTTPClientTransport.Configuration) async throws
        -> [String: Any]
    {
        let (status, data) = try await exchange(.get, url, configuration, form: nil)
        #expect(status == 200)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private static func exchange(
        _ method: HTTPRequest.Method, _ url: URL, _ configuration: AsyncHTTPClientTransport.Configuration,
        form: String?
    ) async throws -> (Int, Data) {
        let transport = try AsyncHTTPClientTransport(validating: configuration)
        var request = HTTPRequest(method: method, url: url)
        var body: HTTPBody?
        if let form {
            request.headerFields[.contentType] = "application/x-www-form-urlencoded"
            body = HTTPBody(form)
        }
        let (response, responseBody) = try await transport.send(request, body: body, context: RequestContext())
        let data = try await responseBody?.collect(upTo: 1 << 20) ?? Data()
        return (response.status.code, data)
    }
}
