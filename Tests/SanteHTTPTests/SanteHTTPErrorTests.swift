import Foundation
import HTTPTypes
import SanteCore
import Testing

@testable import SanteHTTP

@Suite("SanteHTTPError")
struct SanteHTTPErrorTests {
    @Test("Retryable statuses are 408, 429 and 5xx except 501 and 505")
    func retryableStatuses() {
        let retryable = (100...599).filter(SanteHTTPError.isRetryableStatus)
        #expect(retryable == [408, 429] + (500...599).filter { $0 != 501 && $0 != 505 })
    }

    @Test("isRetryable follows the code and status unless set")
    func retryability() {
        #expect(SanteHTTPError(code: .transport, message: "").isRetryable)
        #expect(SanteHTTPError(code: .timeout, message: "").isRetryable)
        #expect(!SanteHTTPError(code: .decoding, message: "").isRetryable)
        #expect(SanteHTTPError(code: .httpStatus, message: "", httpStatus: 503).isRetryable)
        #expect(!SanteHTTPError(code: .httpStatus, message: "", httpStatus: 404).isRetryable)
        #expect(!SanteHTTPError(code: .transport, message: "", isRetryable: false).isRetryable)
    }

    @Test("The body snippet is bounded to 64 KiB")
    func boundedBody() {
        let error = SanteHTTPError(code: .httpStatus, message: "", responseBody: Data(count: 100_000))
        #expect(error.responseBody?.count == 65_536)
        #expect(error.responseBodyIsTruncated)
        let small = SanteHTTPError(code: .httpStatus, message: "", responseBody: Data(count: 10))
        #expect(!small.responseBodyIsTruncated)
    }

    @Test("The description shows code, operation, method, URL, status and body size, never the body")
    func description() {
        let error = SanteHTTPError(
            code: .httpStatus, message: "the server answered HTTP 404", operation: "dmp.read", method: .get,
            url: "https://h/fhir/Patient?identifier=[REDACTED]", httpStatus: 404,
            responseBody: Data(#"{"patient":"Dupont"}"#.utf8), underlyingError: URLError(.badURL))
        #expect(
            error.description
                == "SanteHTTPError[http_status] dmp.read GET https://h/fhir/Patient?identifier=[REDACTED] HTTP 404 "
                + "(body 20 bytes): the server answered HTTP 404 (caused by URLError)")
        #expect(!error.description.contains("Dupont"))
    }

    @Test("SanteError helpers work on it")
    func santeErrorHelpers() {
        let unauthorized: any SanteError = SanteHTTPError(code: .httpStatus, message: "", httpStatus: 401)
        #expect(unauthorized.isAuthError)
        #expect(!unauthorized.isNetworkError)
        let network: any SanteError = SanteHTTPError(code: .transport, message: "")
        #expect(network.isNetworkError)
    }

    @Test("The error body snippet decodes into a client's error type")
    func decodedBody() {
        struct OAuthError: Decodable { let error: String }
        let error = SanteHTTPError(
            code: .httpStatus, message: "", responseBody: Data(#"{"error":"invalid_grant"}"#.utf8))
        #expect(error.decodedResponseBody(as: OAuthError.self)?.error == "invalid_grant")
        #expect(SanteHTTPError(code: .httpStatus, message: "").decodedResponseBody(as: OAuthError.self) == nil)
    }
}
