public import Foundation
public import HTTPTypes
import Synchronization

/// A transport for unit tests: it answers from a queue of expectations, in order, and records every
/// request it receives.
///
/// Matching is strict: each request must match the next expectation's method and path (without the
/// query), and its query items, headers or body predicate when given. A request that does not match, or
/// that arrives when no expectation is left, makes ``send(_:body:context:)`` throw a
/// ``StubTransportError`` naming what was expected and what arrived (the pipeline wraps it in a
/// `.transport` ``SanteHTTPError`` whose `underlyingError` it is). At the end of a test,
/// ``verifyAllExpectationsConsumed()`` reports expectations never used and mismatches seen.
///
/// ```swift
/// let stub = StubTransport()
/// stub.expect(.get, "/fhir/Patient", query: ["name": "Dupont"], respond: .json(#"{"total":0}"#))
/// stub.expect(.post, "/fhir/Patient", respond: .status(503))
/// // ... run the code under test ...
/// try stub.verifyAllExpectationsConsumed()
/// #expect(stub.recordedRequests.count == 2)
/// ```
public final class StubTransport: HTTPTransport {
    /// One request the stub expects, and how it answers it.
    public struct Expectation: Sendable, CustomStringConvertible {
        /// The expected method.
        public var method: HTTPRequest.Method
        /// The expected path, without the query (such as `/fhir/Patient`).
        public var path: String
        /// The expected query items (decoded names and values, compared as a whole), or `nil` for any query.
        public var query: [String: String]?
        /// Header fields the request must carry with exactly these values.
        public var headerFields: HTTPFields
        /// An extra condition on the recorded request (for example on its body).
        public var predicate: (@Sendable (StubTransport.RecordedRequest) -> Bool)?
        /// The answer.
        public var response: StubTransport.Response

        /// Creates an expectation.
        /// - Parameters:
        ///   - method: The expected method.
        ///   - path: The expected path, without the query.
        ///   - query: The expected query items, or `nil` for any query.
        ///   - headerFields: Header fields the request must carry with these values.
        ///   - predicate: An extra condition on the request.
        ///   - response: The answer.
        public init(
            method: HTTPRequest.Method,
            path: String,
            query: [String: String]? = nil,
            headerFields: HTTPFields = [:],
            predicate: (@Sendable (StubTransport.RecordedRequest) -> Bool)? = nil,
            response: StubTransport.Response
        ) {
            self.method = method
            self.path = path
            self.query = query
            self.headerFields = headerFields
            self.predicate = predicate
            self.response = response
        }

        /// `GET /path?name=value [headers] [predicate]`.
        public var description: String {
            var text = "\(method.rawValue) \(path)"
            if let query {
                text += "?" + query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
            }
            if !headerFields.isEmpty {
                text +=
                    " with headers " + headerFields.map { "\($0.name.rawName): \($0.value)" }.joined(separator: ", ")
            }
            if predicate != nil { text += " matching a predicate" }
            return text
        }
    }

    /// How the stub answers a matched request.
    public enum Response: Sendable {
        /// A response with an optional body.
        case response(HTTPResponse, body: Data?)
        /// A thrown error (such as a `.transport` ``SanteHTTPError`` with `requestWasSent: false`).
        case error(any Error)
        /// A closure that produces the answer; it receives the recorded request (body already read).
        /// Useful for slow or hanging responses: sleep on a clock inside it.
        case handler(@Sendable (StubTransport.RecordedRequest) async throws -> (HTTPResponse, HTTPBody?))

        /// A response with `status`, optional headers and an optional body.
        /// - Parameters:
        ///   - status: The status code.
        ///   - headerFields: The response header fields.
        ///   - body: The response body.
        /// - Returns: The answer.
        public static func status(_ status: Int, headerFields: HTTPFields = [:], body: Data? = nil) -> Response {
            .response(HTTPResponse(status: .init(code: status), headerFields: headerFields), body: body)
        }

        /// A JSON response (`Content-Type: application/json`).
        /// - Parameters:
        ///   - json: The body text.
        ///   - status: The status code (default 200).
        ///   - headerFields: Extra header fields.
        /// - Returns: The answer.
        public static func json(_ json: String, status: Int = 200, headerFields: HTTPFields = [:]) -> Response {
            var fields = headerFields
            fields[.contentType] = "application/json"
            return .status(status, headerFields: fields, body: Data(json.utf8))
        }
    }

    /// A request as the stub received it.
    public struct RecordedRequest: Sendable {
        /// The request head.
        public let request: HTTPRequest
        /// The request body's bytes, or `nil` when there was no body.
        public let body: Data?
        /// The context it came with (options and attempt number).
        public let context: RequestContext

        /// The path without the query.
        public var path: String {
            let full = request.path ?? ""
            return full.firstIndex(of: "?").map { String(full[..<$0]) } ?? full
        }

        /// The decoded query items, in order.
        public var queryItems: [URLQueryItem] {
            guard let full = request.path, let questionMark = full.firstIndex(of: "?") else { return [] }
            var components = URLComponents()
            components.percentEncodedQuery = String(full[full.index(after: questionMark)...])
            return components.queryItems ?? []
        }

