import Foundation
import HTTPTypes
import Logging
import SanteCore
import Synchronization
import Testing

@testable import SanteHTTP

/// Log records kept in memory by ``CapturingLogHandler``.
final class LogStore: Sendable {
    struct Record: Sendable {
        let level: Logger.Level
        let message: String
        let metadata: Logger.Metadata
    }

    private let records = Mutex<[Record]>([])

    var all: [Record] { records.withLock { $0 } }

    func append(_ record: Record) {
        records.withLock { $0.append(record) }
    }

    /// Every message and metadata value flattened to text, to search for leaks.
    var fullText: String {
        all.map { record in
            record.message + " "
                + record.metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                .joined(separator: " ")
        }.joined(separator: "\n")
    }

    /// A logger that writes into this store (injected, never bootstrapped).
    func logger(level: Logger.Level = .trace) -> Logger {
        var logger = Logger(label: "test") { _ in CapturingLogHandler(store: self) }
        logger.logLevel = level
        return logger
    }
}

/// A swift-log handler that keeps every record in a ``LogStore``.
struct CapturingLogHandler: LogHandler {
    let store: LogStore
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        store.append(
            LogStore.Record(
                level: event.level, message: event.message.description,
                metadata: metadata.merging(event.metadata ?? [:]) { _, new in new }))
    }
}

/// A counter shared with `@Sendable` closures.
final class Counter: Sendable {
    private let value = Mutex(0)

    var count: Int { value.withLock { $0 } }

    @discardableResult
    func increment() -> Int {
        value.withLock { value in
            value += 1
            return value
        }
    }
}

/// Values recorded by `@Sendable` closures.
final class Recorder<Value: Sendable>: Sendable {
    private let values = Mutex<[Value]>([])

    var all: [Value] { values.withLock { $0 } }

    func record(_ value: Value) {
        values.withLock { $0.append(value) }
    }
}

enum Fixtures {
    static let baseURL = testURL("https://api.example.fr/fhir")

    static func request(
        _ method: HTTPRequest.Method = .get,
        path: String = "/fhir/Patient",
        headerFields: HTTPFields = [:]
    ) -> HTTPRequest {
        HTTPRequest(
            method: method, scheme: "https", authority: "api.example.fr", path: path, headerFields: headerFields)
    }

    /// A transport error as a transport reports it.
    static func transportError(requestWasSent: Bool?) -> SanteHTTPError {
        SanteHTTPError(code: .transport, message: "connection failed", requestWasSent: requestWasSent)
    }

    /// A single-pass body made of the given chunks.
    static func singlePassBody(_ text: String) -> HTTPBody {
        let stream = AsyncStream<ArraySlice<UInt8>> { continuation in
            continuation.yield(ArraySlice(Array(text.utf8)))
            continuation.finish()
        }
        return HTTPBody(stream, length: .known(Int64(text.utf8.count)), iterationBehavior: .single)
    }
}

extension HTTPField.Name {
    static let requestID = fieldName("X-Request-ID")
    static let idempotencyKey = fieldName("Idempotency-Key")
    static let apiKey = fieldName("X-API-KEY")
}

/// Runs a body through a middleware with a stub `next`.
func run(
    _ middleware: any HTTPMiddleware,
    request: HTTPRequest = Fixtures.request(),
    body: HTTPBody? = nil,
    context: RequestContext = RequestContext(),
    next: @escaping HTTPHandler
) async throws -> (HTTPResponse, HTTPBody?) {
    try await middleware.intercept(request, body: body, context: context, next: next)
}

/// Reads a body as text.
func text(_ body: HTTPBody?) async throws -> String {
    guard let body else { return "" }
    return String(decoding: try await body.collect(upTo: 1 << 24), as: UTF8.self)
}

/// A URL from a literal known to be valid.
func testURL(_ text: String) -> URL {
    guard let url = URL(string: text) else { preconditionFailure("invalid test URL \(text)") }
    return url
}

/// A header field name from a literal known to be valid.
func fieldName(_ name: String) -> HTTPField.Name {
    guard let fieldName = HTTPField.Name(name) else { preconditionFailure("invalid test field name \(name)") }
    return fieldName
}
