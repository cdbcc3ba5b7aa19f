import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import SanteCore
import SanteHTTP

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns AsyncHTTPClient, NIO and TLS errors into `SanteHTTPError`s.
enum AsyncHTTPClientErrorMapping {
    /// Where in the exchange an error happened.
    enum Phase: Sendable {
        /// Connecting, sending the request, or waiting for the response head.
        case exchange
        /// Reading the response body, after `receivedBytes` of `expectedBytes` (when announced).
        case responseBody(receivedBytes: Int64, expectedBytes: Int64?)
    }

    /// Maps `error`, thrown during `phase` of the request described by `context`.
    static func map(_ error: any Error, phase: Phase, context: RequestErrorContext) -> SanteHTTPError {
        switch error {
        case let failure as SanteHTTPError:
            return context.completing(failure)
        case is CancellationError:
            return context.cancelled(error)
        case let failure as RequestBodyReadFailure:
            return mapRequestBodyFailure(failure, context: context)
        default:
            break
        }
        if case .responseBody(let received, let expected) = phase {
            return mapDuringBody(error, receivedBytes: received, expectedBytes: expected, context: context)
        }
        return mapDuringExchange(error, context: context)
    }

    /// The error for a response body that ended cleanly before its announced length.
    static func truncatedBody(receivedBytes: Int64, expectedBytes: Int64, context: RequestErrorContext)
        -> SanteHTTPError
    {
        context.error(
            .transport,
            "the response body was truncated: the connection ended after \(receivedBytes) of \(expectedBytes) "
                + "announced bytes",
            sent: true,
            underlying: HTTPBody.PrematureEndError(expectedBytes: expectedBytes, receivedBytes: receivedBytes))
    }

    // MARK: - Exchange

    private static func mapDuringExchange(_ error: any Error, context: RequestErrorContext) -> SanteHTTPError {
        if let clientError = error as? HTTPClientError {
            return mapClientError(clientError, context: context)
        }
        if let connectionError = error as? NIOConnectionError {
            let message =
                connectionError.connectionErrors.isEmpty
                ? "could not resolve the host name" : "could not connect to the host"
            return context.error(.transport, message, sent: false, underlying: error)
        }
        if error is SocketAddressError {
            return context.error(.transport, "could not resolve the host name", sent: false, underlying: error)
        }
        if let channelError = error as? ChannelError, case .connectTimeout = channelError {
            return context.error(.timeout, "could not connect to the host in time", sent: false, underlying: error)
        }
        if let ioError = error as? IOError {
            if isConnectFailure(ioError.errnoCode) {
                return context.error(.transport, "could not connect to the host", sent: false, underlying: error)
            }
            return context.error(
                .transport, "the connection failed (\(describe(ioError)))", sent: nil, underlying: error)
        }
        if let tlsFailure = tlsFailureMessage(error) {
            return context.error(.transport, tlsFailure, sent: false, retryable: false, underlying: error)
        }
        if isConnectionLoss(error) {
            return context.error(
                .transport, "the connection was lost before the response was complete", sent: nil, underlying: error)
        }
        if error is HTTPParserError {
            return context.error(.transport, "the server's response could not be read", sent: true, underlying: error)
        }
        return context.error(
            .transport, "the request failed (\(String(describing: type(of: error))))", sent: nil, underlying: error)
    }

    private static func mapClientError(_ error: HTTPClientError, context: RequestErrorContext) -> SanteHTTPError {
        func failure(_ code: SanteErrorCode, _ message: String, sent: Bool?, retryable: Bool? = nil)
            -> SanteHTTPError
        {
            context.error(code, message, sent: sent, retryable: retryable, underlying: error)
        }
        switch error {
        case .cancelled:
            return context.cancelled(error)
        case .connectTimeout, .getConnectionFromPoolTimeout:
            return failure(.timeout, "could not connect to the host in time", sent: false)
        case .tlsHandshakeTimeout:
            return failure(.timeout, "the TLS handshake did not complete in time", sent: false)
        case .socksHandshakeTimeout, .httpProxyHandshakeTimeout:
            return failure(.timeout, "the proxy handshake did not complete in time", sent: false)
        case .readTimeout:
            return failure(.timeout, "the server sent nothing for longer than the read timeout", sent: true)
        case .writeTimeout:
            return failure(.timeout, "the request could not be written in time", sent: nil)
        case .deadlineExceeded:
            return failure(.timeout, "the request did not complete before its deadline", sent: nil)
        case .remoteConnectionClosed, .uncleanShutdown:
            return failure(.transport, "the connection was lost before the response was complete", sent: nil)
        case .requestStreamCancelled:
            return failure(.transport, "the server answered before the request body was sent", sent: true)
        case .alreadyShutdown:
            return failure(.configuration, "the HTTPClient has already been shut down", sent: false, retryable: false)
        case .invalidURL, .emptyHost, .emptyScheme, .missingSocketPath:
            return failure(.validation, "the URL is not supported", sent: false, retryable: false)
        case .traceRequestWithBody:
            return failure(.validation, "a TRACE request cannot carry a body", sent: false, retryable: false)
        case .bodyLengthMismatch:
            return failure(
                .validation, "the request body's length differs from its announced length", sent: nil,
                retryable: false)
        case .redirectLimitReached, .redirectCycleDetected:
            return failure(.transport, "the redirects could not be followed", sent: true, retryable: false)
        case .invalidProxyResponse, .proxyAuthenticationRequired:
            return failure(.transport, "the proxy refused the connection", sent: false, retryable: false)
        default:
            return failure(.transport, "the request failed (\(error.shortDescription))", sent: nil)
        }
    }

