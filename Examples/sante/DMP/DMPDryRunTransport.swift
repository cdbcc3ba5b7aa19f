import Foundation
import HTTPTypes
import SanteKit
import Synchronization

/// A transport that sends nothing: it keeps each request's body and answers `422` with an
/// `OperationOutcome` saying so, which the DMP client neither retries nor follows up.
///
/// `sante dmp publish --dry-run` runs the real client through it, so the Bundle it prints is exactly the
/// one a publication would send.
final class DMPDryRunTransport: HTTPTransport {
    /// One request the transport kept.
    struct Capture: Sendable {
        /// The request head.
        let request: HTTPRequest
        /// The body's bytes.
        let body: Data
    }

    private let captures = Mutex<[Capture]>([])

    /// The largest body kept (the mock platform's default upload limit).
    static let maximumBodySize = 256 * 1024 * 1024

    /// The requests kept, in order.
    var captured: [Capture] { captures.withLock { $0 } }

    /// Keeps the request and its body, and answers `422` without sending anything.
    func send(
        _ request: HTTPRequest, body: HTTPBody?, context: RequestContext
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let data = try await body?.collect(upTo: Self.maximumBodySize) ?? Data()
        captures.withLock { $0.append(Capture(request: request, body: data)) }
        let outcome = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"information","code":"informational",\
            "diagnostics":"dry run: nothing was sent"}]}
            """
        var fields = HTTPFields()
        fields[.contentType] = "application/fhir+json"
        return (
            HTTPResponse(status: HTTPResponse.Status(code: 422), headerFields: fields), HTTPBody(Data(outcome.utf8))
        )
    }
}
