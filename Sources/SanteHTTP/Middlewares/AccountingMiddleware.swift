public import HTTPTypes
import SanteCore

/// Records every attempt in an ``HTTPAccounting``: requests, retries, errors, and body bytes in and out
/// (counted as the bodies stream, so a body that is never read counts zero bytes).
///
/// Place it last (innermost), next to the transport, so that it sees every attempt.
public struct AccountingMiddleware: HTTPMiddleware, DeadlineHonouringMiddleware {
    /// Where the counts go.
    public let accounting: HTTPAccounting

    /// Creates the middleware.
    /// - Parameter accounting: Where the counts go.
    public init(accounting: HTTPAccounting) {
        self.accounting = accounting
    }

    /// Counts the attempt and wraps both bodies to count their bytes.
    public func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        context: RequestContext,
        next: HTTPHandler
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let host = Self.lowercasedHost(request.authority ?? "unknown")
        let accounting = self.accounting
        accounting.record(host: host) { statistics in
            statistics.requests += 1
            if context.attempt > 1 { statistics.retries += 1 }
        }
        let countedBody = body?.observingChunks { count in
            accounting.record(host: host) { $0.bytesSent += Int64(count) }
        }
        let (response, responseBody): (HTTPResponse, HTTPBody?)
        do {
            (response, responseBody) = try await next(request, countedBody, context)
        } catch {
            accounting.record(host: host) { $0.errors += 1 }
            throw error
        }
        accounting.record(host: host) { statistics in
            switch response.status.kind {
            case .clientError: statistics.clientErrorResponses += 1
            case .serverError: statistics.serverErrorResponses += 1
            default: break
            }
        }
        let countedResponseBody = responseBody?.observingChunks { count in
            accounting.record(host: host) { $0.bytesReceived += Int64(count) }
        }
        return (response, countedResponseBody)
    }

    /// `authority.lowercased()`, without making a new string when it is already lowercase ASCII (the usual case).
    static func lowercasedHost(_ authority: String) -> String {
        let isLowercaseASCII = authority.utf8.allSatisfy { byte in
            byte < 0x80 && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
        }
        return isLowercaseASCII ? authority : authority.lowercased()
    }
}
