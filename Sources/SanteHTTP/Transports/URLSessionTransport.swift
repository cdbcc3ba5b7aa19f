public import HTTPTypes
import HTTPTypesFoundation
import SanteCore
import Synchronization

#if canImport(FoundationNetworking)
    import Foundation
    public import FoundationNetworking
#else
    public import Foundation
#endif

/// The default transport, on Foundation's `URLSession` (FoundationNetworking on Linux).
///
/// Behaviour worth knowing:
/// - **Bodies are buffered.** The request body is read into memory before it is sent, and the response
///   body arrives whole. On Linux, FoundationNetworking cannot stream at all (no `bytes(for:)`); for
///   streaming, HTTP/2 or client certificates on Linux use the AsyncHTTPClient transport from the
///   `SanteAsyncHTTPClient` product.
/// - **Client certificates and custom trust roots are not supported.** When the configuration has a
///   ``Configuration/clientIdentity`` or ``Configuration/trustRoots``, ``init(validating:)`` throws and
///   every ``send(_:body:context:)`` fails at once with a `.configuration` error pointing to
///   `SanteAsyncHTTPClient`, rather than connecting without them.
/// - **Redirects are not followed** by default (API calls get the 3xx response), on Linux as on Apple
///   platforms, through the session delegate of the session this transport creates. A session you pass
///   in keeps its own redirect behaviour.
/// - **HTTP authentication challenges are not answered**: authentication is the middleware's job. On
///   Linux, FoundationNetworking would otherwise hang on a 401 carrying `WWW-Authenticate: Basic`; the
///   transport's delegate refuses the challenge and returns the 401 response with an empty body (the
///   server's body is lost in that case). A session you pass in does not get this protection.
/// - **Cancellation** of the calling task cancels the `URLSessionTask` (bridged with
///   `withTaskCancellationHandler`) and throws a `.cancelled` error.
/// - **A ``TimeoutMiddleware``'s limit** is enforced here, when every step between it and the transport allows:
///   the task is cancelled when time runs out and the request fails with the middleware's `.timeout` error.
/// - **Errors** map as follows: cannot connect, host not found, DNS failure, no network →
///   `.transport` with ``SanteHTTPError/requestWasSent`` `false`; timed out → `.timeout`; cancelled →
///   `.cancelled`; connection lost → `.transport` with `requestWasSent` unknown; body cut short →
///   `.transport` with `requestWasSent` `true`.
/// - **Requests with a body do not reuse connections on Linux** (they send `Connection: close`), because
///   libcurl stalls until the timeout when a reused connection breaks under such a request; see
///   ``Configuration/reusesConnectionsForRequestsWithBody``. For a request without a body on a reused
///   connection that breaks before any response, libcurl itself sends the request again on a new
///   connection, below the retry middleware.
/// - Cookies are neither stored nor sent, and nothing is cached, in the session this transport creates.
public struct URLSessionTransport: HTTPTransport, DeadlineEnforcingTransport {
    /// How the transport is set up.
    public struct Configuration: Sendable {
        /// The session to use, or `nil` (the default) for an ephemeral session created for this transport
        /// (never `URLSession.shared`).
        public var session: URLSession?
        /// The longest wait for data on a request (`URLRequest.timeoutInterval`); a request's own
        /// ``RequestOptions/timeout`` replaces it. Default 60 s.
        public var requestTimeout: Duration
        /// The longest time a whole transfer may take, for the session this transport creates. Default 10 min.
        public var resourceTimeout: Duration
        /// Whether the session this transport creates follows redirects (default `false`).
        public var followsRedirects: Bool
        /// The largest request body accepted (it is read into memory). Default 64 MiB.
        public var maximumRequestBodyBytes: Int
        /// Whether a request with a body may reuse a kept-alive connection (default `false`). Only read on
        /// Linux: when a reused connection breaks while a request with a body is in flight, libcurl tries to
        /// send it again on a new connection, cannot rewind the body, and stalls until the timeout. So by
        /// default the transport sends `Connection: close` with such requests (unless the request sets its
        /// own `Connection` header); they then fail at once instead. Set `true` to keep connections alive.
        public var reusesConnectionsForRequestsWithBody: Bool
        /// A TLS client certificate. Not supported by this transport: setting it makes every request fail
        /// with a `.configuration` error. Use `SanteAsyncHTTPClient`.
        public var clientIdentity: TLSClientIdentity?
        /// Custom trust roots. Not supported by this transport: setting them makes every request fail with a
        /// `.configuration` error. Use `SanteAsyncHTTPClient`.
        public var trustRoots: TLSTrustRoots?

