import Crypto
import Foundation
import SanteMockPlatform
import Synchronization
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The shared sample data (`../shared/data/opendata` next to the repository), read in place, never copied.
enum OpenDataSamples {
    /// `<repository>/../shared/data/opendata`.
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data/opendata")

    /// Whether the recorded udata responses are present.
    static var hasRecordedResponses: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("udata-api-responses").path)
    }

    /// Whether the sample files are present.
    static var hasSamples: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("vacsi").path)
    }

    /// The `body` of a recorded response, such as `v1_datasets_page.json`.
    static func recordedBody(_ name: String) throws -> [String: Any] {
        let recording = try object(Data(contentsOf: directory.appendingPathComponent("udata-api-responses/\(name)")))
        return try #require(recording["body"] as? [String: Any])
    }

    /// A recorded response's header.
    static func recordedHeader(_ name: String, _ header: String) throws -> String? {
        let recording = try object(Data(contentsOf: directory.appendingPathComponent("udata-api-responses/\(name)")))
        return (recording["headers"] as? [String: String])?[header]
    }

    /// The first line of a sample file.
    static func header(_ path: String) throws -> String {
        let text = try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
        return String(text.prefix { $0 != "\n" && $0 != "\r" })
    }

    /// A sample JSON object.
    static func sampleObject(_ path: String) throws -> [String: Any] {
        try object(Data(contentsOf: directory.appendingPathComponent(path)))
    }

    static func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}

/// Requests without any cache or automatic redirect, so that `304`, `206` and `302` reach the test as sent.
enum OpenDataHTTP {
    static func get(_ url: URL, headers: [String: String] = [:], method: String = "GET") async throws -> HTTPResult {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalAndRemoteCacheData
        let session = URLSession(configuration: configuration, delegate: RedirectRefuser(), delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        var request = URLRequest(url: url)
        request.httpMethod = method
        for (name, value) in headers {
            request.setValue(value, forHTTPHeaderField: name)
        }
        let (data, response) = try await session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return HTTPResult(status: http.statusCode, response: http, body: data)
    }

    static func json(_ url: URL, headers: [String: String] = [:]) async throws -> [String: Any] {
        let result = try await get(url, headers: headers)
        #expect(result.status == 200, "GET \(url) answered \(result.status)")
        return try OpenDataSamples.object(result.body)
    }
}

/// Refuses HTTP redirects, so the test sees the `302` itself.
final class RedirectRefuser: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

/// Downloads a file chunk by chunk, counting lines and hashing as the bytes arrive, keeping none of them.
final class StreamingLineCounter: NSObject, URLSessionDataDelegate, Sendable {
    struct Outcome: Sendable {
        var status = 0
        var contentLength: String?
        var byteCount = 0
        var lineCount = 0
        var chunkCount = 0
        var largestChunk = 0
        var sha1 = ""
    }

    private struct State {
        var outcome = Outcome()
        var hasher = Insecure.SHA1()
        var continuation: CheckedContinuation<Outcome, any Error>?
    }

    private let state = Mutex(State())

    /// Downloads `url` and reports what streamed through.
    static func download(_ url: URL) async throws -> Outcome {
        let counter = StreamingLineCounter()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        let session = URLSession(configuration: configuration, delegate: counter, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        return try await withCheckedThrowingContinuation { continuation in
            counter.state.withLock { $0.continuation = continuation }
            session.dataTask(with: url).resume()
        }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let http = response as? HTTPURLResponse
        state.withLock {
            $0.outcome.status = http?.statusCode ?? 0
            $0.outcome.contentLength = http?.value(forHTTPHeaderField: "Content-Length")
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        state.withLock { state in
            state.outcome.byteCount += data.count
            state.outcome.lineCount += data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            state.outcome.chunkCount += 1
            state.outcome.largestChunk = max(state.outcome.largestChunk, data.count)
            state.hasher.update(data: data)
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let (continuation, outcome): (CheckedContinuation<Outcome, any Error>?, Outcome) = state.withLock { state in
            state.outcome.sha1 = state.hasher.finalize().map { String(format: "%02x", $0) }.joined()
            defer { state.continuation = nil }
            return (state.continuation, state.outcome)
        }
        if let error {
            continuation?.resume(throwing: error)
        } else {
            continuation?.resume(returning: outcome)
        }
    }
}

extension Dictionary where Key == String {
    /// The keys, as a set.
    var keySet: Set<String> { Set(keys) }
}

/// Hexadecimal digests for checksum checks.
enum Digests {
    static func sha1(_ data: Data) -> String {
        Insecure.SHA1.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}

extension MockPlatform {
    /// A URL under `/data`.
    func dataURL(_ path: String) throws -> URL {
        try url("/data" + path)
    }
}
