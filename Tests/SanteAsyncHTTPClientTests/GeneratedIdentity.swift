import Foundation
import SanteTestSupport

/// A self-signed EC P-256 client identity made with `openssl`, in every form the tests need.
struct GeneratedIdentity {
    let certificatePEM: String
    let privateKeyPEM: String
    /// The private key encrypted with ``passphrase``.
    let encryptedPrivateKeyPEM: String
    /// A PKCS #12 bundle of the certificate and key, protected by ``passphrase``.
    let pkcs12: Data
    let passphrase = "s3cret-passphrase"
    /// The certificate's DER encoding, as openssl writes it.
    let certificateDER: Data
    /// SHA-256 of the DER encoding, as `openssl dgst` computes it.
    let opensslDigest: Data

    /// Generates a new identity in a temporary folder, removed afterwards.
    static func make() async throws -> GeneratedIdentity {
        let directory = FileManager.default.temporaryDirectory.appending(path: "santekit-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let passphrase = "s3cret-passphrase"
        try await OpenSSLTool.run(
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "key.pem", "-out", "cert.pem", "-days", "2", "-subj", "/CN=SanteKit test client",
            ], in: directory)
        try await OpenSSLTool.run(["x509", "-in", "cert.pem", "-outform", "DER", "-out", "cert.der"], in: directory)
        try await OpenSSLTool.run(["dgst", "-sha256", "-binary", "-out", "digest.bin", "cert.der"], in: directory)
        try await OpenSSLTool.run(
            ["pkey", "-in", "key.pem", "-aes256", "-passout", "pass:\(passphrase)", "-out", "key-encrypted.pem"],
            in: directory)
        try await OpenSSLTool.run(
            [
                "pkcs12", "-export", "-inkey", "key.pem", "-in", "cert.pem", "-passout", "pass:\(passphrase)",
                "-out", "identity.p12",
            ], in: directory)
        func text(_ name: String) throws -> String {
            try String(contentsOf: directory.appending(path: name), encoding: .utf8)
        }
        func bytes(_ name: String) throws -> Data {
            try Data(contentsOf: directory.appending(path: name))
        }
        return GeneratedIdentity(
            certificatePEM: try text("cert.pem"), privateKeyPEM: try text("key.pem"),
            encryptedPrivateKeyPEM: try text("key-encrypted.pem"), pkcs12: try bytes("identity.p12"),
            certificateDER: try bytes("cert.der"), opensslDigest: try bytes("digest.bin"))
    }

    /// The base64url (unpadded) encoding of openssl's digest: the expected `x5t#S256`.
    var expectedThumbprint: String {
        opensslDigest.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
