import Hummingbird
import SanteCore

/// `POST /_mock/tokens/patient`: mints a test-only patient token (``MockPatientToken``) over HTTP.
///
/// Request `{"ins": "279035121518989", "lifetimeSeconds": 120}` (`lifetimeSeconds` optional, 120 by default);
/// answer `200 {"access_token": "...", "token_type": "Bearer", "expires_in": 120}` with `Cache-Control: no-store`,
/// or `400` with a JSON error naming the field (`ins` or `lifetimeSeconds`) when the INS is not a seeded test
/// patient or the lifetime is not a whole number of seconds from 1 to 86400.
enum PatientTokenRoute {
    private struct MintRequest: Decodable {
        var ins: String
        var lifetimeSeconds: Double?
    }

    private struct TokenResponse: Encodable {
        var accessToken: String
        var tokenType = "Bearer"
        var expiresIn: Int64

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token"
            case tokenType = "token_type"
            case expiresIn = "expires_in"
        }
    }

    /// Registers the route on the `/_mock` group.
    /// - Parameters:
    ///   - group: The route group of `/_mock`.
    ///   - identity: The identity service's state, which mints the token.
    static func register(on group: RouterGroup<MockRequestContext>, identity: IdentityServiceState) {
        group.post("tokens/patient") { request, context in
            let body = try await request.decode(as: MintRequest.self, context: context)
            // The minter checks the bounds; only a number that cannot become a Duration is refused here.
            let seconds = body.lifetimeSeconds ?? Double(MockPatientToken.defaultLifetime.components.seconds)
            guard seconds.isFinite, abs(seconds) < 1e15 else {
                return MockJSON.validationError([
                    ValidationIssue(field: "lifetimeSeconds", reason: "must be a whole number of seconds")
                ])
            }
            let minted: MintedPatientToken
            do throws(MockTokenError) {
                minted = try await identity.mintPatientToken(ins: body.ins, lifetime: .seconds(seconds))
            } catch {
                return errorResponse(error)
            }
            var response = try MockJSON.response(
                TokenResponse(accessToken: minted.accessToken, expiresIn: minted.expiresIn))
            response.headers[.cacheControl] = "no-store"
            return response
        }
    }

    private static func errorResponse(_ error: MockTokenError) -> Response {
        switch error.reason {
        case .unknownPatient:
            MockJSON.validationError([ValidationIssue(field: "ins", reason: error.message)])
        case .invalidLifetime:
            MockJSON.validationError([ValidationIssue(field: "lifetimeSeconds", reason: error.message)])
        default:
            MockJSON.error(.internalServerError, message: error.description)
        }
    }
}
