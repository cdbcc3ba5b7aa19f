import AsyncHTTPClient
import HTTPTypes
import NIOCore
import NIOSSL
import SanteCore
import SanteHTTP
import Testing

@testable import SanteAsyncHTTPClient

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("AsyncHTTPClient errors map to SanteHTTPError")
struct ErrorMappingTests {
    private let context = RequestErrorContext(
        request: HTTPRequest(
            method: .post, scheme: "https", authority: "api.example.org", path: "/fhir/Patient?access_token=secret"),
        context: RequestContext(options: RequestOptions(operation: "dmp.publish")))

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let error: any Error
        let code: SanteErrorCode
        let requestWasSent: Bool?
        var testDescription: String { name }
    }

    static let exchangeCases: [Case] = [
        Case(name: "connect timeout", error: HTTPClientError.connectTimeout, code: .timeout, requestWasSent: false),
        Case(
            name: "no connection from the pool in time", error: HTTPClientError.getConnectionFromPoolTimeout,
            code: .timeout, requestWasSent: false),
        Case(
            name: "channel connect timeout", error: ChannelError.connectTimeout(.seconds(1)), code: .timeout,
            requestWasSent: false),
        Case(
            name: "TLS handshake timeout", error: HTTPClientError.tlsHandshakeTimeout, code: .timeout,
            requestWasSent: false),
        Case(name: "read timeout", error: HTTPClientError.readTimeout, code: .timeout, requestWasSent: true),
        Case(name: "deadline", error: HTTPClientError.deadlineExceeded, code: .timeout, requestWasSent: nil),
        Case(
            name: "remote closed", error: HTTPClientError.remoteConnectionClosed, code: .transport,
            requestWasSent: nil),
        Case(
            name: "connection refused", error: IOError(errnoCode: ECONNREFUSED, reason: "connect"), code: .transport,
            requestWasSent: false),
        Case(
            name: "connection reset", error: IOError(errnoCode: ECONNRESET, reason: "read"), code: .transport,
            requestWasSent: nil),
        Case(name: "cancelled", error: HTTPClientError.cancelled, code: .cancelled, requestWasSent: nil),
        Case(name: "task cancelled", error: CancellationError(), code: .cancelled, requestWasSent: nil),
        Case(
            name: "client shut down", error: HTTPClientError.alreadyShutdown, code: .configuration,
            requestWasSent: false),
        Case(
            name: "TLS handshake refused", error: NIOSSLError.unableToValidateCertificate, code: .transport,
            requestWasSent: false),
        Case(name: "unclean TLS close", error: NIOSSLError.uncleanShutdown, code: .transport, requestWasSent: nil),
        Case(
            name: "redirect limit", error: HTTPClientError.redirectLimitReached, code: .transport,
            requestWasSent: true),
        Case(
            name: "request body length mismatch", error: HTTPClientError.bodyLengthMismatch, code: .validation,
            requestWasSent: nil),
    ]

    @Test("Errors before the response", arguments: exchangeCases)
    func exchange(_ testCase: Case) {
        let mapped = AsyncHTTPClientErrorMapping.map(testCase.error, phase: .exchange, context: context)
        #expect(mapped.code == testCase.code)
        #expect(mapped.requestWasSent == testCase.requestWasSent)
        #expect(mapped.operation == "dmp.publish")
        #expect(mapped.method == .post)
        #expect(mapped.url?.contains("secret") == false)
        #expect(mapped.underlyingError != nil)
        if testCase.code == .cancelled || testCase.code == .configuration {
            #expect(mapped.isRetryable == false)
        }
    }

    @Test("A connection lost mid-body is a truncation when bytes were missing")
    func lostDuringBody() {
        let truncated = AsyncHTTPClientErrorMapping.map(
            HTTPClientError.remoteConnectionClosed, phase: .responseBody(receivedBytes: 2000, expectedBytes: 4000),
            context: context)
        #expect(truncated.code == .transport)
        #expect(truncated.message.contains("truncated"))
        #expect(truncated.message.contains("2000 of 4000"))
        #expect(truncated.requestWasSent == true)

        let unannounced = AsyncHTTPClientErrorMapping.map(
            IOError(errnoCode: ECONNRESET, reason: "read"),
            phase: .responseBody(receivedBytes: 10, expectedBytes: nil), context: context)
        #expect(unannounced.code == .transport)
        #expect(unannounced.message.contains("lost while reading"))
        #expect(unannounced.requestWasSent == true)

        let stalled = AsyncHTTPClientErrorMapping.map(
            HTTPClientError.readTimeout, phase: .responseBody(receivedBytes: 10, expectedBytes: 100), context: context)
        #expect(stalled.code == .timeout)
        #expect(stalled.requestWasSent == true)
    }

    @Test("A request body that cannot be read is a body problem, not a network one")
    func requestBodyFailure() {
        let twice = AsyncHTTPClientErrorMapping.map(
            RequestBodyReadFailure(underlying: HTTPBody.AlreadyIteratedError()), phase: .exchange, context: context)
        #expect(twice.code == .validation)
        #expect(twice.isRetryable == false)

        struct DiskError: Error {}
        let unreadable = AsyncHTTPClientErrorMapping.map(
            RequestBodyReadFailure(underlying: DiskError()), phase: .exchange, context: context)
        #expect(unreadable.code == .transport)
        #expect(unreadable.message.contains("request body"))
        #expect(unreadable.isRetryable == false)
    }

    @Test("A SanteHTTPError passes through with the request's details filled in")
    func passthrough() {
        let original = SanteHTTPError(code: .validation, message: "bad body")
        let mapped = AsyncHTTPClientErrorMapping.map(original, phase: .exchange, context: context)
        #expect(mapped.code == .validation)
        #expect(mapped.message == "bad body")
        #expect(mapped.operation == "dmp.publish")
    }
}
