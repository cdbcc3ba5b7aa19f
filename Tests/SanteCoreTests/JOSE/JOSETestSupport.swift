import Foundation
import SanteCore

/// Keys shared by the JOSE tests; RSA generation is slow, so each key is made once.
enum JOSETestKeys {
    static let rsaResult = Result { () throws(JOSEError) in try JWSSigningKey.generateRSA(bits: 2048, keyID: "rsa-1") }
    static let otherRSAResult = Result { () throws(JOSEError) in
        try JWSSigningKey.generateRSA(bits: 2048, keyID: "rsa-2")
    }

    /// An RSA signing key with kid `rsa-1`.
    static func rsa() throws -> JWSSigningKey { try rsaResult.get() }
    /// A different RSA signing key with kid `rsa-2`.
    static func otherRSA() throws -> JWSSigningKey { try otherRSAResult.get() }
}

/// Builds a compact token from raw header and payload JSON text and a signature, for hand-crafted cases.
func craftToken(header: String, payload: String, signature: Data = Data()) -> String {
    "\(Base64URL.encode(utf8: header)).\(Base64URL.encode(utf8: payload)).\(Base64URL.encode(signature))"
}

/// The reason of a `JOSEError` thrown by `body`, or `nil` when nothing (or something else) is thrown.
func joseReason<T>(_ body: () throws -> T) -> JOSEError.Reason? {
    do {
        _ = try body()
        return nil
    } catch let error as JOSEError {
        return error.reason
    } catch {
        return nil
    }
}
