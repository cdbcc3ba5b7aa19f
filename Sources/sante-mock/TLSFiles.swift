import ArgumentParser
import Foundation
import SanteMockPlatform

/// The files `--tls-files` writes: the mock's root certificate and a client certificate for `santekit-mtls`.
enum TLSFiles {
    /// The root certificate to trust.
    static let authorityFile = "ca.pem"
    /// The client certificate chain, leaf first.
    static let certificateFile = "client.pem"
    /// The client's private key (mode 0600).
    static let privateKeyFile = "client-key.pem"

    /// Writes the three files into `directory`, creating it when missing.
    /// - Returns: The directory, as an absolute URL.
    /// - Throws: `ValidationError` when the platform serves no TLS or a file cannot be written.
    static func write(for platform: MockPlatform, into directory: URL) throws -> URL {
        guard let authority = platform.certificateAuthority else {
            throw ValidationError("the mock platform was started without TLS")
        }
        let client = try authority.issueCertificate(for: MockPSCClient.mutualTLSDemoSubject)
        let directory = directory.standardizedFileURL
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try write(authority.certificatePEM, to: directory.appending(path: authorityFile), permissions: 0o644)
            try write(client.certificateChainPEM, to: directory.appending(path: certificateFile), permissions: 0o644)
            try write(client.privateKeyPEM, to: directory.appending(path: privateKeyFile), permissions: 0o600)
        } catch {
            throw ValidationError("--tls-files: cannot write into \(directory.path): \(error.localizedDescription)")
        }
        return directory
    }

    /// Writes `text` to `url` (replacing any file there) with `permissions`.
    private static func write(_ text: String, to url: URL, permissions: Int) throws {
        try? FileManager.default.removeItem(at: url)
        guard
            FileManager.default.createFile(
                atPath: url.path, contents: Data(text.utf8), attributes: [.posixPermissions: permissions])
        else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }
}
