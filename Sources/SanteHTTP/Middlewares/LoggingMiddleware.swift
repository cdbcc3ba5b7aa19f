public import HTTPTypes
public import Logging
import SanteCore

/// Logs every attempt through an injected swift-log `Logger`, with secrets and health data redacted.
///
/// It never uses the global logging bootstrap: pass the `Logger` to use. Each attempt logs one message
/// when it starts and one when it ends (response or error). The metadata carries the method, the
/// redacted URL and headers (see ``HTTPRedactor``), the body sizes (never the bodies), the status, the
/// duration, the attempt number, the request id and the operation.
///
/// Place it inside the authentication middleware so that logs show (redacted) exactly what was sent.
public struct LoggingMiddleware: HTTPMiddleware, DeadlineHonouringMiddleware {
    /// The logger that receives the messages.
    public let logger: Logger
    /// What is hidden from the logs.
    public let redactor: HTTPRedactor
    /// The level of the start and success messages (default `.debug`).
    public let level: Logger.Level
    /// The level of failures: thrown errors and 5xx responses (default `.warning`).
    public let failureLevel: Logger.Level

    /// Creates the middleware.
    /// - Parameters:
    ///   - logger: The logger that receives the messages.
    ///   - redactor: What is hidden (default ``HTTPRedactor/default``).
    ///   - level: The level of the start and success messages (default `.debug`).
    ///   - failureLevel: The level of failures (default `.warning`).
    public init(
        logger: Logger,
        redactor: HTTPRedactor = .default,
        level: Logger.Level = .debug,
        failureLevel: Logger.Level = .warning
    ) {
        self.logger = logger
        self.redactor = redactor
        self.level = level
        self.failureLevel = failureLevel
    }

    /// Logs the attempt, calls the rest of the pipeline, and logs its outcome.
    ///
    /// The metadata (redacted URL and headers) is built only for a message that the logger's level lets through,
    /// so a logger set above ``level`` costs almost nothing on a successful request.
    public func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        context: RequestContext,
        next: HTTPHandler
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var attemptMetadata: Logger.Metadata?
        if logger.logLevel <= level {
            let metadata = self.attemptMetadata(request, context: context)
            attemptMetadata = metadata
            var startMetadata = metadata
            startMetadata["http.request.headers"] = headerMetadata(request.headerFields)
            startMetadata["http.request.body"] = .string(redactor.bodySummary(body))
            logger.log(level: level, "HTTP request", metadata: startMetadata)
        }

        let started = ContinuousClock.now
        do {
            let (response, responseBody) = try await next(request, body, context)
            let endLevel = response.status.kind == .serverError ? failureLevel : level
            if logger.logLevel <= endLevel {
                var endMetadata = attemptMetadata ?? self.attemptMetadata(request, context: context)
                endMetadata["http.status"] = .stringConvertible(response.status.code)
                endMetadata["http.duration_ms"] = .stringConvertible(milliseconds(since: started))
                endMetadata["http.response.headers"] = headerMetadata(response.headerFields)
                endMetadata["http.response.body"] = .string(redactor.bodySummary(responseBody))
                logger.log(level: endLevel, "HTTP response", metadata: endMetadata)
            }
            return (response, responseBody)
        } catch {
            if logger.logLevel <= failureLevel {
                var failureMetadata = attemptMetadata ?? self.attemptMetadata(request, context: context)
                failureMetadata["http.duration_ms"] = .stringConvertible(milliseconds(since: started))
                if let failure = error as? SanteHTTPError {
                    failureMetadata["error.code"] = .string(failure.code.rawValue)
                    failureMetadata["error.message"] = .string(redactor.redactedText(failure.message))
                    if let sent = failure.requestWasSent { failureMetadata["error.request_was_sent"] = "\(sent)" }
                } else {
                    failureMetadata["error.type"] = .string(String(describing: type(of: error)))
                }
                logger.log(level: failureLevel, "HTTP request failed", metadata: failureMetadata)
            }
            throw error
        }
    }

    /// What every message of one attempt carries: method, redacted URL, attempt, operation and request id.
    private func attemptMetadata(_ request: HTTPRequest, context: RequestContext) -> Logger.Metadata {
        var metadata: Logger.Metadata = [
            "http.method": .string(request.method.rawValue),
            "http.url": .string(redactor.redactedURL(of: request)),
            "http.attempt": .stringConvertible(context.attempt),
        ]
        if let operation = context.operation { metadata["santekit.operation"] = .string(operation) }
        if let requestID = request.headerFields[RequestIDMiddleware.defaultHeaderName] {
            metadata["http.request_id"] = .string(redactor.redactedText(requestID))
        }
        return metadata
    }

    private func headerMetadata(_ fields: HTTPFields) -> Logger.MetadataValue {
        var values: [String: Logger.MetadataValue] = [:]
        for field in redactor.redactedHeaders(fields) {
            let name = field.name.canonicalName
            if case .string(let existing) = values[name] {
                values[name] = .string(existing + ", " + field.value)
            } else {
                values[name] = .string(field.value)
            }
        }
        return .dictionary(values)
    }

    private func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}
