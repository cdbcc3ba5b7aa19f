import Foundation
import HTTPTypes
import SanteHTTP
import SanteMockPlatform

/// Starts a mock platform on 127.0.0.1:0, runs `body`, and stops the platform whatever happens.
func withPlatform<Result>(_ body: (MockPlatform) async throws -> Result) async throws -> Result {
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

/// An absolute request to `platform`, `pathAndQuery` starting with `/`.
func mockRequest(
    _ platform: MockPlatform, _ method: HTTPRequest.Method, _ pathAndQuery: String, headerFields: HTTPFields = [:]
) -> HTTPRequest {
    HTTPRequest(
        method: method, scheme: "http", authority: "127.0.0.1:\(platform.port)", path: pathAndQuery,
        headerFields: headerFields)
}

/// The JSON the mock's `/_mock/echo` route answers with.
struct Echo: Decodable {
    let method: String
    let path: String
    let query: String
    let headers: [String: String]
    let bodyBase64: String
    let bodyByteCount: Int
}

/// Reads a body whole (an absent body reads as empty).
func collect(_ body: HTTPBody?) async throws -> Data {
    try await body?.collect(upTo: 64 * 1024 * 1024) ?? Data()
}

/// The bytes `/_mock/bytes?count=N` sends: byte `i` is `i % 251`.
func bytesPattern(count: Int) -> Data {
    Data((0..<count).map { UInt8($0 % 251) })
}

extension Result {
    /// The error, when the result is a failure.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
