import AsyncHTTPClient
public import HTTPTypes
import NIOCore
import SanteCore
public import SanteHTTP

/// A transport on AsyncHTTPClient (SwiftNIO): streaming bodies, HTTP/2, mutual TLS and many concurrent
/// connections, on Linux as on Apple platforms.
///
/// ```swift
/// let platform = SantePlatform(environment: .production, transport: AsyncHTTPClientTransport())
/// ```
///
/// Behaviour worth knowing:
/// - **Bodies stream both ways.** A request body of known length is sent with `Content-Length`, one of
///   unknown length with chunked transfer encoding, chunk by chunk as it is produced. The response body is
///   handed back as soon as the head arrives and is read from the network as you iterate it: it is
///   `HTTPBody.IterationBehavior.single`, its `HTTPBody.length` is the announced `Content-Length`, and a
///   body that ends early throws a `.transport` `SanteHTTPError` saying it was truncated.
/// - **No shutdown ritual.** By default the transport creates its own `HTTPClient` (on the process-wide event
///   loop group), shared by all copies of the transport, and shuts it down when the last copy, and the last
///   response body still streaming, is gone. A client you pass in
///   (``Configuration/client``) stays yours to shut down, and keeps its own configuration.
/// - **Redirects are not followed** by the transport's own client: API calls get the 3xx response.
/// - **Timeouts:** ``Configuration/timeout`` (or the request's `RequestOptions.timeout`) bounds the time until
///   the response head, and so does a `TimeoutMiddleware`'s limit when every step between it and the transport
///   allows (the request then fails with the middleware's `.timeout` error); ``Configuration/connectTimeout``
///   and ``Configuration/readTimeout`` bound connecting and each wait for data, including while the body
///   streams.
/// - **TLS:** a ``Configuration/clientIdentity`` and ``Configuration/trustRoots`` are applied to every request
///   through AsyncHTTPClient's per-request TLS configuration, whichever client carries it.
///   ``clientCertificateThumbprint()`` gives the RFC 8705 `x5t#S256` value of the client certificate.
/// - **Cancellation** of the calling task ends the request (or the body being read) with a `.cancelled` error.
/// - **Errors** map as follows: connection refused, DNS failure → `.transport` with
///   `SanteHTTPError.requestWasSent` `false`; connect timeout → `.timeout`, `requestWasSent` `false`; read
///   timeout, deadline → `.timeout`; connection closed or reset → `.transport` with `requestWasSent` unknown
///   (or `true` once the response has started); TLS handshake failure → `.transport`, not retryable.
public struct AsyncHTTPClientTransport: HTTPTransport, DeadlineEnforcingTransport {
    /// The configuration the transport was created with.
    public let configuration: Configuration
    private let clientHolder: HTTPClientHolder
    private let tls: Result<TransportTLS?, SanteHTTPError>

    /// Creates a transport. A TLS identity or trust roots that cannot be read make every request fail with a
    /// `.configuration` error; use ``init(validating:)`` to fail here instead.
    /// - Parameter configuration: The configuration (default: the transport's own client, 60 s timeout,
    ///   redirects not followed).
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        if let client = configuration.client {
            self.clientHolder = HTTPClientHolder(borrowing: client)
        } else {
            self.clientHolder = HTTPClientHolder(creatingFor: configuration)
        }
        do {
            self.tls = .success(try TransportTLS.make(from: configuration))
        } catch let error as SanteHTTPError {
            self.tls = .failure(error)
        } catch {
            self.tls = .failure(
                TLSClientIdentityMaterial.configurationError(
                    "the TLS configuration could not be read", underlying: error))
        }
    }

    /// Creates a transport, refusing a TLS identity or trust roots that cannot be read.
    /// - Parameter configuration: The configuration.
    /// - Throws: `SanteHTTPError` with code `.configuration` when a certificate or key cannot be read.
    public init(validating configuration: Configuration) throws {
        self.init(configuration: configuration)
        _ = try tls.get()
    }

    /// The base64url SHA-256 thumbprint of the configured client certificate (RFC 8705 `x5t#S256`), or `nil`
    /// when no client identity is configured.
    /// - Returns: The thumbprint, or `nil`.
    /// - Throws: `SanteHTTPError` with code `.configuration` when the identity cannot be read.
    public func clientCertificateThumbprint() throws -> String? {
        try tls.get()?.clientIdentity?.certificateThumbprint
    }

    /// Sends the request with AsyncHTTPClient and returns the response with its body still streaming.
    /// - Throws: `SanteHTTPError` (`.configuration`, `.validation`, `.transport`, `.timeout`, `.cancelled`).
    public func send(
        _ request: HTTPRequest,
        body: HTTPBody?,
        context: RequestContext
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let errorContext = RequestErrorContext(request: request, context: context)
        var clientRequest: HTTPClientRequest
        do {
            clientRequest = try HTTPClientRequest(converting: request, body: body, context: errorContext)
            clientRequest.tlsConfiguration = try tls.get()?.configuration
        } catch let error as SanteHTTPError {
            throw errorContext.completing(error)
        }
        if Task.isCancelled { throw errorContext.cancelled(CancellationError()) }

        let ownDeadline = NIODeadline.now() + TimeAmount(context.options.timeout ?? configuration.timeout)
        // A timeout middleware's deadline, when it comes first, is enforced here with the middleware's own error.
        let middlewareDeadline = context.deadline.flatMap { deadline in
            NIODeadline.uptimeNanoseconds(deadline.uptimeNanoseconds) < ownDeadline ? deadline : nil
        }
        if let middlewareDeadline, middlewareDeadline.hasPassed {
            throw middlewareDeadline.timeoutError(for: request, context: context)
        }
        let deadline = middlewareDeadline.map { NIODeadline.uptimeNanoseconds($0.uptimeNanoseconds) } ?? ownDeadline
        let response: HTTPClientResponse
        do {
            response = try await clientHolder.client.execute(clientRequest, deadline: deadline)
        } catch {
            if Task.isCancelled { throw errorContext.cancelled(error) }
            if let middlewareDeadline, let failure = error as? HTTPClientError, failure == .deadlineExceeded {
                throw middlewareDeadline.timeoutError(for: request, context: context)
            }
            throw AsyncHTTPClientErrorMapping.map(error, phase: .exchange, context: errorContext)
        }

        let (httpResponse, announcedLength) = try HTTPResponse.converting(
            response, for: request.method, context: errorContext)
        if announcedLength == 0 {
            try await drain(response.body, context: errorContext)
            return (httpResponse, nil)
        }
        let stream = ResponseBodyStream(
            body: response.body, expectedBytes: announcedLength, context: errorContext, clientHolder: clientHolder)
        let responseBody = HTTPBody(
            appending: stream, length: announcedLength.map { .known($0) } ?? .unknown, iterationBehavior: .single)
        return (httpResponse, responseBody)
    }

    /// Reads an empty body to its end, so that the connection goes back to the pool.
    private func drain(_ body: HTTPClientResponse.Body, context: RequestErrorContext) async throws {
        do {
            for try await _ in body {}
        } catch {
            throw AsyncHTTPClientErrorMapping.map(
                error, phase: .responseBody(receivedBytes: 0, expectedBytes: 0), context: context)
        }
    }
}
