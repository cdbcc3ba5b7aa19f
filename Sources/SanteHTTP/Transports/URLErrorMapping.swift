import Foundation
import HTTPTypes
import SanteCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Turns Foundation URL loading errors into ``SanteHTTPError``s.
enum URLErrorMapping {
    /// Maps an error from URLSession for `request`.
    static func map(_ error: any Error, request: HTTPRequest, context: RequestContext) -> SanteHTTPError {
        let url = HTTPRedactor.default.redactedURL(of: request)
        func failure(
            _ code: SanteErrorCode, _ message: String, sent: Bool?, retryable: Bool? = nil
        ) -> SanteHTTPError {
            SanteHTTPError(
                code: code, message: message, operation: context.operation, method: request.method, url: url,
                requestWasSent: sent, isRetryable: retryable, underlyingError: error)
        }
        guard let urlError = error as? URLError else {
            if error is CancellationError {
                return failure(.cancelled, "the task was cancelled", sent: nil, retryable: false)
            }
            return failure(.transport, "the request failed (\(String(describing: type(of: error))))", sent: nil)
        }
        switch urlError.code {
        case .cannotConnectToHost:
            return failure(.transport, "could not connect to the host", sent: false)
        case .cannotFindHost, .dnsLookupFailed:
            return failure(.transport, "could not resolve the host name", sent: false)
        case .notConnectedToInternet:
            return failure(.transport, "no network connection", sent: false)
        case .timedOut:
            return failure(.timeout, "the request timed out", sent: nil)
        case .cancelled:
            return failure(.cancelled, "the request was cancelled", sent: nil, retryable: false)
        case .networkConnectionLost:
            return failure(.transport, "the connection was lost before the response was complete", sent: nil)
        case .badServerResponse, .zeroByteResource, .cannotParseResponse:
            return failure(.transport, "the server's response could not be read", sent: true)
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected,
            .clientCertificateRequired:
            return failure(
                .transport, "the TLS connection failed (URLError \(urlError.code.rawValue))", sent: false,
                retryable: false)
        case .badURL, .unsupportedURL:
            return failure(.validation, "the URL is not supported", sent: false, retryable: false)
        case .httpTooManyRedirects, .redirectToNonExistentLocation:
            return failure(.transport, "the redirects could not be followed", sent: true, retryable: false)
        case .dataLengthExceedsMaximum:
            return failure(.transport, "the response is too large", sent: true, retryable: false)
        default:
            if isTruncatedTransfer(urlError) {
                return failure(
                    .transport,
                    "the response body was truncated: the server closed the connection before sending every byte "
                        + "it announced",
                    sent: true)
            }
            return failure(.transport, "the request failed (URLError \(urlError.code.rawValue))", sent: nil)
        }
    }

    /// libcurl's "transfer closed with N bytes remaining to read" (surfaced as URLError -1 on Linux).
    private static func isTruncatedTransfer(_ error: URLError) -> Bool {
        let description = (error as NSError).userInfo[NSLocalizedDescriptionKey] as? String ?? ""
        return description.contains("remaining to read") || description.contains("Partial")
    }
}
