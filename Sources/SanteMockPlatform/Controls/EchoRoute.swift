import Foundation
import Hummingbird
import NIOCore
import SanteCore

/// `/_mock/echo`: answers with a JSON description of the request, for transport tests.
///
/// `{"method", "path", "query", "headers": {lower-case name: value}, "bodyBase64", "bodyByteCount"}`; `query` is
/// the raw query string, or `""` when there is none.
enum EchoRoute {
    static func register(on group: RouterGroup<MockRequestContext>) {
        for method in [HTTPRequest.Method.get, .post, .put, .patch, .delete] {
            group.on("echo", method: method) { request, context in
                try await echo(request, context: context)
            }
        }
    }

    private static func echo(_ request: Request, context: MockRequestContext) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let bytes = Data(body.readableBytesView)
        let value: JSONValue = [
            "method": .string(request.method.rawValue),
            "path": .string(request.uri.path),
            "query": .string(request.uri.query ?? ""),
            "headers": .object(request.headers.joinedByName.mapValues { .string($0) }),
            "bodyBase64": .string(bytes.base64EncodedString()),
            "bodyByteCount": .integer(Int64(bytes.count)),
        ]
        return try MockJSON.response(value)
    }
}
