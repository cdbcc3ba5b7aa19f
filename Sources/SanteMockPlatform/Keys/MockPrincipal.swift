/// Who a bearer token accepted by the mock speaks for, as ``MockTokenVerifier`` reports it.
///
/// Only patients exist for now; professionals will be added with the mock Pro Santé Connect provider
/// that mints their tokens.
public enum MockPrincipal: Sendable, Hashable {
    /// A test patient, by the 15-character INS matricule of the token's `ins` claim.
    case patient(ins: String)
}
