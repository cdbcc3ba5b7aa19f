public import SanteCore

extension ProSanteConnectError {
    /// Why a Pro Santé Connect operation failed: a stable string constant that callers and tests match.
    ///
    /// New reasons may be added in minor releases; match the ones you handle and keep a default branch.
    public struct Reason: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The reason's stable string form, such as `"id_token_invalid_issuer"`.
        public let rawValue: String

        /// Creates a reason from its string form.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The reason's string form.
        public var description: String { rawValue }

        // MARK: Configuration and transport

        /// The configuration cannot work as given (an empty client id, HS256 without a secret…).
        public static let invalidConfiguration = Reason(rawValue: "invalid_configuration")
        /// An endpoint is neither HTTPS nor on the loopback interface.
        public static let insecureEndpoint = Reason(rawValue: "insecure_endpoint")
        /// The provider does not advertise the endpoint an operation needs (such as CIBA or revocation).
        public static let endpointNotAdvertised = Reason(rawValue: "endpoint_not_advertised")
        /// The request could not be carried or the server answered an unexpected status; the ``code`` is
        /// the HTTP failure's (transport, timeout, HTTP status, cancelled).
        public static let requestFailed = Reason(rawValue: "request_failed")
        /// A response body was larger than the configured limit.
        public static let responseTooLarge = Reason(rawValue: "response_too_large")
        /// A response body did not have the expected shape.
        public static let invalidResponse = Reason(rawValue: "invalid_response")
        /// The calling task was cancelled.
        public static let cancelled = Reason(rawValue: "cancelled")

        // MARK: Discovery and keys

        /// The discovery document is not valid provider metadata.
        public static let discoveryInvalid = Reason(rawValue: "discovery_invalid")
        /// The discovery document's `issuer` differs from the expected issuer.
        public static let discoveryIssuerMismatch = Reason(rawValue: "discovery_issuer_mismatch")
        /// The JWK set at `jwks_uri` is not a valid JWK set.
        public static let jwksInvalid = Reason(rawValue: "jwks_invalid")

        // MARK: Signatures

        /// The token's `alg` is `none` or not in the allow-list of this client.
        public static let algorithmNotAllowed = Reason(rawValue: "algorithm_not_allowed")
        /// The signature does not verify.
        public static let signatureInvalid = Reason(rawValue: "signature_invalid")
        /// The token names a `kid` absent from the JWK set, even after one refetch.
        public static let unknownKeyID = Reason(rawValue: "unknown_key_id")
        /// The token names no `kid` and several keys could verify it.
        public static let ambiguousKey = Reason(rawValue: "ambiguous_key")
        /// No key of the JWK set can verify a token with this algorithm.
        public static let noMatchingKey = Reason(rawValue: "no_matching_key")
        /// The key the token names is bound to, or is of, another algorithm.
        public static let keyAlgorithmMismatch = Reason(rawValue: "key_algorithm_mismatch")

        // MARK: ID token

        /// The token response has no `id_token`.
        public static let idTokenMissing = Reason(rawValue: "id_token_missing")
        /// The ID token is not a compact JWS with a JSON claims set.
        public static let idTokenMalformed = Reason(rawValue: "id_token_malformed")
        /// `iss` is not exactly the provider's issuer.
        public static let idTokenInvalidIssuer = Reason(rawValue: "id_token_invalid_issuer")
        /// `aud` is missing, lacks this client, or lists an audience this client does not trust.
        public static let idTokenInvalidAudience = Reason(rawValue: "id_token_invalid_audience")
        /// `azp` is missing with several audiences, or is not this client.
        public static let idTokenInvalidAuthorizedParty = Reason(rawValue: "id_token_invalid_authorized_party")
        /// `sub` is missing or empty.
        public static let idTokenMissingSubject = Reason(rawValue: "id_token_missing_subject")
        /// `iat` is missing.
        public static let idTokenMissingIssuedAt = Reason(rawValue: "id_token_missing_issued_at")
        /// `exp` is missing.
        public static let idTokenMissingExpiration = Reason(rawValue: "id_token_missing_expiration")
        /// `exp` is past, beyond the leeway.
        public static let idTokenExpired = Reason(rawValue: "id_token_expired")
        /// `iat` is in the future, beyond the leeway.
        public static let idTokenIssuedInFuture = Reason(rawValue: "id_token_issued_in_future")
        /// `nbf` is in the future, beyond the leeway.
        public static let idTokenNotYetValid = Reason(rawValue: "id_token_not_yet_valid")
        /// The `typ` claim is present and is not `"ID"` (an access or logout token offered as an ID token).
        public static let idTokenInvalidType = Reason(rawValue: "id_token_invalid_type")
        /// `nonce` is missing or differs from the one sent.
        public static let nonceMismatch = Reason(rawValue: "nonce_mismatch")
        /// `at_hash` does not match the access token.
        public static let accessTokenHashMismatch = Reason(rawValue: "access_token_hash_mismatch")
        /// `acr` is missing or is not the requested level (`eidas1`).
        public static let acrMismatch = Reason(rawValue: "acr_mismatch")
        /// `auth_time` is missing although `max_age` was sent.
        public static let idTokenMissingAuthTime = Reason(rawValue: "id_token_missing_auth_time")
        /// `auth_time` is older than `max_age` allows.
        public static let authenticationTooOld = Reason(rawValue: "authentication_too_old")
        /// A refreshed ID token changed `iss`, `sub`, `aud`, `azp`, `auth_time` or `nonce`.
        public static let refreshedIDTokenMismatch = Reason(rawValue: "refreshed_id_token_mismatch")

