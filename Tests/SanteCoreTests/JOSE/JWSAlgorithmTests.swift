import Foundation
import SanteCore
import Testing

@Suite("JWSAlgorithm and JOSEError")
struct JWSAlgorithmTests {
    @Test("known algorithms map to their key types; unknown names are kept but unsupported")
    func algorithms() throws {
        #expect(JWSAlgorithm.rs256.requiredKeyType == .rsa)
        #expect(JWSAlgorithm.ps256.requiredKeyType == .rsa)
        #expect(JWSAlgorithm.es256.requiredKeyType == .ellipticCurve)
        #expect(JWSAlgorithm.hs256.requiredKeyType == .octetSequence)
        #expect(JWSAlgorithm.supported == [.rs256, .ps256, .es256, .hs256])

        let unknown: JWSAlgorithm = "EdDSA"
        #expect(unknown.rawValue == "EdDSA")
        #expect(!unknown.isSupported)
        #expect(unknown.requiredKeyType == nil)
        #expect(JWSAlgorithm("rs256") != .rs256)

        #expect(JWSAlgorithm.unsecured.rawValue == "none")
        #expect(JWSAlgorithm("NoNe").isUnsecured)
        #expect(!JWSAlgorithm.unsecured.isSupported)

        let encoded = try JSONEncoder().encode([JWSAlgorithm.ps256, unknown])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["PS256","EdDSA"]"#)
        #expect(try JSONDecoder().decode([JWSAlgorithm].self, from: encoded) == [.ps256, unknown])
    }

    @Test("reasons map to stable codes")
    func codes() {
        let decoding: [JOSEError.Reason] = [
            .malformedCompactSerialization, .invalidBase64URL, .invalidHeader, .invalidPayload, .invalidKey,
            .unsupportedKeyType, .unsupportedCurve,
        ]
        let verification: [JOSEError.Reason] = [
            .unsecuredAlgorithm, .algorithmNotAllowed, .unsupportedAlgorithm, .keyAlgorithmMismatch, .unknownKeyID,
            .ambiguousKey, .noMatchingKey, .invalidSignature, .unsupportedCriticalHeader, .expired, .notYetValid,
            .issuedInFuture, .issuedTooLongAgo, .missingRequiredClaim,
        ]
        #expect(decoding.allSatisfy { $0.code == .decoding })
        #expect(verification.allSatisfy { $0.code == .verification })
        #expect(JOSEError.Reason.weakKey.code == .configuration)
        #expect(JOSEError.Reason.unknownKeyID.rawValue == "unknown_key_id")
        #expect(Set((decoding + verification).map(\.rawValue)).count == decoding.count + verification.count)
        let error = JOSEError(.unknownKeyID, "no key has this kid", keyID: "k", operation: "jose.verify")
        #expect(error.description == "jose.verify: unknown_key_id: no key has this kid (kid \"k\")")
        #expect(!error.isNetworkError)
    }
}
