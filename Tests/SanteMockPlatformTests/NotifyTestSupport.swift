import Foundation
import SanteCore
import SanteMockPlatform
import Testing

/// Helpers for the Notify API tests: JWTs minted with SanteCore's JOSE, authenticated requests.
enum NotifyTest {
    static let key = MockIdentities.default.notifyKey
    static let sms = MockNotifyTemplates.appointmentConfirmationSMS
    static let email = MockNotifyTemplates.documentAvailableEmail
    static let letter = MockNotifyTemplates.vaccinationReminderLetter

    /// An HS256 JWT `{"iss", "iat"}` keyed by the UTF-8 bytes of `secret`.
    static func token(issuer: String = key.serviceID, secret: String = key.secret, issuedAt: Date) throws -> String {
        let claims = JWTClaims(
            issuer: issuer, issuedAt: NumericDate(secondsSince1970: issuedAt.timeIntervalSince1970.rounded(.down)))
        return try JWS.sign(claims: claims, key: JWSSigningKey(hmacSecret: Data(secret.utf8)), algorithm: .hs256)
            .compactSerialization
    }

    /// A request with a fresh token for the platform clock.
    static func send(
        _ platform: MockPlatform, _ method: String, _ path: String, json: String? = nil, token: String? = nil
    ) async throws -> HTTPResult {
        let bearer = try token ?? Self.token(issuedAt: platform.clock.now())
        var headers = ["Authorization": "Bearer \(bearer)"]
        if json != nil {
            headers["Content-Type"] = "application/json"
        }
        return try await TestHTTP.send(
            method, try platform.url(path), body: json.map { Data($0.utf8) }, headers: headers)
    }

    /// `POST /v2/notifications/sms` with the appointment template.
    static func sendSMS(
        _ platform: MockPlatform, to phone: String, reference: String? = nil, prefix: String = ""
    ) async throws -> HTTPResult {
        let referenceJSON = reference.map { #", "reference": "\#($0)""# } ?? ""
        let body = """
            {"phone_number": "\(phone)", "template_id": "\(sms)",
             "personalisation": {"name": "Dominique", "date": "12 mars", "place": "Lyon"}\(referenceJSON)}
            """
        return try await send(platform, "POST", prefix + "/v2/notifications/sms", json: body)
    }

    /// The single `{"error", "message"}` of a Notify error body, with the body's `status_code`.
    static func error(_ result: HTTPResult) throws -> (statusCode: Int?, error: String?, message: String?) {
        let object = try result.jsonObject()
        let errors = try #require(object["errors"] as? [[String: Any]])
        let first = try #require(errors.first)
        return (object["status_code"] as? Int, first["error"] as? String, first["message"] as? String)
    }

    static func object(_ result: HTTPResult) throws -> [String: Any] {
        try result.jsonObject()
    }
}
