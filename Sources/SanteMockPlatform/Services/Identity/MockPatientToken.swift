/// The test-only patient access tokens of the mock: how they look, for the services that accept them.
///
/// > Warning: **TEST-ONLY.** No real platform issues such tokens to SanteKit: they exist so that tests can
/// > act as a patient (the mock DMP is to accept them and let a patient read their own documents). Mint one with
/// > ``MockPlatform/mintPatientToken(ins:lifetime:)`` or `POST /_mock/tokens/patient`.
///
/// An ES256 JWT (header `alg: ES256`, `typ: JWT`, `kid` of ``MockSigningKeys/ellipticCurve``) with the claims:
///
/// | Claim | Value |
/// |---|---|
/// | `iss` | ``MockPlatform/issuerURL`` |
/// | `sub` | ``subject(forINS:)``: a stable opaque id (a UUID) derived from the INS |
/// | `aud` | ``audience``: `"santekit-dmp"`, the mock DMP |
/// | `iat`, `exp` | whole seconds on the platform clock; `exp = iat + lifetime` |
/// | `jti` | a random UUID |
/// | `token_use` | ``tokenUse``: `"patient"` |
/// | `ins`, `ins_oid` | the patient's INS matricule and its OID (`1.2.250.1.213.1.4.10` for test patients) |
public enum MockPatientToken {
    /// The `aud` of every patient token: `"santekit-dmp"`, the mock DMP.
    public static let audience = "santekit-dmp"
    /// The name of the claim that tells token kinds apart: `"token_use"`.
    public static let tokenUseClaim = "token_use"
    /// The `token_use` of a patient token: `"patient"`.
    public static let tokenUse = "patient"
    /// The name of the claim holding the patient's INS matricule: `"ins"`.
    public static let insClaim = "ins"
    /// The name of the claim holding the OID of the INS's assigning authority: `"ins_oid"`.
    public static let insOIDClaim = "ins_oid"
    /// The lifetime used when none is given: 120 seconds, like a Pro Santé Connect access token.
    public static let defaultLifetime: Duration = .seconds(120)
    /// The longest lifetime accepted: one day.
    public static let maximumLifetime: Duration = .seconds(86_400)

    /// The `sub` of a patient's tokens: a UUID (version 8) derived from the INS, the same on every run and
    /// every platform, that does not show the INS.
    ///
    /// Not a secret and not a hash to rely on: a 64-bit FNV-1a of the INS expanded by SplitMix64.
    /// - Parameter ins: The INS matricule.
    /// - Returns: A lower-case UUID string, such as `"4f0c…-…-8…"`.
    public static func subject(forINS ins: String) -> String {
        StableUUID.make(from: "santekit-mock-patient:\(ins)")
    }
}
