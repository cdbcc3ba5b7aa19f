import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SanteCore

/// The outermost middleware: reads the whole request body (up to the configured maximum), lets the
/// rest of the chain answer, records the exchange in the ``MockRequestLog``, and performs a requested
/// connection reset after recording it.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = MockRequestContext

    let log: MockRequestLog
    let clock: any SanteClock
    let maximumBodySize: Int

    func handle(
        _ request: Request, context: MockRequestContext,
        next: (Request, MockRequestContext) async throws -> Response
    ) async throws -> Response {
        let receivedAt = clock.now()
        var request = request
        var context = context
        context.maxUploadSize = maximumBodySize

        let bodyByteCount: Int
        do {
            bodyByteCount = try await request.collectBody(upTo: maximumBodySize).readableBytes
        } catch is NIOTooManyBytesError {
            let response = MockJSON.error(
                .contentTooLarge, message: "The request body exceeds \(maximumBodySize) bytes.")
            let announced = request.headers[.contentLength].flatMap { Int($0) } ?? maximumBodySize + 1
            await record(request, context, bodyByteCount: announced, status: response.status.code, at: receivedAt)
            return response
        }

        do {
            let response = try await next(request, context)
            await record(request, context, bodyByteCount: bodyByteCount, status: response.status.code, at: receivedAt)
            return response
        } catch is ConnectionResetRequested {
            await record(request, context, bodyByteCount: bodyByteCount, status: nil, at: receivedAt)
            await ConnectionAbort.reset(context.channel)
            throw ConnectionResetRequested()
        } catch {
            // Hummingbird answers any other error with a bare 500.
            await record(request, context, bodyByteCount: bodyByteCount, status: 500, at: receivedAt)
            throw error
        }
    }

    private func record(
        _ request: Request, _ context: MockRequestContext, bodyByteCount: Int, status: Int?, at receivedAt: Date
    ) async {
        await log.append(
            MockRequestRecord(
                method: request.method,
                path: request.uri.path,
                query: request.uri.query,
                headers: request.headers,
                bodyByteCount: bodyByteCount,
                status: status,
                handlerRan: context.trace.handlerRan,
                faultApplied: context.trace.faultApplied,
                receivedAt: receivedAt
            ))
    }
}
