import Foundation
import SanteCore

/// Builds the provider's ID tokens, faults included.
struct PSCIDToken: Sendable {
    /// The value of `acr`: the only level PSC accepts today.
    static let authenticationContext = "eidas1"
    /// The client named by the `wrongAudience` and `wrongAuthorizedParty` faults.
    static let otherClientID = "santekit-other-client"

    let issuer: String
    let signer: PSCTokenSigner
    let client: MockPSCClient
    /// The current time, whole seconds since 1970.
    let now: Int64

    /// The claims of a well-formed ID token for `grant`, with `at_hash` of `accessToken`.
    func claims(for grant: PSCGrant, accessToken: String, algorithm: JWSAlgorithm) -> JWTClaims {
        let professional = grant.professional
        var additional: [String: JSONValue] = [
            "azp": .string(client.clientID),
            "auth_time": .integer(grant.authTime),
            "acr": .string(Self.authenticationContext),
            "sid": .string(grant.sessionID),
            "session_state": .string(grant.sessionID),
            "typ": "ID",
            "SubjectNameID": .string(professional.subjectNameID),
            "preferred_username": .string(professional.subjectNameID),
            "given_name": .string(professional.givenName),
            "family_name": .string(professional.familyName),
            "name": .string("\(professional.givenName) \(professional.familyName)"),
        ]
        additional["nonce"] = grant.nonce.map(JSONValue.string)
        additional["at_hash"] = (try? JWTTokenHash.compute(for: accessToken, algorithm: algorithm)).map(
            JSONValue.string)
        return JWTClaims(
            issuer: issuer, subject: PSCUserInfo.subject(of: professional), audience: .single(client.clientID),
            expirationTime: NumericDate(secondsSince1970: Double(now) + 120),
            issuedAt: NumericDate(secondsSince1970: Double(now)), jwtID: PSCRandom.uuid(), additionalClaims: additional)
    }

    /// The signed ID token for `grant`, altered by `faults`.
    /// - Throws: ``PSCOAuthError`` (`server_error`) when signing fails.
    func token(for grant: PSCGrant, accessToken: String, faults: Set<MockPSCFault>) throws(PSCOAuthError) -> String {
        let algorithm = client.idTokenSignedResponseAlgorithm
        var claims = claims(for: grant, accessToken: accessToken, algorithm: algorithm)
        applyClaimFaults(faults, to: &claims, algorithm: algorithm)
        return try serialize(claims, algorithm: algorithm, faults: faults)
    }

    private func applyClaimFaults(_ faults: Set<MockPSCFault>, to claims: inout JWTClaims, algorithm: JWSAlgorithm) {
        let now = Double(self.now)
        for fault in faults {
            switch fault {
            case .wrongIssuer: claims.issuer = issuer + "-other"
            case .wrongAudience: claims.audience = .single(Self.otherClientID)
            case .wrongAuthorizedParty:
                claims.audience = .multiple([client.clientID, Self.otherClientID])
                claims.additionalClaims["azp"] = .string(Self.otherClientID)
            case .missingAudience: claims.audience = nil
            case .missingSubject: claims.subject = nil
            case .wrongSubject:
                let subjectNameID = claims[claim: "SubjectNameID"]?.stringValue ?? ""
                claims.subject =
                    "f:\(StableUUID.make(from: "santekit-mock-psc-other:\(subjectNameID)")):\(subjectNameID)"
            case .missingIssuedAt: claims.issuedAt = nil
            case .expired:
                claims.issuedAt = NumericDate(secondsSince1970: now - 300)
                claims.expirationTime = NumericDate(secondsSince1970: now - 60)
            case .issuedInFuture:
                claims.issuedAt = NumericDate(secondsSince1970: now + 3_600)
                claims.expirationTime = NumericDate(secondsSince1970: now + 3_720)
            case .wrongNonce: claims.additionalClaims["nonce"] = .string("wrong-\(PSCRandom.token(byteCount: 8))")
            case .badAccessTokenHash:
                let hash = try? JWTTokenHash.compute(for: "not-the-access-token", algorithm: algorithm)
                claims.additionalClaims["at_hash"] = .string(hash ?? "AAAAAAAAAAAAAAAAAAAAAA")
            case .missingAccessTokenHash: claims.additionalClaims["at_hash"] = nil
            case .wrongACR: claims.additionalClaims["acr"] = "eidas2"
            default: break
            }
        }
    }

    private func serialize(
        _ claims: JWTClaims, algorithm: JWSAlgorithm, faults: Set<MockPSCFault>
    ) throws(PSCOAuthError) -> String {
        if faults.contains(.algNone) {
            return try PSCUnsecuredJWT.serialize(claims)
        }
        var algorithm = algorithm
        var key: JWSSigningKey
        if faults.contains(.hs256Confusion) {
            guard let pem = signer.keys.rsa.verificationKey.pemRepresentation else {
                throw .serverError("the RSA public key has no PEM form")
            }
            algorithm = .hs256
            key = JWSSigningKey(hmacSecret: Data(pem.utf8), keyID: signer.keys.rsaKeyID)
        } else {
            key = try signer.signingKey(for: algorithm, client: client)
            if faults.contains(.kidAbsentWithSeveralKeys) {
                key.keyID = nil
            }
            if faults.contains(.unknownKid) {
                key.keyID = "santekit-mock-unknown-\(PSCRandom.token(byteCount: 6))"
            }
        }
        let token = try signer.sign(claims, key: key, algorithm: algorithm)
        return faults.contains(.badSignature) ? PSCUnsecuredJWT.corruptingSignature(of: token) : token
    }
}

/// Hand-made JWTs the signing API refuses to produce, for faults.
enum PSCUnsecuredJWT {
    /// An unsecured JWT: header `{"alg":"none","typ":"JWT"}`, the claims, an empty signature.
    static func serialize(_ claims: JWTClaims) throws(PSCOAuthError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            let header = try encoder.encode(["alg": "none", "typ": "JWT"])
            let payload = try encoder.encode(claims)
            return "\(Base64URL.encode(header)).\(Base64URL.encode(payload))."
        } catch {
            throw .serverError("the unsecured token could not be encoded")
        }
    }

    /// `token` with the first byte of its signature flipped, so that it no longer verifies.
    static func corruptingSignature(of token: String) -> String {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, var signature = try? Base64URL.decode(parts[2]), !signature.isEmpty else {
            return token
        }
        signature[signature.startIndex] ^= 0xFF
        return "\(parts[0]).\(parts[1]).\(Base64URL.encode(signature))"
    }
}