        /// The body as UTF-8 text, when there is one.
        public var bodyText: String? {
            body.map { String(decoding: $0, as: UTF8.self) }
        }
    }

    private struct State {
        var expectations: [Expectation]
        var recorded: [RecordedRequest] = []
        var mismatches: [StubTransportError] = []
    }

    private let state: Mutex<State>

    /// Creates a stub.
    /// - Parameter expectations: The expected requests, in order (more can be added with ``expect(_:)``).
    public init(_ expectations: [Expectation] = []) {
        self.state = Mutex(State(expectations: expectations))
    }

    /// Appends an expectation.
    /// - Parameter expectation: The expectation.
    public func expect(_ expectation: Expectation) {
        state.withLock { $0.expectations.append(expectation) }
    }

    /// Appends an expectation.
    /// - Parameters:
    ///   - method: The expected method.
    ///   - path: The expected path, without the query.
    ///   - query: The expected query items, or `nil` for any query.
    ///   - headerFields: Header fields the request must carry with these values.
    ///   - predicate: An extra condition on the request.
    ///   - response: The answer.
    public func expect(
        _ method: HTTPRequest.Method,
        _ path: String,
        query: [String: String]? = nil,
        headerFields: HTTPFields = [:],
        where predicate: (@Sendable (RecordedRequest) -> Bool)? = nil,
        respond response: Response
    ) {
        expect(
            Expectation(
                method: method, path: path, query: query, headerFields: headerFields, predicate: predicate,
                response: response))
    }

    /// Every request received so far, in order, including those that did not match.
    public var recordedRequests: [RecordedRequest] {
        state.withLock { $0.recorded }
    }

    /// The expectations not used yet.
    public var remainingExpectations: [Expectation] {
        state.withLock { $0.expectations }
    }

    /// Checks that every expectation was used and that no request mismatched.
    /// - Throws: ``StubTransportError`` listing the first mismatch, or the expectations left over.
    public func verifyAllExpectationsConsumed() throws {
        let (remaining, mismatches) = state.withLock { ($0.expectations, $0.mismatches) }
        if let first = mismatches.first { throw first }
        if !remaining.isEmpty {
            throw StubTransportError(
                message: "\(remaining.count) expectation(s) not consumed: "
                    + remaining.map(\.description).joined(separator: "; "))
        }
    }

    /// Matches the request against the next expectation and answers it.
    /// - Throws: ``StubTransportError`` on a mismatch, or the expectation's error.
    public func send(
        _ request: HTTPRequest,
        body: HTTPBody?,
        context: RequestContext
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let bodyData = try await body?.collect(upTo: Int.max)
        let recorded = RecordedRequest(request: request, body: bodyData, context: context)
        let next = state.withLock { state -> Result<Expectation, StubTransportError> in
            state.recorded.append(recorded)
            let number = state.recorded.count
            guard let expectation = state.expectations.first else {
                let error = StubTransportError(
                    message: "request #\(number) \(Self.describe(recorded)) was not expected: no expectation left")
                state.mismatches.append(error)
                return .failure(error)
            }
            if let difference = Self.difference(expectation, recorded) {
                let error = StubTransportError(
                    message: "request #\(number) did not match: expected \(expectation), got \(Self.describe(recorded))"
                        + " (\(difference))")
                state.mismatches.append(error)
                return .failure(error)
            }
            state.expectations.removeFirst()
            return .success(expectation)
        }
        switch next {
        case .failure(let error):
            throw error
        case .success(let expectation):
            switch expectation.response {
            case .response(let response, let cannedBody):
                return (response, cannedBody.map { HTTPBody($0) })
            case .error(let error):
                throw error
            case .handler(let handler):
                return try await handler(recorded)
            }
        }
    }

    private static func describe(_ recorded: RecordedRequest) -> String {
        "\(recorded.request.method.rawValue) \(recorded.request.path ?? "")"
    }

    /// Why `recorded` does not match `expectation`, or `nil` when it does.
    private static func difference(_ expectation: Expectation, _ recorded: RecordedRequest) -> String? {
        if expectation.method != recorded.request.method { return "method differs" }
        if expectation.path != recorded.path { return "path differs" }
        if let query = expectation.query {
            var actual: [String: String] = [:]
            for item in recorded.queryItems { actual[item.name] = item.value ?? "" }
            if actual != query { return "query differs" }
        }
        for field in expectation.headerFields where recorded.request.headerFields[field.name] != field.value {
            return "header \(field.name.rawName) differs"
        }
        if let predicate = expectation.predicate, !predicate(recorded) { return "predicate failed" }
        return nil
    }
}

/// A request that the ``StubTransport`` did not expect, or expectations it never used.
public struct StubTransportError: Error, Hashable, CustomStringConvertible {
    /// What went wrong: the expected request and the actual one.
    public let message: String

    /// Creates the error.
    /// - Parameter message: What went wrong.
    public init(message: String) {
        self.message = message
    }

    /// `StubTransport: <message>`.
    public var description: String { "StubTransport: \(message)" }
}