        /// Creates a configuration.
        /// - Parameters:
        ///   - session: The session to use, or `nil` for an ephemeral one created for the transport.
        ///   - requestTimeout: The longest wait for data on a request (default 60 s).
        ///   - resourceTimeout: The longest time for a whole transfer (default 10 min; own session only).
        ///   - followsRedirects: Whether redirects are followed (default `false`; own session only).
        ///   - maximumRequestBodyBytes: The largest request body accepted (default 64 MiB).
        ///   - reusesConnectionsForRequestsWithBody: Whether, on Linux, a request with a body may reuse a
        ///     kept-alive connection (default `false`; see the property).
        ///   - clientIdentity: A TLS client certificate (not supported; see the property).
        ///   - trustRoots: Custom trust roots (not supported; see the property).
        public init(
            session: URLSession? = nil,
            requestTimeout: Duration = .seconds(60),
            resourceTimeout: Duration = .seconds(600),
            followsRedirects: Bool = false,
            maximumRequestBodyBytes: Int = 64 * 1024 * 1024,
            reusesConnectionsForRequestsWithBody: Bool = false,
            clientIdentity: TLSClientIdentity? = nil,
            trustRoots: TLSTrustRoots? = nil
        ) {
            self.session = session
            self.requestTimeout = requestTimeout
            self.resourceTimeout = resourceTimeout
            self.followsRedirects = followsRedirects
            self.maximumRequestBodyBytes = maximumRequestBodyBytes
            self.reusesConnectionsForRequestsWithBody = reusesConnectionsForRequestsWithBody
            self.clientIdentity = clientIdentity
            self.trustRoots = trustRoots
        }
    }

    /// The configuration the transport was created with.
    public let configuration: Configuration
    private let sessionOwner: SessionOwner

