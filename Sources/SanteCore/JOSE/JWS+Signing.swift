public import Foundation

extension JWS {
    /// Signs a payload under a complete header.
    /// - Parameters:
    ///   - payload: The payload bytes.
    ///   - header: The protected header; its ``JWSHeader/algorithm`` is the signing algorithm.
    ///   - key: The signing key; it must suit the algorithm.
    /// - Returns: The signed JWS; read ``compactSerialization`` for the token.
    /// - Throws: ``JOSEError`` when the algorithm is `none` or unsupported, does not suit the key, or the
    ///   header cannot be encoded.
    public static func sign(
        payload: some DataProtocol, header: JWSHeader, key: JWSSigningKey
    ) throws(JOSEError) -> JWS {
        let headerJSON = try JOSEJSON.encode(header)
        let payloadBytes = Data(payload)
        let encodedHeader = Base64URL.encode(headerJSON)
        let encodedPayload = Base64URL.encode(payloadBytes)
        let signature = try key.signature(
            for: Data("\(encodedHeader).\(encodedPayload)".utf8), algorithm: header.algorithm)
        return JWS(
            header: header, payload: payloadBytes, signature: signature, encodedHeader: encodedHeader,
            encodedPayload: encodedPayload, encodedSignature: Base64URL.encode(signature))
    }

    /// Signs a payload; the header gets `alg`, the key's `kid` when it has one, and `typ` when given.
    /// - Parameters:
    ///   - payload: The payload bytes.
    ///   - key: The signing key.
    ///   - algorithm: The algorithm; `nil` picks the key's ``JWSSigningKey/defaultAlgorithm``.
    ///   - type: The `typ` header member, if any.
    ///   - additionalHeaderMembers: Extra header members; `alg`, `kid`, `typ`, `cty` and `crit` given here
    ///     are ignored.
    /// - Returns: The signed JWS.
    /// - Throws: ``JOSEError`` as ``sign(payload:header:key:)`` does.
    public static func sign(
        payload: some DataProtocol,
        key: JWSSigningKey,
        algorithm: JWSAlgorithm? = nil,
        type: String? = nil,
        additionalHeaderMembers: [String: JSONValue] = [:]
    ) throws(JOSEError) -> JWS {
        let header = JWSHeader(
            algorithm: algorithm ?? key.defaultAlgorithm, keyID: key.keyID, type: type,
            additionalMembers: additionalHeaderMembers)
        return try sign(payload: payload, header: header, key: key)
    }

    /// Encodes claims as compact JSON (sorted member names, `Date` as NumericDate seconds) and signs them.
    /// - Parameters:
    ///   - claims: The claims, such as a ``JWTClaims`` or any `Encodable` type.
    ///   - key: The signing key.
    ///   - algorithm: The algorithm; `nil` picks the key's ``JWSSigningKey/defaultAlgorithm``.
    ///   - type: The `typ` header member; `"JWT"` by default, `nil` to omit it.
    ///   - additionalHeaderMembers: Extra header members.
    /// - Returns: The signed JWS.
    /// - Throws: ``JOSEError`` with ``JOSEError/Reason/encodingFailed`` when the claims cannot be encoded,
    ///   or as ``sign(payload:header:key:)`` does.
    public static func sign(
        claims: some Encodable,
        key: JWSSigningKey,
        algorithm: JWSAlgorithm? = nil,
        type: String? = "JWT",
        additionalHeaderMembers: [String: JSONValue] = [:]
    ) throws(JOSEError) -> JWS {
        let payload = try JOSEJSON.encode(claims)
        return try sign(
            payload: payload, key: key, algorithm: algorithm, type: type,
            additionalHeaderMembers: additionalHeaderMembers)
    }
}
