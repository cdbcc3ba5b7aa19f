import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP
import SanteNotify

/// Builders shared by the Notify unit tests.
enum NotifyTestSupport {
    static let apiKeyText =
        "my-test_key-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0"
    static let serviceID = "26785a09-ab16-4eb0-8407-a37497a57506"
    static let secret = "3d844edf-8d35-48ac-975b-e847b4f122b0"

    /// A client on `stub`, its back-off on `clock` (automatic by default), timeouts on the system clock.
    static func client(
        _ stub: StubTransport,
        baseURL: String = "https://api.notifications.service.gov.uk",
        clock: TestClock = TestClock(mode: .automatic),
        retryPolicy: RetryPolicy = .default
    ) throws -> NotifyClient {
        let configuration = NotifyConfiguration(
            baseURL: URL(string: baseURL) ?? URL(fileURLWithPath: "/"), apiKey: try NotifyAPIKey(apiKeyText),
            clock: clock, timeoutClock: SystemClock(), retryPolicy: retryPolicy)
        return try NotifyClient(configuration: configuration, transport: stub)
    }

    /// The claims of the bearer JWT of a recorded request, after verifying its signature with the secret.
    static func verifiedClaims(_ recorded: StubTransport.RecordedRequest) throws -> JWTClaims {
        let header = recorded.request.headerFields[.authorization] ?? ""
        guard header.hasPrefix("Bearer ") else { throw StubTransportError(message: "no bearer token") }
        let verifier = JWSVerifier(
            allowedAlgorithms: [.hs256], keys: [JWSVerificationKey(hmacSecret: Data(secret.utf8))])
        return try verifier.verify(header.dropFirst(7)).claims()
    }

    /// A `.transport` error whose request may have reached the server (a reset after sending).
    static let lostResponse = SanteHTTPError(
        code: .transport, message: "connection reset by peer", requestWasSent: nil, isRetryable: true)

    /// A `.transport` error that proves nothing was sent (connection refused).
    static let refused = SanteHTTPError(
        code: .transport, message: "connection refused", requestWasSent: false, isRetryable: true)

    static let sendResponse = #"""
        {"id":"740e5834-3a29-46b4-9a6f-16142fde533a","reference":"rdv-1","content":{"body":"Bonjour Camille","from_number":"SanteKit"},
         "uri":"https://api.notifications.service.gov.uk/v2/notifications/740e5834-3a29-46b4-9a6f-16142fde533a",
         "template":{"id":"f33517ff-2a88-4f6e-b855-c550268ce08a","version":1,"uri":"https://x/v2/template/f33517ff"}}
        """#

    static func notificationJSON(id: String, reference: String? = nil, status: String = "delivered") -> String {
        let referenceText = reference.map { "\"\($0)\"" } ?? "null"
        return
            #"{"id":"\#(id)","reference":\#(referenceText),"phone_number":"+33600000001","type":"sms","status":"\#(status)","template":{"id":"f33517ff-2a88-4f6e-b855-c550268ce08a","version":1,"uri":"u"},"body":"Bonjour","created_at":"2024-05-17 15:58:38.342838","sent_at":null,"completed_at":null,"created_by_name":null,"is_cost_data_ready":true,"cost_in_pounds":0.0,"cost_details":{"billable_sms_fragments":1}}"#
    }

    static func errorJSON(_ status: Int, _ error: String, _ message: String) -> String {
        #"{"status_code":\#(status),"errors":[{"error":"\#(error)","message":"\#(message)"}]}"#
    }

    static let sms = NotifySMS(
        phoneNumber: "06 00 00 00 01", templateID: "f33517ff-2a88-4f6e-b855-c550268ce08a",
        personalisation: ["name": "Camille", "date": "3 mars", "place": "Lyon"], reference: "rdv-1")
}