    /// Creates a transport. A configuration this transport cannot honour (a client identity or trust
    /// roots) makes every request fail at once; use ``init(validating:)`` to fail here instead.
    /// - Parameter configuration: The configuration (default: an ephemeral session, 60 s timeout).
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        if let session = configuration.session {
            self.sessionOwner = SessionOwner(session: session, owned: false)
        } else {
            self.sessionOwner = SessionOwner(session: Self.makeSession(configuration), owned: true)
        }
    }

    /// Creates a transport, refusing a configuration it cannot honour.
    /// - Parameter configuration: The configuration.
    /// - Throws: ``SanteHTTPError`` with code `.configuration` when a client identity or trust roots are set.
    public init(validating configuration: Configuration) throws {
        if let problem = Self.unsupportedConfiguration(configuration) { throw problem }
        self.init(configuration: configuration)
    }

    /// Sends the request with a `URLSessionTask` and returns the buffered response.
    /// - Throws: ``SanteHTTPError`` (`.configuration`, `.validation`, `.transport`, `.timeout`, `.cancelled`).
    public func send(
        _ request: HTTPRequest,
        body: HTTPBody?,
        context: RequestContext
    ) async throws -> (HTTPResponse, HTTPBody?) {
        if var problem = Self.unsupportedConfiguration(configuration) {
            problem.operation = context.operation
            problem.method = request.method
            problem.url = HTTPRedactor.default.redactedURL(of: request)
            throw problem
        }
        guard var urlRequest = URLRequest(httpRequest: request) else {
            throw SanteHTTPError(
                code: .validation,
                message: "the request has no absolute URL (scheme, authority and path are required)",
                operation: context.operation,
                method: request.method,
                requestWasSent: false,
                isRetryable: false
            )
        }
        urlRequest.timeoutInterval = (context.options.timeout ?? configuration.requestTimeout).timeInterval
        let bodyData = try await collectRequestBody(body, request: request, context: context)
        #if canImport(FoundationNetworking)
            if bodyData != nil, !configuration.reusesConnectionsForRequestsWithBody,
                urlRequest.value(forHTTPHeaderField: "Connection") == nil
            {
                urlRequest.setValue("close", forHTTPHeaderField: "Connection")
            }
        #endif
        try Task.checkCancellation()

        let session = sessionOwner.session
        let taskBox = TaskBox()
        let deadline = context.deadline
        if let deadline, deadline.hasPassed { throw deadline.timeoutError(for: request, context: context) }
        let deadlineEntry = deadline.map { $0.timer.add(taskBox, atUptime: $0.uptimeNanoseconds) }
        defer { if let deadline, let deadlineEntry { deadline.timer.remove(deadlineEntry) } }
        do {
            let (data, response) = try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation {
                    (continuation: CheckedContinuation<(Data, HTTPResponse), any Error>) in
                    let completion: @Sendable (Data?, URLResponse?, (any Error)?) -> Void = { data, response, error in
                        continuation.resume(
                            with: Self.outcome(data: data, response: response, error: error, taskBox: taskBox))
                    }
                    let task =
                        if let bodyData {
                            session.uploadTask(with: urlRequest, from: bodyData, completionHandler: completion)
                        } else {
                            session.dataTask(with: urlRequest, completionHandler: completion)
                        }
                    if taskBox.register(task) {
                        task.resume()
                    } else {
                        task.cancel()
                    }
                }
            } onCancel: {
                taskBox.cancel()
            }
            let responseBody: HTTPBody? = data.isEmpty ? nil : HTTPBody(data)
            return (response, responseBody)
        } catch {
            if Task.isCancelled {
                throw SanteHTTPError(
                    code: .cancelled,
                    message: "the task was cancelled",
                    operation: context.operation,
                    method: request.method,
                    url: HTTPRedactor.default.redactedURL(of: request),
                    isRetryable: false,
                    underlyingError: error
                )
            }
            if let deadline, taskBox.snapshot.timedOut { throw deadline.timeoutError(for: request, context: context) }
            if let failure = error as? SanteHTTPError { throw failure }
            throw URLErrorMapping.map(error, request: request, context: context)
        }
    }

    /// The result of a finished task: the response, or the error.
    private static func outcome(
        data: Data?,
        response: URLResponse?,
        error: (any Error)?,
        taskBox: TaskBox
    ) -> Result<(Data, HTTPResponse), any Error> {
        if let error {
            // On Linux a refused authentication challenge ends the task as "cancelled", although the
            // server's 401 response is known: return it.
            let (task, cancelled, _) = taskBox.snapshot
            if let urlError = error as? URLError, urlError.code == .cancelled, !cancelled,
                let challenged = (task?.response as? HTTPURLResponse)?.httpResponse
            {
                return .success((Data(), challenged))
            }
            return .failure(error)
        }
        guard let httpResponse = (response as? HTTPURLResponse)?.httpResponse else {
            return .failure(URLError(.badServerResponse))
        }
        return .success((data ?? Data(), httpResponse))
    }

    private func collectRequestBody(
        _ body: HTTPBody?,
        request: HTTPRequest,
        context: RequestContext
    ) async throws -> Data? {
        guard let body else { return nil }
        do {
            return try await body.collect(upTo: configuration.maximumRequestBodyBytes)
        } catch let error as HTTPBody.TooManyBytesError {
            throw SanteHTTPError(
                code: .validation,
                message: "the request body is larger than the transport's limit of \(error.maximumBytes) bytes",
                operation: context.operation,
                method: request.method,
                url: HTTPRedactor.default.redactedURL(of: request),
                requestWasSent: false,
                isRetryable: false,
                underlyingError: error
            )
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw SanteHTTPError(
                code: .transport,
                message: "the request body could not be read (\(String(describing: type(of: error))))",
                operation: context.operation,
                method: request.method,
                url: HTTPRedactor.default.redactedURL(of: request),
                requestWasSent: false,
                isRetryable: false,
                underlyingError: error
            )
        }
    }

    private static func unsupportedConfiguration(_ configuration: Configuration) -> SanteHTTPError? {
        var unsupported: [String] = []
        if configuration.clientIdentity != nil { unsupported.append("a TLS client identity") }
        if configuration.trustRoots != nil { unsupported.append("custom TLS trust roots") }
        guard !unsupported.isEmpty else { return nil }
        #if canImport(FoundationNetworking)
            let reason = "FoundationNetworking's URLSession on Linux cannot use "
        #else
            let reason = "URLSessionTransport does not support "
        #endif
        return SanteHTTPError(
            code: .configuration,
            message: reason + unsupported.joined(separator: " or ")
                + "; use the AsyncHTTPClient transport from the SanteAsyncHTTPClient product",
            requestWasSent: false,
            isRetryable: false
        )
    }

    private static func makeSession(_ configuration: Configuration) -> URLSession {
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = configuration.requestTimeout.timeInterval
        sessionConfiguration.timeoutIntervalForResource = configuration.resourceTimeout.timeInterval
        sessionConfiguration.httpShouldSetCookies = false
        sessionConfiguration.httpCookieAcceptPolicy = .never
        sessionConfiguration.httpCookieStorage = nil
        sessionConfiguration.urlCache = nil
        sessionConfiguration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let delegate = URLSessionTransportDelegate(followsRedirects: configuration.followsRedirects)
        return URLSession(configuration: sessionConfiguration, delegate: delegate, delegateQueue: nil)
    }
}

