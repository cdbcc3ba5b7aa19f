import SanteCore

extension MockSigningKeys {
    /// The prefix of the `kid` under which the RSA key is published for PS256.
    static let ps256KeyIDPrefix = "santekit-mock-ps256-"

    /// The `kid` of the RSA key when it signs PS256: ``ps256KeyIDPrefix`` and the suffix of ``rsaKeyID``.
    ///
    /// A published key is bound to one algorithm (its JWK `alg`), so the RSA key appears a second time in
    /// the key set, bound to PS256, under this `kid`.
    var ps256KeyID: String {
        Self.ps256KeyIDPrefix + String(rsaKeyID.dropFirst(Self.rsaKeyIDPrefix.count))
    }

    /// The RSA key with the PS256 `kid`.
    var ps256: JWSSigningKey {
        var key = rsa
        key.keyID = ps256KeyID
        return key
    }

    /// The public key set to serve: ``keySet``, plus the RSA key bound to PS256 when `includingPS256`.
    /// - Parameter includingPS256: Whether some client signs with PS256.
    /// - Throws: ``SanteCore/JOSEError`` when the key cannot be exported.
    func publishedKeySet(includingPS256: Bool) throws(JOSEError) -> JWKSet {
        guard includingPS256 else { return keySet }
        return JWKSet(keys: keySet.keys + [try ps256.publicJWK(algorithm: .ps256)])
    }
}
