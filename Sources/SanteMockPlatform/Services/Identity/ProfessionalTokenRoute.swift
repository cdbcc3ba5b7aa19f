import Hummingbird
import SanteCore

/// `POST /_mock/tokens/professional`: mints a TEST-ONLY Pro Santé Connect access token for a seeded
/// professional over HTTP (``MockPlatform/mintProfessionalToken(subjectNameID:lifetime:)``), so that a program
/// talking to a running `sante-mock` can act as a professional without a browser sign-in.
///
/// Request `{"subjectNameID": "899990000012", "lifetimeSeconds": 120}` (`lifetimeSeconds` optional, 120 by
/// default); answer `200 {"access_token": "...", "token_type": "Bearer", "expires_in": 120}` with
/// `Cache-Control: no-store`, or `400` with a JSON error naming the field (`subjectNameID` or
/// `lifetimeSeconds`) when no seeded professional has this id or the lifetime is not a whole number of
/// seconds from 1 to 86400.
enum ProfessionalTokenRoute {
    private struct MintRequest: Decodable {
        var subjectNameID: String
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
        group.post("tokens/professional") { request, context in
            let body = try await request.decode(as: MintRequest.self, context: context)
            // The minter checks the bounds; only a number that cannot become a Duration is refused here.
            let seconds = body.lifetimeSeconds ?? Double(MockPSCAccessToken.lifetime.components.seconds)
            guard seconds.isFinite, abs(seconds) < 1e15 else {
                return MockJSON.validationError([
                    ValidationIssue(field: "lifetimeSeconds", reason: "must be a whole number of seconds")
                ])
            }
            let token: String
            do throws(MockTokenError) {
                token = try identity.mintProfessionalToken(
                    subjectNameID: body.subjectNameID, lifetime: .seconds(seconds))
            } catch {
                return errorResponse(error)
            }
            var response = try MockJSON.response(
                TokenResponse(accessToken: token, expiresIn: Int64(seconds.rounded(.towardZero))))
            response.headers[.cacheControl] = "no-store"
            return response
        }
    }

    private static func errorResponse(_ error: MockTokenError) -> Response {
        switch error.reason {
        case .unknownProfessional:
            MockJSON.validationError([ValidationIssue(field: "subjectNameID", reason: error.message)])
        case .invalidLifetime:
            MockJSON.validationError([ValidationIssue(field: "lifetimeSeconds", reason: error.message)])
        default:
            MockJSON.error(.internalServerError, message: error.description)
        }
    }
}