/// Owns the session, and invalidates it when the last copy of the transport goes away (a session keeps
/// its delegate alive until invalidated).
private final class SessionOwner: Sendable {
    let session: URLSession
    let owned: Bool

    init(session: URLSession, owned: Bool) {
        self.session = session
        self.owned = owned
    }

    deinit {
        if owned { session.finishTasksAndInvalidate() }
    }
}

/// The task of one request, shared between the request, its cancellation handler and its deadline.
private final class TaskBox: DeadlineExpiring {
    private struct State {
        var task: URLSessionTask?
        var cancelled = false
        var timedOut = false
    }

    private let state = Mutex(State())

    /// The task, whether it was cancelled (by the caller or the deadline), and whether the deadline passed.
    var snapshot: (task: URLSessionTask?, cancelled: Bool, timedOut: Bool) {
        state.withLock { ($0.task, $0.cancelled, $0.timedOut) }
    }

    /// Stores the task; returns `false` when cancellation came first (the caller then cancels the task).
    func register(_ task: URLSessionTask) -> Bool {
        state.withLock { state in
            state.task = task
            return !state.cancelled
        }
    }

    /// Cancels the task, or marks the box so that a task registered later is cancelled at once.
    func cancel() {
        cancel(timedOut: false)
    }

    /// Cancels the task because the request's deadline passed.
    func deadlinePassed() {
        cancel(timedOut: true)
    }

    private func cancel(timedOut: Bool) {
        let task = state.withLock { state -> URLSessionTask? in
            state.cancelled = true
            state.timedOut = state.timedOut || timedOut
            return state.task
        }
        task?.cancel()
    }
}