        // MARK: Authorization redirect

        /// The callback URL is not the configured redirect URI.
        public static let redirectURIMismatch = Reason(rawValue: "redirect_uri_mismatch")
        /// `state` is missing or differs from the one sent.
        public static let stateMismatch = Reason(rawValue: "state_mismatch")
        /// The redirect's `iss` (RFC 9207) differs from the provider's issuer.
        public static let issuerMismatchInRedirect = Reason(rawValue: "issuer_mismatch_in_redirect")
        /// The provider advertises RFC 9207 but the redirect has no `iss`.
        public static let missingIssuerInRedirect = Reason(rawValue: "missing_issuer_in_redirect")
        /// The redirect has neither `code` nor `error`.
        public static let missingAuthorizationCode = Reason(rawValue: "missing_authorization_code")
        /// The provider refused the authorization (or CIBA request); see ``ProSanteConnectError/oauthError``
        /// (for example `access_denied`).
        public static let authorizationDenied = Reason(rawValue: "authorization_denied")

        // MARK: Endpoints and sessions

        /// An endpoint answered an OAuth error; see ``ProSanteConnectError/oauthError``.
        public static let oauth = Reason(rawValue: "oauth")
        /// The token response is unusable (no `access_token`, a `token_type` other than Bearer…).
        public static let invalidTokenResponse = Reason(rawValue: "invalid_token_response")
        /// The userinfo response is unusable (not JSON, not a JWT, no `sub`…).
        public static let userinfoInvalid = Reason(rawValue: "userinfo_invalid")
        /// The userinfo response has a `Content-Type` other than JSON or JWT.
        public static let userinfoUnsupportedContentType = Reason(rawValue: "userinfo_unsupported_content_type")
        /// A signed userinfo response has an `iss` other than the provider's issuer.
        public static let userinfoInvalidIssuer = Reason(rawValue: "userinfo_invalid_issuer")
        /// A signed userinfo response has an `aud` without this client.
        public static let userinfoInvalidAudience = Reason(rawValue: "userinfo_invalid_audience")
        /// The userinfo `sub` differs from the ID token's.
        public static let userinfoSubjectMismatch = Reason(rawValue: "userinfo_subject_mismatch")
        /// The session is over (no tokens, an expired refresh token, or `invalid_grant` on refresh): the
        /// tokens were cleared and the professional must log in again.
        public static let sessionEnded = Reason(rawValue: "session_ended")
        /// The token store could not load, save or clear the tokens.
        public static let tokenStoreFailed = Reason(rawValue: "token_store_failed")
        /// The CIBA request expired before the professional answered (`expired_token`, or `expires_in` passed).
        public static let backchannelAuthenticationExpired = Reason(rawValue: "backchannel_authentication_expired")

        /// The `SanteErrorCode` this reason maps to.
        public var code: SanteErrorCode {
            switch self {
            case .invalidConfiguration, .insecureEndpoint, .endpointNotAdvertised, .tokenStoreFailed:
                .configuration
            case .requestFailed, .responseTooLarge:
                .transport
            case .invalidResponse, .discoveryInvalid, .jwksInvalid, .idTokenMalformed, .invalidTokenResponse,
                .userinfoInvalid, .userinfoUnsupportedContentType:
                .decoding
            case .cancelled:
                .cancelled
            case .oauth:
                .httpStatus
            case .backchannelAuthenticationExpired:
                .timeout
            default:
                .verification
            }
        }
    }
}
