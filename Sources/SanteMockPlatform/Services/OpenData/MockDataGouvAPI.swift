/// The mock data.gouv.fr API's test credentials.
///
/// > Warning: **TEST-ONLY.** A fixed, public key: the mock accepts it, nothing else does.
public enum MockDataGouvAPI {
    /// The header udata reads the key from: `X-API-KEY`.
    public static let apiKeyHeader = "X-API-KEY"

    /// The only key the mock accepts: `udata_santekit-mock-8c1f4e2a9b7d4c3e`.
    ///
    /// `GET /data/api/1/me/` answers `200` with it, `401` without a key or with any other key; any API call
    /// sent with another key gets `401 {"message": "Invalid API token"}`.
    public static let apiKey = "udata_santekit-mock-8c1f4e2a9b7d4c3e"
}
