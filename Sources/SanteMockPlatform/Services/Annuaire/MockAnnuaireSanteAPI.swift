/// The mock Annuaire Santé FHIR API's test credentials.
///
/// > Warning: **TEST-ONLY.** A fixed, public key: the mock accepts it, nothing else does.
public enum MockAnnuaireSanteAPI {
    /// The header the ANS gateway reads the key from: `ESANTE-API-KEY`.
    public static let apiKeyHeader = "ESANTE-API-KEY"

    /// The only key the mock accepts: `santekit-mock-esante-5d2c7e9a41b34f08`.
    ///
    /// Every request under `/annuaire/fhir/v2` without it, or with another key, gets `401` with an
    /// `OperationOutcome` (code `security`).
    public static let apiKey = "santekit-mock-esante-5d2c7e9a41b34f08"
}
