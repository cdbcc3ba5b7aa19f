import Hummingbird
import SanteCore

/// The one fault-injection middleware: applies the fault the ``MockFaultInjector`` picks for each request,
/// before or after the route handler, and notes in the request's trace whether the handler ran.
struct FaultInjectionMiddleware: RouterMiddleware {
    typealias Context = MockRequestContext

    let injector: MockFaultInjector
    let clock: any SanteClock

    func handle(
        _ request: Request, context: MockRequestContext,
        next: (Request, MockRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let resolved = await injector.take(method: request.method, path: request.uri.path) else {
            context.trace.markHandlerRan()
            return try await next(request, context)
        }
        let fault = resolved.fault
        context.trace.markFaultApplied(fault.kind.name)
        switch fault.phase {
        case .beforeHandler:
            if let delay = resolved.delay {
                try await clock.sleep(for: delay)
                context.trace.markHandlerRan()
                return try await next(request, context)
            }
            return try await FaultResponses.make(fault.kind, replacing: nil, context: context, clock: clock)
        case .afterHandler:
            context.trace.markHandlerRan()
            let response = try await next(request, context)
            if let delay = resolved.delay {
                try await clock.sleep(for: delay)
                return response
            }
            return try await FaultResponses.make(fault.kind, replacing: response, context: context, clock: clock)
        }
    }
}
