/// Who a bearer token accepted by the mock speaks for, as ``MockTokenVerifier`` reports it.
public enum MockPrincipal: Sendable, Hashable {
    /// A test patient, by the 15-character INS matricule of the token's `ins` claim.
    case patient(ins: String)
    /// A health professional signed in with the mock Pro Santé Connect, by the token's `SubjectNameID`
    /// (see ``MockIdentities/professionals``).
    case professional(subjectNameID: String)
}
