import ArgumentParser
import Foundation
import Logging
import SanteAsyncHTTPClient
import SanteKit
import SanteMockPlatform

/// The `--base-url` option of the `sante data` commands.
struct DataSourceOptions: ParsableArguments {
    @Option(
        name: .customLong("base-url"),
        help: "The server to use instead of the mock platform (see the command's help for what it names).")
    var baseURL: String?

    /// `--base-url`, checked.
    /// - Throws: `ArgumentParser.ValidationError` when it is not an http(s) URL with a host.
    func validatedBaseURL() throws -> URL? {
        guard let baseURL else { return nil }
        guard let url = URL(string: baseURL), let scheme = url.scheme, ["http", "https"].contains(scheme),
            url.host() != nil
        else {
            throw ArgumentParser.ValidationError("--base-url must be an http(s) URL, got '\(baseURL)'")
        }
        return url
    }

    func validate() throws {
        _ = try validatedBaseURL()
    }
}

/// Where a `sante data` command sends its requests, and the pipeline it sends them through.
struct DataContext: Sendable {
    /// SanteKit's settings: logging with `--verbose`, the CLI's user agent, the default retry policy.
    let platform: SantePlatform
    /// The udata server's root (the part before `/api/1`).
    let catalogueURL: URL
    /// The Annuaire Santé FHIR endpoint (`…/fhir/v2`).
    let annuaireURL: URL
    /// The mock platform's root, when the command talks to one.
    let mockURL: URL?

    /// A client of the catalogue.
    func catalogue() throws -> DataGouvClient {
        DataGouvClient(http: try platform.httpClient(baseURL: catalogueURL))
    }

    /// The same settings on the AsyncHTTPClient transport, for file downloads.
    let downloadPlatform: SantePlatform

    /// A downloader of catalogue files (files are fetched by absolute URL).
    ///
    /// It runs on the AsyncHTTPClient transport, whose response bodies stream: a connection dropped in the
    /// middle of a file resumes with `Range` from the bytes already written. (URLSession on Linux hands a body
    /// over only once complete, so a dropped connection would start the file again.) The downloader follows
    /// redirects itself, through the pipeline; no credential is sent to the file server.
    func downloader() throws -> ResourceDownloader {
        ResourceDownloader(http: try downloadPlatform.httpClient(baseURL: catalogueURL))
    }

    /// Builds the context's two platforms (API calls on the default transport, downloads on AsyncHTTPClient).
    init(environment: SanteEnvironment, logger: Logger, catalogueURL: URL, annuaireURL: URL, mockURL: URL?) {
        let appProduct = "sante/\(SanteKitVersion.current)"
        platform = SantePlatform(environment: environment, logger: logger, appProduct: appProduct)
        downloadPlatform = SantePlatform(
            environment: environment, transport: AsyncHTTPClientTransport(), logger: logger, appProduct: appProduct)
        self.catalogueURL = catalogueURL
        self.annuaireURL = annuaireURL
        self.mockURL = mockURL
    }

    /// Runs `body` with the server `--base-url` names (`baseURLKind` says which service it is), or with the
    /// mock platform: a running one (`--mock-url`, `SANTE_MOCK_URL`) or one started in this process.
    /// - Throws: `ArgumentParser.ValidationError` for conflicting options, or what `body` throws.
    static func with<T>(
        global: GlobalOptions,
        source: DataSourceOptions,
        baseURLKind: BaseURLKind,
        _ body: (DataContext) async throws -> T
    ) async throws -> T {
        let logger = global.makeLogger()
        if let baseURL = try source.validatedBaseURL() {
            guard global.mockURL == nil else {
                throw ArgumentParser.ValidationError("--base-url and --mock-url cannot be used together")
            }
            let environment = SanteEnvironment(
                name: "custom", openDataBaseURL: baseURLKind == .catalogue ? baseURL : nil,
                annuaireBaseURL: baseURLKind == .annuaire ? baseURL : nil)
            return try await body(
                DataContext(
                    environment: environment, logger: logger, catalogueURL: baseURL, annuaireURL: baseURL,
                    mockURL: nil))
        }
        return try await MockPlatformSession.with(mockURL: try global.resolvedMockURL()) { session in
            Terminal.info(
                session.isInProcess
                    ? "Using a mock platform started in this process at \(session.baseURL.absoluteString)"
                    : "Using the mock platform at \(session.baseURL.absoluteString)")
            let environment = SanteEnvironment.localMock(baseURL: session.baseURL)
            return try await body(
                DataContext(
                    environment: environment, logger: logger, catalogueURL: session.baseURL.appending(path: "data"),
                    annuaireURL: session.baseURL.appending(path: "annuaire/fhir/v2"), mockURL: session.baseURL))
        }
    }

    /// What `--base-url` names.
    enum BaseURLKind {
        /// A udata server's root.
        case catalogue
        /// An Annuaire Santé FHIR endpoint.
        case annuaire
    }
}
