import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP
import SanteMockPlatform
import Testing

/// Checks on network failures and how they are reported.
enum FailureChecks {
    static func connectionRefused(_ target: ConformanceTarget) async throws {
        let port = try RefusingPort()
        let request = HTTPRequest(
            method: .post, scheme: "http", authority: "127.0.0.1:\(port.number)", path: "/_mock/echo")
        let started = ContinuousClock.now
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await target.transport().send(request, body: HTTPBody("{}"), context: RequestContext())
        }
        #expect(error?.code == .transport)
        #expect(error?.requestWasSent == false)
        #expect(error?.isRetryable == true)
        #expect(error?.method == .post)
        #expect(error?.url?.contains("127.0.0.1:\(port.number)") == true)
        #expect(ContinuousClock.now - started < .seconds(25))
        withExtendedLifetime(port) {}
    }

    static func connectionReset(_ target: ConformanceTarget) async throws {
        await target.platform.faults.inject(
            MockFault(.connectionReset, phase: .afterHandler), on: MockRoute(path: "/_mock/echo"), count: 1)
        let started = ContinuousClock.now
        let error = await #expect(throws: SanteHTTPError.self) {
            let (_, body) = try await target.transport().send(
                target.request(.post, "/_mock/echo"), body: HTTPBody(#"{"order":1}"#),
                context: RequestContext(options: RequestOptions(operation: "conformance.reset")))
            _ = try await collect(body)
        }
        #expect(error?.code == .transport)
        #expect(error?.requestWasSent != false)
        #expect(error?.operation == "conformance.reset")
        #expect(ContinuousClock.now - started < .seconds(25))
        // The transport sends a request once: retrying is the retry middleware's decision.
        let log = await target.platform.requestLog.entries(forPath: "/_mock/echo")
        #expect(log.map(\.handlerRan) == [true])
    }

    static func truncatedBody(_ target: ConformanceTarget) async throws {
        await target.platform.faults.inject(
            MockFault(.truncatedBody, phase: .afterHandler), on: MockRoute(path: "/_mock/bytes"), count: 1)
        let error = await #expect(throws: SanteHTTPError.self) {
            // A streaming transport returns the head, then fails while the body is read.
            let (_, body) = try await target.transport().send(
                target.request(.get, "/_mock/bytes?count=4000"), body: nil, context: RequestContext())
            _ = try await collect(body)
        }
        #expect(error?.code == .transport)
        #expect(error?.message.contains("truncated") == true)
        #expect(error?.requestWasSent == true)
    }
}

/// A TCP port on 127.0.0.1 that is bound but not listening, so that connecting to it is refused at once.
/// No other socket can take the port while this one holds it.
final class RefusingPort: Sendable {
    let number: Int
    private let descriptor: Int32

    struct SetupError: Error, CustomStringConvertible {
        let step: String
        var description: String { "could not reserve a refusing port: \(step) failed" }
    }

    init() throws {
        #if canImport(Glibc) || canImport(Musl)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw SetupError(step: "socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            _ = Foundation.close(descriptor)
            throw SetupError(step: "bind")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getsockname(descriptor, $0, &length)
            }
        }
        guard named == 0 else {
            _ = Foundation.close(descriptor)
            throw SetupError(step: "getsockname")
        }
        self.descriptor = descriptor
        self.number = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit {
        _ = Foundation.close(descriptor)
    }
}
