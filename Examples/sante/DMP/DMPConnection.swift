import ArgumentParser
import Foundation
import SanteKit
import SanteMockPlatform

/// A DMP client ready for one command: where the DMP is, how requests are authenticated, and who authors
/// what the command publishes.
struct DMPConnection {
    /// The sending software's OID when `--source-id` is not given: a fictitious placeholder (the one of
    /// `DMPClientConfiguration`'s documentation), fit for the mock and test servers only; a real DMP needs
    /// the software's registered OID.
    static let defaultSourceID = "urn:oid:1.2.250.1.999.1"

    /// Who authors publications.
    enum AuthorSource {
        /// A seeded test professional of the mock platform.
        case testProfessional(MockProfessional)
        /// The professional signed in with Pro Santé Connect (read from userinfo when needed).
        case session(PSCStoredSession)
    }

    /// The client.
    let client: DMPClient
    /// Who authors publications.
    let authorSource: AuthorSource
    /// The DMP's FHIR base URL.
    let baseURL: URL
    /// Whether the DMP is a mock platform (in-process or running).
    let isMock: Bool

    /// The author of publications: the test professional, or the session's professional from userinfo.
    /// - Throws: ``OperationFailed`` when userinfo cannot be read.
    func author() async throws -> DMPAuthor {
        switch authorSource {
        case .testProfessional(let professional): DMPTestAuthor.author(for: professional)
        case .session(let stored): try await DMPSessionAuthor.author(of: stored)
        }
    }

    /// Resolves the DMP and the credentials, and runs `body` with a connection; an in-process mock is
    /// started first and stopped after.
    ///
    /// - `--server`: that server, with `--token` (or `SANTE_DMP_TOKEN`), else the Pro Santé Connect
    ///   session; neither is a usage error.
    /// - otherwise the mock platform (`--mock-url`, `SANTE_MOCK_URL`, or in-process), with `--token`, else
    ///   a session signed in against that same mock, else a test token of `--professional` minted by the
    ///   mock (`POST /_mock/tokens/professional`).
    ///
    /// The session's professional authors publications when the session's token is used; otherwise the
    /// seeded test professional (`--professional`, default 899990000012) does.
    /// - Parameters:
    ///   - options: The connection options.
    ///   - global: The global options.
    ///   - deleteEncoding: How deletions are encoded.
    ///   - body: What to do.
    /// - Returns: What `body` returns.
    /// - Throws: `ArgumentParser.ValidationError` for unusable options, ``OperationFailed``, or what `body`
    ///   throws.
    static func with<T>(
        _ options: DMPConnectionOptions,
        global: GlobalOptions,
        deleteEncoding: DMPDeleteEncoding = .supersede,
        _ body: (DMPConnection) async throws -> T
    ) async throws -> T {
        let sourceID = options.sourceID ?? defaultSourceID
        if let server = try options.serverURL() {
            guard global.mockURL == nil else {
                throw ArgumentParser.ValidationError("--server and --mock-url cannot be used together")
            }
            let (provider, author) = try await serverCredentials(options, global: global)
            let client = try makeClient(
                baseURL: server, tokenProvider: provider, sourceID: sourceID, deleteEncoding: deleteEncoding,
                keepsConnectionsAlive: false, global: global)
            return try await body(DMPConnection(client: client, authorSource: author, baseURL: server, isMock: false))
        }
        let mockURL = try global.resolvedMockURL()
        return try await MockPlatformSession.with(mockURL: mockURL) { session in
            if session.isInProcess {
                Terminal.info(
                    "Started a mock platform in this process at \(session.baseURL.absoluteString); its DMP "
                        + "forgets every document when the command ends (keep them with sante-mock and --mock-url)")
            }
            let baseURL = session.baseURL.appending(path: "dmp/fhir")
            let (provider, author) = try await mockCredentials(options, mockURL: session.baseURL, global: global)
            let client = try makeClient(
                baseURL: baseURL, tokenProvider: provider, sourceID: sourceID, deleteEncoding: deleteEncoding,
                keepsConnectionsAlive: true, global: global)
            return try await body(DMPConnection(client: client, authorSource: author, baseURL: baseURL, isMock: true))
        }
    }

    /// A client sending through SanteKit's standard pipeline (logging with `--verbose`, redacted).
    ///
    /// With a mock, requests with a body keep their connection alive (see
    /// `PSCProvider.httpClient(logger:baseURL:keepsConnectionsAlive:)` for why).
    static func makeClient(
        baseURL: URL, tokenProvider: any TokenProvider, sourceID: String, deleteEncoding: DMPDeleteEncoding,
        keepsConnectionsAlive: Bool, global: GlobalOptions
    ) throws -> DMPClient {
        let configuration = DMPClientConfiguration(
            baseURL: baseURL, tokenProvider: tokenProvider, sourceID: sourceID, deleteEncoding: deleteEncoding,
            appProduct: "sante/\(SanteKitVersion.current)")
        let transport = URLSessionTransport(
            configuration: .init(reusesConnectionsForRequestsWithBody: keepsConnectionsAlive))
        do {
            return try DMPClient(configuration: configuration, transport: transport, logger: global.makeLogger())
        } catch {
            throw ArgumentParser.ValidationError(error.message)
        }
    }

    private static func serverCredentials(
        _ options: DMPConnectionOptions, global: GlobalOptions
    ) async throws -> (any TokenProvider, AuthorSource) {
        let testProfessional = AuthorSource.testProfessional(try options.mockProfessional())
        if let token = options.explicitToken() {
            return (ClosureTokenProvider { token }, testProfessional)
        }
        guard try await PSCStoredSession.loadIfPresent(clientSecret: nil, global: global) != nil else {
            throw ArgumentParser.ValidationError(
                "--server needs an access token: --token, SANTE_DMP_TOKEN, or a session from `sante psc login`")
        }
        let stored = try await PSCStoredSession.load(clientSecret: nil, global: global)
        return (sessionTokenProvider(stored), .session(stored))
    }

    private static func mockCredentials(
        _ options: DMPConnectionOptions, mockURL: URL, global: GlobalOptions
    ) async throws -> (any TokenProvider, AuthorSource) {
        let professional = try options.mockProfessional()
        if let token = options.explicitToken() {
            return (ClosureTokenProvider { token }, .testProfessional(professional))
        }
        if options.professional == nil,
            let session = try await PSCStoredSession.loadIfPresent(clientSecret: nil, global: global),
            session.tokens != nil, sameOrigin(session.record.discoveryURL, mockURL)
        {
            let stored = try await PSCStoredSession.load(clientSecret: nil, global: global)
            Terminal.info("Authenticated by the Pro Santé Connect session of \(stored.record.subjectNameID ?? "?")")
            return (sessionTokenProvider(stored), .session(stored))
        }
        let token = try await DMPTestToken.mint(
            subjectNameID: professional.subjectNameID, mockURL: mockURL, global: global)
        return (ClosureTokenProvider { token }, .testProfessional(professional))
    }

    private static func sessionTokenProvider(_ stored: PSCStoredSession) -> any TokenProvider {
        let manager = stored.manager
        return ClosureTokenProvider { try await manager.validAccessToken() }
    }

    private static func sameOrigin(_ lhs: URL, _ rhs: URL) -> Bool {
        lhs.scheme == rhs.scheme && lhs.host() == rhs.host() && lhs.port == rhs.port
    }
}
