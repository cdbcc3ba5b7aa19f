import Foundation
import HTTPTypes
import SanteHTTP
import Synchronization

/// A transport that sends nothing: it keeps each request with its body and answers `422`, which the DMP
/// client neither retries nor follows up. The baseline sends the transactions it captured.
final class CapturingTransport: HTTPTransport {
    struct Capture: Sendable {
        let request: HTTPRequest
        let body: Data
    }

    private let captures = Mutex<[Capture]>([])

    var captured: [Capture] { captures.withLock { $0 } }

    func send(
        _ request: HTTPRequest, body: HTTPBody?, context: RequestContext
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let data = try await body?.collect(upTo: 64 * 1024 * 1024) ?? Data()
        captures.withLock { $0.append(Capture(request: request, body: data)) }
        var fields = HTTPFields()
        fields[.contentType] = "application/fhir+json"
        let outcome = #"{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"processing"}]}"#
        return (HTTPResponse(status: .unprocessableContent, headerFields: fields), HTTPBody(Data(outcome.utf8)))
    }
}
