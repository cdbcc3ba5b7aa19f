public import HTTPTypes
import SanteCore

/// The shape of the rest of the pipeline, as a middleware sees it: the next middleware, or the transport.
public typealias HTTPHandler =
    @Sendable (HTTPRequest, HTTPBody?, RequestContext) async throws -> (HTTPResponse, HTTPBody?)

/// A step of the pipeline that sees every request on its way to the transport and every response back.
///
/// Middlewares are listed in order; the first one listed is the outermost: it sees the request first
/// and the response last. A middleware may change the request, call `next` zero, one or several times
/// (the retry middleware), or change the response.
///
/// SanteKit's standard order (see ``SanteHTTPClient/standardMiddlewares(tokenProvider:refreshesTokenOnUnauthorized:credentialOrigins:retryPolicy:timeout:appProduct:idempotencyKeyHeaderName:logger:redactor:accounting:clock:timeoutClock:random:)``):
/// request id → user agent → idempotency key header → timeout → retry → authentication → logging →
/// accounting → transport. Authentication sits inside the retry loop so that every attempt gets a
/// fresh token; logging and accounting see every attempt.
public protocol HTTPMiddleware: Sendable {
    /// Handles one request, usually by calling `next` and returning its result.
    ///
    /// - Parameters:
    ///   - request: The request.
    ///   - body: The request body, if any.
    ///   - context: The request's options and attempt number.
    ///   - next: The rest of the pipeline.
    /// - Returns: The response and its body.
    /// - Throws: Whatever `next` throws, or the middleware's own ``SanteHTTPError``.
    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        context: RequestContext,
        next: HTTPHandler
    ) async throws -> (HTTPResponse, HTTPBody?)
}

/// A middleware made from a closure, for small one-off steps and tests.
///
/// ```swift
/// let addTenant = ClosureMiddleware { request, body, context, next in
///     var request = request
///     request.headerFields[HTTPField.Name("X-Tenant")!] = "demo"
///     return try await next(request, body, context)
/// }
/// ```
public struct ClosureMiddleware: HTTPMiddleware {
    /// The closure's signature: the same as ``HTTPMiddleware/intercept(_:body:context:next:)``.
    public typealias Intercept =
        @Sendable (HTTPRequest, HTTPBody?, RequestContext, HTTPHandler) async throws -> (HTTPResponse, HTTPBody?)

    private let closure: Intercept

    /// Creates a middleware from a closure.
    /// - Parameter intercept: Called for every request with the rest of the pipeline as its last argument.
    public init(_ intercept: @escaping Intercept) {
        self.closure = intercept
    }

    /// Calls the closure.
    public func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        context: RequestContext,
        next: HTTPHandler
    ) async throws -> (HTTPResponse, HTTPBody?) {
        try await closure(request, body, context, next)
    }
}

/// Chains middlewares around a transport into a single handler.
///
/// - Parameters:
///   - middlewares: The middlewares, outermost first.
///   - transport: The transport at the end of the chain.
/// - Returns: A handler that runs the whole chain.
func makePipeline(_ middlewares: [any HTTPMiddleware], transport: any HTTPTransport) -> HTTPHandler {
    var handler: HTTPHandler = { request, body, context in
        do {
            return try await transport.send(request, body: body, context: context)
        } catch let error as SanteHTTPError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as HTTPBody.PrematureEndError {
            throw error
        } catch let error as HTTPBody.TooManyBytesError {
            throw error
        } catch let error as HTTPBody.AlreadyIteratedError {
            throw error
        } catch {
            // A transport should throw `SanteHTTPError`; anything else is wrapped here, where it is
            // known to come from the transport.
            throw SanteHTTPError(
                code: .transport,
                message: "the transport failed with \(String(describing: type(of: error)))",
                isRetryable: false,
                underlyingError: error
            )
        }
    }
    // Whether every step below the current one honours a deadline in the context and the transport enforces it:
    // a timeout middleware then leaves the deadline to the transport instead of racing the steps below.
    var belowHonoursDeadlines = transport is any DeadlineEnforcingTransport
    for middleware in middlewares.reversed() {
        let next = handler
        if belowHonoursDeadlines, let timeout = middleware as? TimeoutMiddleware {
            handler = { request, body, context in
                try await timeout.interceptLeavingDeadlineToTransport(request, body: body, context: context, next: next)
            }
        } else {
            handler = { request, body, context in
                try await middleware.intercept(request, body: body, context: context, next: next)
            }
        }
        belowHonoursDeadlines = belowHonoursDeadlines && middleware is any DeadlineHonouringMiddleware
    }
    return handler
}
