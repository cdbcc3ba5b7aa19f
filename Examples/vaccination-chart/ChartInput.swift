import ArgumentParser
import Foundation
import HTTPTypes
import Logging
import SanteAsyncHTTPClient
import SanteKit
import SanteMockPlatform

/// The bytes of the input, as they arrive.
enum ByteSource {
    /// A local file, read in chunks.
    case file(FileByteChunks)
    /// A response body, streamed from the network.
    case http(HTTPBody)
}

/// Where the VACSI rows come from: a local file, a URL, or a catalogue resource (by default the national VACSI
/// file, `vacsi-fra`, of the catalogue at `--base-url` or of a mock platform).
enum ChartInput {
    /// The national VACSI file's resource id on data.gouv.fr (and on the mock).
    static let nationalVacsiResource = "efe23314-67c4-45d3-89a2-3faef82fae90"

    /// What `--input` names.
    enum Kind: Equatable {
        /// A local CSV file.
        case file(URL)
        /// A file at an http(s) URL.
        case url(URL)
        /// A catalogue resource id.
        case resource(String)
    }

    /// Reads `--input` (nil for the default resource).
    /// - Throws: `ValidationError` for a path that does not exist.
    static func kind(_ input: String?) throws -> Kind {
        guard let input, !input.isEmpty else { return .resource(nationalVacsiResource) }
        if input.hasPrefix("http://") || input.hasPrefix("https://") {
            guard let url = URL(string: input), url.host() != nil else {
                throw ArgumentParser.ValidationError("--input '\(input)' is not a valid URL")
            }
            return .url(url)
        }
        let fileURL = URL(fileURLWithPath: input)
        if FileManager.default.fileExists(atPath: fileURL.path) { return .file(fileURL) }
        let looksLikePath = input.contains("/") || input.lowercased().hasSuffix(".csv") || input.hasPrefix(".")
        if looksLikePath { throw ArgumentParser.ValidationError("--input: no such file '\(input)'") }
        return .resource(input)
    }

    /// Runs `read` over the input's bytes, streamed, and returns what it returns with a description of the source.
    static func withBytes<T>(
        _ kind: Kind,
        baseURL: URL?,
        mockURL: URL?,
        logger: Logger,
        _ read: (ByteSource) async throws -> T
    ) async throws -> (T, String) {
        switch kind {
        case .file(let url):
            ChartOutput.info("Reading \(url.path)")
            return (try await read(.file(FileByteChunks(url: url))), url.lastPathComponent)
        case .url(let url):
            let http = try httpClient(baseURL: url, logger: logger)
            return (try await stream(url, http: http, read), url.absoluteString)
        case .resource(let id):
            return try await withCatalogue(baseURL: baseURL, mockURL: mockURL) { catalogueURL in
                let http = try httpClient(baseURL: catalogueURL, logger: logger)
                let resource: DataGouvResource
                do {
                    resource = try await DataGouvClient(http: http).resource(id)
                } catch let error as OpenDataError where error.reason == .notFound {
                    throw ChartFailure(reason: "no resource \"\(id)\" in the catalogue at \(catalogueURL) [not_found]")
                }
                guard let url = resource.downloadURL else {
                    throw ChartFailure(reason: "the resource \(id) has no URL")
                }
                ChartOutput.info("Resource \(id): \(resource.title ?? "?")")
                return (try await stream(url, http: http, read), "\(resource.title ?? id) (\(url.absoluteString))")
            }
        }
    }

    /// Streams the body of `url` into `read`.
    private static func stream<T>(
        _ url: URL, http: SanteHTTPClient, _ read: (ByteSource) async throws -> T
    ) async throws -> T {
        ChartOutput.info("Streaming \(url.absoluteString)")
        let request = try http.makeRequest(.get, path: url.absoluteString)
        let (response, body) = try await http.send(
            request, options: RequestOptions(operation: "vaccination-chart.input", timeout: .seconds(600)))
        guard response.status.kind == .successful else {
            throw ChartFailure(reason: "\(url.absoluteString) answered HTTP \(response.status.code)")
        }
        return try await read(.http(body ?? HTTPBody()))
    }

    /// A pipeline on the AsyncHTTPClient transport, whose response bodies stream (URLSession's do not on
    /// Linux), following redirects (`latest` links).
    private static func httpClient(baseURL: URL, logger: Logger) throws -> SanteHTTPClient {
        var configuration = AsyncHTTPClientTransport.Configuration()
        configuration.followsRedirects = true
        let platform = SantePlatform(
            environment: SanteEnvironment(name: "vaccination-chart"),
            transport: AsyncHTTPClientTransport(configuration: configuration), logger: logger,
            appProduct: "vaccination-chart/\(SanteKitVersion.current)")
        return try platform.httpClient(baseURL: baseURL)
    }

    /// Runs `body` with the catalogue root: `--base-url`, a running mock, or a mock started in this process.
    private static func withCatalogue<T>(
        baseURL: URL?, mockURL: URL?, _ body: (URL) async throws -> T
    ) async throws -> T {
        if let baseURL {
            ChartOutput.info("Using the catalogue at \(baseURL.absoluteString)")
            return try await body(baseURL)
        }
        if let mockURL {
            ChartOutput.info("Using the mock platform at \(mockURL.absoluteString)")
            return try await body(mockURL.appending(path: "data"))
        }
        let platform = try await MockPlatform.start()
        ChartOutput.info("Started a mock platform in this process at \(platform.baseURL.absoluteString)")
        do {
            let result = try await body(platform.baseURL.appending(path: "data"))
            await platform.stop()
            return result
        } catch {
            await platform.stop()
            throw error
        }
    }
}
