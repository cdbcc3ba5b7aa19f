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

    /// Why the files could not be written; `sante-mock` then stops with this message (exit status 1).
    struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        let description: String
    }

    /// Writes the three files into `directory`, creating it when missing.
    /// - Returns: The directory, as an absolute URL.
    /// - Throws: ``Failure`` when the platform serves no TLS, the certificate cannot be made or a file cannot
    ///   be written.
    static func write(for platform: MockPlatform, into directory: URL) throws(Failure) -> URL {
        guard let authority = platform.certificateAuthority else {
            throw Failure(description: "the mock platform was started without TLS")
        }
        let directory = directory.standardizedFileURL
        do {
            let client = try authority.issueCertificate(for: MockPSCClient.mutualTLSDemoSubject)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try write(authority.certificatePEM, to: directory.appending(path: authorityFile), mode: 0o644)
            try write(client.certificateChainPEM, to: directory.appending(path: certificateFile), mode: 0o644)
            try write(client.privateKeyPEM, to: directory.appending(path: privateKeyFile), mode: 0o600)
        } catch {
            throw Failure(
                description: "--tls-files: cannot write into \(directory.path): \(error.localizedDescription)")
        }
        return directory
    }

    /// Writes `text` to the file at `url`, which is created with `mode` (or set to it) before any byte is
    /// written, so that a key is never readable by others.
    private static func write(_ text: String, to url: URL, mode: mode_t) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        guard fchmod(descriptor, mode) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }
}
