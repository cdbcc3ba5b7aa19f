public import Foundation
public import HTTPTypes
public import Logging
import SanteCore

/// The request pipeline every SanteKit client sends through: a base URL, middlewares and a transport.
///
/// A client builds typed operations on top of it and adds no networking of its own:
/// ```swift
/// let http = SanteHTTPClient(
///     baseURL: URL(string: "https://api.example.fr/fhir")!,
///     transport: URLSessionTransport(),
///     middlewares: try SanteHTTPClient.standardMiddlewares(tokenProvider: tokens, logger: logger))
/// let request = try http.makeRequest(.get, path: "Patient", query: [URLQueryItem(name: "name", value: "Dupont")])
/// let bundle = try await http.decode(Bundle.self, for: request, options: RequestOptions(operation: "dmp.search"))
/// ```
///
/// Everything it throws is a ``SanteHTTPError``: errors from the middlewares and the transport are
/// wrapped once, with the operation, the method and the redacted URL filled in. A non-2xx response seen by
/// the collecting helpers (``data(for:body:options:)``, ``decode(_:for:body:options:decoder:)``, …) becomes
/// a `.httpStatus` error carrying the status, the response headers and the first 64 KiB of the body, from
/// which each client decodes its server's error format.
public struct SanteHTTPClient: Sendable {
    /// The URL that relative request paths are resolved against (for example `https://host/fhir`).
    public let baseURL: URL
    /// The transport at the end of the pipeline.
    public let transport: any HTTPTransport
    /// The middlewares, outermost first.
    public let middlewares: [any HTTPMiddleware]
    /// The logger for the client's own messages (such as decoding failures).
    public let logger: Logger
    /// What is hidden from URLs in errors.
    public let redactor: HTTPRedactor
    /// The largest response body the collecting helpers read into memory.
    public let maximumResponseBodyBytes: Int

    private let pipeline: HTTPHandler

    /// Creates a pipeline.
    /// - Parameters:
    ///   - baseURL: The URL relative paths are resolved against.
    ///   - transport: The transport (for example ``URLSessionTransport`` or ``StubTransport``).
    ///   - middlewares: The middlewares, outermost first (see ``standardMiddlewares(tokenProvider:refreshesTokenOnUnauthorized:credentialOrigins:retryPolicy:timeout:appProduct:idempotencyKeyHeaderName:logger:redactor:accounting:clock:timeoutClock:random:)``).
    ///   - logger: The logger for the client's own messages (default: one that discards everything).
    ///   - redactor: What is hidden from URLs in errors (default ``HTTPRedactor/default``).
    ///   - maximumResponseBodyBytes: The largest body the collecting helpers read (default 32 MiB).
    public init(
        baseURL: URL,
        transport: any HTTPTransport,
        middlewares: [any HTTPMiddleware] = [],
        logger: Logger = Logger(label: "santekit.http", factory: { _ in SwiftLogNoOpLogHandler() }),
        redactor: HTTPRedactor = .default,
        maximumResponseBodyBytes: Int = 32 * 1024 * 1024
    ) {
        self.baseURL = baseURL
        self.transport = transport
        self.middlewares = middlewares
        self.logger = logger
        self.redactor = redactor
        self.maximumResponseBodyBytes = maximumResponseBodyBytes
        self.pipeline = makePipeline(middlewares, transport: transport)
    }

