import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP
import SanteMockPlatform
import SanteOpenData
import Synchronization

/// Starts a mock platform on 127.0.0.1:0, runs `body`, and stops the platform whatever happens.
func withMockPlatform<Result>(_ body: (MockPlatform) async throws -> Result) async throws -> Result {
    let platform = try await MockPlatform.start(MockPlatform.Configuration(host: "127.0.0.1", port: 0, seed: 1))
    do {
        let result = try await body(platform)
        await platform.stop()
        return result
    } catch {
        await platform.stop()
        throw error
    }
}

extension MockPlatform {
    /// A pipeline at `path` under the platform's root, on a fresh URLSessionTransport.
    func openDataHTTP(_ path: String, middlewares: [any HTTPMiddleware] = []) -> SanteHTTPClient {
        SanteHTTPClient(
            baseURL: baseURL.appending(path: path), transport: URLSessionTransport(), middlewares: middlewares)
    }

    /// The catalogue client on the mock.
    func catalogue(apiKey: String? = nil) -> DataGouvClient {
        DataGouvClient(http: openDataHTTP("data"), apiKeyProvider: apiKey.map(OpenDataStaticAPIKey.init))
    }
}

/// A middleware that cuts the body of the first response it sees after `limit` bytes, as a dropped
/// connection would; later responses pass untouched.
final class CutFirstBodyMiddleware: HTTPMiddleware {
    private let limit: Int
    private let used = Mutex(false)

    init(after limit: Int) {
        self.limit = limit
    }

    func intercept(_ request: HTTPRequest, body: HTTPBody?, context: RequestContext, next: HTTPHandler) async throws
        -> (HTTPResponse, HTTPBody?)
    {
        let (response, responseBody) = try await next(request, body, context)
        let first = used.withLock { used in
            defer { used = true }
            return !used
        }
        guard first, let responseBody else { return (response, responseBody) }
        let bytes = try await responseBody.collect(upTo: 64 * 1024 * 1024)
        return (response, TestSupport.failingBody([Array(bytes.prefix(limit))]))
    }
}
