import Foundation
import HTTPTypes
import SanteHTTP
import SanteMockPlatform

/// What a check works with: the running mock platform and the transport under test.
struct ConformanceTarget: Sendable {
    let platform: MockPlatform
    let subject: TransportConformance.Subject

    /// A new transport with `settings`.
    func transport(_ settings: TransportConformance.Settings = .standard) -> any HTTPTransport {
        subject.makeTransport(settings)
    }

    /// An absolute request to the mock, `pathAndQuery` starting with `/`.
    func request(
        _ method: HTTPRequest.Method, _ pathAndQuery: String, headerFields: HTTPFields = [:]
    ) -> HTTPRequest {
        HTTPRequest(
            method: method, scheme: "http", authority: "127.0.0.1:\(platform.port)", path: pathAndQuery,
            headerFields: headerFields)
    }
}

/// Starts a mock platform on 127.0.0.1:0, runs `body`, and stops the platform whatever happens.
func withMockPlatform(_ body: (MockPlatform) async throws -> Void) async throws {
    let platform = try await MockPlatform.start(MockPlatform.Configuration(host: "127.0.0.1", port: 0, seed: 1))
    do {
        try await body(platform)
        await platform.stop()
    } catch {
        await platform.stop()
        throw error
    }
}

/// The JSON the mock's `/_mock/echo` route answers with.
struct Echo: Decodable, Sendable {
    let method: String
    let path: String
    let query: String
    let headers: [String: String]
    let bodyBase64: String
    let bodyByteCount: Int

    /// The body the server received.
    var body: Data? { Data(base64Encoded: bodyBase64) }
}

/// The bytes `/_mock/bytes?count=N` sends: byte `i` is `i % 251`.
func bytesPattern(count: Int) -> Data {
    Data((0..<count).map { UInt8($0 % 251) })
}

/// Bytes that are not a repetition of a short period, so that a misplaced chunk shows.
func distinctivePayload(count: Int) -> Data {
    var generator = SplitMix(seed: UInt64(count))
    return Data((0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
}

/// Reads a response body whole (an absent body reads as empty).
func collect(_ body: HTTPBody?) async throws -> Data {
    try await body?.collect(upTo: 64 * 1024 * 1024) ?? Data()
}

/// A small deterministic generator for test payloads.
private struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