    /// Builds an absolute request for a path relative to ``baseURL``.
    ///
    /// - Parameters:
    ///   - method: The method.
    ///   - path: A path relative to the base URL's path (`"Patient"` or `"/Patient"` both give
    ///     `<base path>/Patient`), possibly with a query; or an absolute `http(s)://` URL (such as a paging
    ///     link), used as is.
    ///   - query: Query items to append, percent-encoded strictly (`+` becomes `%2B`).
    ///   - headerFields: The header fields.
    /// - Returns: The request.
    /// - Throws: ``SanteHTTPError`` with code `.validation` when the URL cannot be built.
    public func makeRequest(
        _ method: HTTPRequest.Method,
        path: String,
        query: [URLQueryItem] = [],
        headerFields: HTTPFields = [:]
    ) throws -> HTTPRequest {
        let target: URL
        let relativePath: String
        if path.hasPrefix("http://") || path.hasPrefix("https://") {
            guard let absolute = URL(string: path) else {
                throw SanteHTTPError(
                    code: .validation, message: "the URL is not valid", url: redactor.redactedURL(path))
            }
            target = absolute
            relativePath = ""
        } else {
            target = baseURL
            relativePath = path
        }
        guard let components = URLComponents(url: target, resolvingAgainstBaseURL: false),
            let scheme = components.scheme, let host = components.percentEncodedHost, !host.isEmpty
        else {
            throw SanteHTTPError(
                code: .validation,
                message: "the base URL must be absolute, with a scheme and a host",
                url: redactor.redactedURL(target.absoluteString)
            )
        }
        var authority = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        if let port = components.port { authority += ":\(port)" }

        var fullPath = components.percentEncodedPath
        var existingQuery = components.percentEncodedQuery
        if !relativePath.isEmpty {
            var relative = Substring(relativePath)
            if let questionMark = relative.firstIndex(of: "?") {
                let relativeQuery = String(relative[relative.index(after: questionMark)...])
                existingQuery = [existingQuery, relativeQuery].compactMap { $0 }.filter { !$0.isEmpty }
                    .joined(separator: "&")
                relative = relative[..<questionMark]
            }
            let trimmedBase = fullPath.hasSuffix("/") ? String(fullPath.dropLast()) : fullPath
            fullPath = trimmedBase + (relative.hasPrefix("/") ? "" : "/") + relative
        }
        if fullPath.isEmpty { fullPath = "/" }
        let addedQuery = query.isEmpty ? nil : QueryEncoding.encode(query)
        let queryText = [existingQuery, addedQuery].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "&")
        if !queryText.isEmpty { fullPath += "?" + queryText }
        return HTTPRequest(
            method: method,
            scheme: scheme,
            authority: authority,
            path: fullPath,
            headerFields: headerFields
        )
    }

    /// Sends a request through the middlewares and the transport, and returns the response as it is,
    /// whatever its status, with its body still streaming.
    ///
    /// - Parameters:
    ///   - request: The request (absolute; see ``makeRequest(_:path:query:headerFields:)``).
    ///   - body: The request body, if any.
    ///   - options: Per-request options: operation, idempotency key, retry eligibility, timeout.
    /// - Returns: The response and its body.
    /// - Throws: ``SanteHTTPError`` (with code `.cancelled` when the task was cancelled).
    public func send(
        _ request: HTTPRequest,
        body: HTTPBody? = nil,
        options: RequestOptions = RequestOptions()
    ) async throws -> (HTTPResponse, HTTPBody?) {
        do {
            try Task.checkCancellation()
            return try await pipeline(request, body, RequestContext(options: options))
        } catch {
            throw normalized(error, request: request, options: options)
        }
    }

    /// Sends a request, requires a 2xx status, and reads the whole response body.
    ///
    /// - Parameters:
    ///   - request: The request.
    ///   - body: The request body, if any.
    ///   - options: Per-request options.
    /// - Returns: The response and its body's bytes (empty when it has none).
    /// - Throws: ``SanteHTTPError``: `.httpStatus` for a non-2xx status (with a bounded body snippet),
    ///   `.transport` when the body is cut short or larger than ``maximumResponseBodyBytes``.
    public func data(
        for request: HTTPRequest,
        body: HTTPBody? = nil,
        options: RequestOptions = RequestOptions()
    ) async throws -> (HTTPResponse, Data) {
        let (response, responseBody) = try await send(request, body: body, options: options)
        do {
            guard response.status.kind == .successful else {
                throw try await statusError(response, body: responseBody, request: request, options: options)
            }
            let data = try await responseBody?.collect(upTo: maximumResponseBodyBytes) ?? Data()
            return (response, data)
        } catch {
            throw normalized(error, request: request, options: options)
        }
    }

    /// Turns a non-2xx response into a `.httpStatus` ``SanteHTTPError`` with a bounded body snippet.
    ///
    /// Useful to a client that called ``send(_:body:options:)`` and handles some statuses itself.
    /// - Parameters:
    ///   - response: The response.
    ///   - body: Its body; at most ``SanteHTTPError/maximumBodySnippetBytes`` are read.
    ///   - request: The request, for the method and the redacted URL.
    ///   - options: The request options, for the operation.
    /// - Returns: The error.
    /// - Throws: ``SanteHTTPError`` with code `.transport` when reading the body fails.
    public func statusError(
        _ response: HTTPResponse,
        body: HTTPBody?,
        request: HTTPRequest,
        options: RequestOptions = RequestOptions()
    ) async throws -> SanteHTTPError {
        let snippet: (data: Data, truncated: Bool)?
        do {
            snippet = try await body?.collectPrefix(upTo: SanteHTTPError.maximumBodySnippetBytes)
        } catch {
            throw normalized(error, request: request, options: options)
        }
        return SanteHTTPError(
            code: .httpStatus,
            message: "the server answered HTTP \(response.status.code)",
            operation: options.operation,
            method: request.method,
            url: redactor.redactedURL(of: request),
            httpStatus: response.status.code,
            responseHeaders: response.headerFields,
            responseBody: snippet?.data,
            responseBodyIsTruncated: snippet?.truncated ?? false,
            requestWasSent: true
        )
    }

    /// Wraps any error into a ``SanteHTTPError`` once, filling in the request's details.
    func normalized(_ error: any Error, request: HTTPRequest, options: RequestOptions) -> SanteHTTPError {
        var failure: SanteHTTPError
        switch error {
        case let error as SanteHTTPError:
            failure = error
        case is CancellationError:
            failure = SanteHTTPError(
                code: .cancelled, message: "the task was cancelled", isRetryable: false, underlyingError: error)
        case let error as HTTPBody.PrematureEndError:
            failure = SanteHTTPError(
                code: .transport,
                message: "the response body was truncated: the connection ended after \(error.receivedBytes) of "
                    + "\(error.expectedBytes) bytes",
                requestWasSent: true,
                underlyingError: error
            )
        case let error as HTTPBody.TooManyBytesError:
            failure = SanteHTTPError(
                code: .transport,
                message: "the response body is larger than the limit of \(error.maximumBytes) bytes",
                requestWasSent: true,
                isRetryable: false,
                underlyingError: error
            )
        case is HTTPBody.AlreadyIteratedError:
            failure = SanteHTTPError(
                code: .validation,
                message: "a single-pass request body was read twice",
                isRetryable: false,
                underlyingError: error
            )
        default:
            // Transport failures arrive here already wrapped (see `makePipeline`): this error came from a
            // middleware or a token provider, so the message does not blame the transport.
            let santeError = error as? any SanteError
            failure = SanteHTTPError(
                code: santeError?.code ?? .transport,
                message: "the request failed with \(String(describing: type(of: error)))",
                httpStatus: santeError?.httpStatus,
                isRetryable: false,
                underlyingError: error
            )
        }
        if failure.operation == nil { failure.operation = options.operation }
        if failure.method == nil { failure.method = request.method }
        if failure.url == nil { failure.url = redactor.redactedURL(of: request) }
        return failure
    }
}
