import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP
import SanteOpenData

/// Builders for unit tests on the stub transport.
enum TestSupport {
    /// A pipeline on `stub`, based at `baseURL`, without middlewares (or with the given ones).
    static func http(
        _ stub: StubTransport,
        baseURL: String = "https://www.data.gouv.fr",
        middlewares: [any HTTPMiddleware] = []
    ) -> SanteHTTPClient {
        SanteHTTPClient(
            baseURL: URL(string: baseURL) ?? URL(fileURLWithPath: "/"), transport: stub, middlewares: middlewares)
    }

    /// The error thrown by `body` as an `OpenDataError`, or `nil`.
    static func openDataError(_ body: () async throws -> Void) async -> OpenDataError? {
        do {
            try await body()
            return nil
        } catch {
            return error as? OpenDataError
        }
    }

    /// Every element of an async sequence.
    static func collect<Sequence: AsyncSequence>(_ sequence: Sequence) async throws -> [Sequence.Element] {
        var elements: [Sequence.Element] = []
        for try await element in sequence { elements.append(element) }
        return elements
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("santekit-opendata-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A response body that yields `chunks`, then fails as a dropped connection would.
    static func failingBody(_ chunks: [[UInt8]], declaredLength: Int64? = nil) -> HTTPBody {
        let stream = AsyncThrowingStream<ArraySlice<UInt8>, any Error> { continuation in
            for chunk in chunks { continuation.yield(chunk[...]) }
            continuation.finish(throwing: SanteHTTPError(code: .transport, message: "connection reset by peer"))
        }
        return HTTPBody(stream, length: declaredLength.map { .known($0) } ?? .unknown)
    }

    /// A header field name.
    static func field(_ name: String) -> HTTPField.Name {
        HTTPField.Name(name) ?? .accept
    }
}