    // MARK: - Response body

    private static func mapDuringBody(
        _ error: any Error, receivedBytes: Int64, expectedBytes: Int64?, context: RequestErrorContext
    ) -> SanteHTTPError {
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .cancelled:
                return context.cancelled(error)
            case .readTimeout:
                return context.error(
                    .timeout, "the server sent nothing for longer than the read timeout while sending the body",
                    sent: true, underlying: error)
            case .deadlineExceeded:
                return context.error(
                    .timeout, "the response body did not arrive before the deadline", sent: true, underlying: error)
            default:
                break
            }
        }
        if isConnectionLoss(error) || error is HTTPParserError || error is IOError || error is ChannelError {
            if let expectedBytes, receivedBytes < expectedBytes {
                var failure = truncatedBody(
                    receivedBytes: receivedBytes, expectedBytes: expectedBytes, context: context)
                failure.underlyingError = error
                return failure
            }
            return context.error(
                .transport, "the connection was lost while reading the response body", sent: true, underlying: error)
        }
        return context.error(
            .transport, "the response body could not be read (\(String(describing: type(of: error))))", sent: true,
            underlying: error)
    }

    // MARK: - Request body

    private static func mapRequestBodyFailure(_ failure: RequestBodyReadFailure, context: RequestErrorContext)
        -> SanteHTTPError
    {
        switch failure.underlying {
        case let error as SanteHTTPError:
            return context.completing(error)
        case is CancellationError:
            return context.cancelled(failure.underlying)
        case is HTTPBody.AlreadyIteratedError:
            return context.error(
                .validation, "a single-pass request body was read twice", sent: nil, retryable: false,
                underlying: failure.underlying)
        default:
            return context.error(
                .transport,
                "the request body could not be read (\(String(describing: type(of: failure.underlying))))",
                sent: nil, retryable: false, underlying: failure.underlying)
        }
    }

    // MARK: - Classification

    /// Whether the connection ended under the request (closed, reset, unclean TLS close).
    private static func isConnectionLoss(_ error: any Error) -> Bool {
        switch error {
        case let clientError as HTTPClientError:
            return clientError == .remoteConnectionClosed || clientError == .uncleanShutdown
        case let tlsError as NIOSSLError:
            if case .uncleanShutdown = tlsError { return true }
            return false
        case let channelError as ChannelError:
            switch channelError {
            case .eof, .ioOnClosedChannel, .alreadyClosed, .outputClosed, .inputClosed: return true
            default: return false
            }
        case let ioError as IOError:
            return !isConnectFailure(ioError.errnoCode)
        default:
            return false
        }
    }

    /// A readable message when `error` is a TLS failure during the handshake, or `nil`.
    private static func tlsFailureMessage(_ error: any Error) -> String? {
        switch error {
        case let tlsError as NIOSSLError:
            switch tlsError {
            case .uncleanShutdown, .writeDuringTLSShutdown, .readInInvalidTLSState:
                return nil
            case .handshakeFailed:
                return "the TLS handshake failed (certificate not trusted, or client certificate refused)"
            default:
                return "the TLS connection failed (\(tlsError))"
            }
        case is NIOSSLExtraError:
            return "the TLS connection failed (the server's certificate or host name was refused)"
        default:
            return nil
        }
    }

    /// Whether an `errno` means the connection was never established.
    private static func isConnectFailure(_ code: Int32) -> Bool {
        code == ECONNREFUSED || code == ENETUNREACH || code == EHOSTUNREACH || code == ETIMEDOUT
    }

    private static func describe(_ error: IOError) -> String {
        "errno \(error.errnoCode)"
    }
}

/// Wraps an error thrown while reading a request body, so that it is not mistaken for a network error.
struct RequestBodyReadFailure: Error {
    let underlying: any Error
}
