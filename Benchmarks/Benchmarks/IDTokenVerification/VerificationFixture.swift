import Foundation
import ProSanteConnect
import SanteCore
import SanteHTTP

/// Keys, tokens and a warm client, made once per benchmark run.
struct VerificationFixture: Sendable {
    /// The time every token is valid at; the client's clock stays there.
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    let client: ProSanteConnectClient
    let rsaToken: String
    let ecToken: String
    let rsaVerifier: JWSVerifier
    let ecVerifier: JWSVerifier

    static func make() async throws -> VerificationFixture {
        let rsa = try JWSSigningKey.generateRSA(bits: 2048, keyID: "rsa-bench")
        let ec = JWSSigningKey.generateP256(keyID: "ec-bench")
        let transport = try OfflineProvider(keys: [rsa, ec])
        guard let discoveryURL = OfflineProvider.discoveryURL,
            let redirectURI = URL(string: "https://app.cabinet.bench/psc/callback")
        else {
            throw FixtureError(message: "the fixture's URLs do not parse")
        }
        let clock = TestClock(now: now)
        let configuration = ProSanteConnectConfiguration(
            environment: .custom(
                name: "benchmark", discoveryURL: discoveryURL, expectedIssuer: OfflineProvider.issuer),
            clientID: OfflineProvider.clientID,
            clientAuthentication: .clientSecretBasic("a-client-secret-long-enough-for-the-benchmark"),
            redirectURI: redirectURI,
            clock: clock)
        let client = try ProSanteConnectClient(configuration: configuration, transport: transport, retryPolicy: .none)
        let rsaToken = try sign(key: rsa)
        let ecToken = try sign(key: ec)
        // Warm the caches: the discovery document and the key set are fetched here, once.
        _ = try await client.verifyIDToken(rsaToken)
        _ = try await client.verifyIDToken(ecToken)
        return VerificationFixture(
            client: client, rsaToken: rsaToken, ecToken: ecToken,
            rsaVerifier: JWSVerifier(allowedAlgorithms: [.rs256], keys: [rsa.verificationKey]),
            ecVerifier: JWSVerifier(allowedAlgorithms: [.es256], keys: [ec.verificationKey]))
    }

    /// An ID token as Pro Santé Connect issues one, valid at ``now``.
    private static func sign(key: JWSSigningKey) throws -> String {
        let seconds = Int64(now.timeIntervalSince1970)
        let claims: JSONValue = [
            "iss": .string(OfflineProvider.issuer),
            "aud": .string(OfflineProvider.clientID),
            "azp": .string(OfflineProvider.clientID),
            "sub": "f:0b7e5a8c-3f1d-4c2a-9e6b-1a2b3c4d5e6f:899990000017",
            "exp": .integer(seconds + 120),
            "iat": .integer(seconds),
            "auth_time": .integer(seconds - 5),
            "acr": "eidas1",
            "typ": "ID",
            "SubjectNameID": "899990000017",
            "given_name": "CAMILLE",
            "family_name": "EXEMPLE",
        ]
        return try JWS.sign(claims: claims, key: key).compactSerialization
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
