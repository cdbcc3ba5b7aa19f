import Foundation
import SanteKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which provider and client a stored Pro Santé Connect session belongs to (never a secret or a token).
struct PSCSessionRecord: Codable, Equatable {
    /// The provider's discovery document.
    var discoveryURL: URL
    /// The provider's issuer, as the ID token named it.
    var issuer: String
    /// The client id the session was opened with.
    var clientID: String
    /// The ID token's `sub`, which the userinfo must carry.
    var subject: String
    /// The professional's national identifier.
    var subjectNameID: String?
    /// The scopes requested.
    var scopes: [String]
    /// The authentication levels requested.
    var acrValues: [String]
    /// The ID token algorithms accepted.
    var idTokenAlgorithms: [String]
    /// Whether the client is the mock's seeded `santekit-demo`, whose secret the CLI knows.
    var usesMockDemoClient: Bool
    /// Whether the provider was a mock that lived inside the command that signed in (and is gone).
    var providerWasInProcess: Bool
    /// When the professional signed in.
    var signedInAt: Date
}

/// Where `sante psc` keeps the session: `$SANTE_HOME` (default `~/.config/santekit`).
///
/// - `psc-session.json`: the tokens, through the client's `FileTokenStore` (atomic, mode 0600);
/// - `psc-provider.json`: the ``PSCSessionRecord`` (mode 0600).
///
/// The directory is created with mode 0700.
struct PSCSessionStore {
    /// The directory, `$SANTE_HOME`.
    let directory: URL

    /// The tokens file.
    var tokensURL: URL { directory.appending(path: "psc-session.json") }
    /// The provider record file.
    var recordURL: URL { directory.appending(path: "psc-provider.json") }
    /// The store of the tokens.
    var tokenStore: FileTokenStore { FileTokenStore(fileURL: tokensURL) }

    /// The store in `$SANTE_HOME`, else `~/.config/santekit`.
    static func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) -> PSCSessionStore {
        if let home = environment["SANTE_HOME"], !home.isEmpty {
            return PSCSessionStore(directory: URL(fileURLWithPath: home, isDirectory: true))
        }
        let userHome =
            environment["HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return PSCSessionStore(directory: userHome.appending(path: ".config/santekit", directoryHint: .isDirectory))
    }

    /// Saves the record (atomically, mode 0600).
    /// - Throws: ``OperationFailed`` when the file cannot be written.
    func save(_ record: PSCSessionRecord) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data: Data
        do {
            data = try encoder.encode(record)
        } catch {
            throw OperationFailed(reason: "the session record cannot be encoded (\(error))")
        }
        try createDirectory()
        try PrivateFile.save(data, to: recordURL)
    }

    /// The record, or `nil` when there is none.
    /// - Throws: ``OperationFailed`` when the file exists but cannot be read.
    func loadRecord() throws -> PSCSessionRecord? {
        guard FileManager.default.fileExists(atPath: recordURL.path) else { return nil }
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(PSCSessionRecord.self, from: Data(contentsOf: recordURL))
        } catch {
            throw OperationFailed(reason: "\(recordURL.path) is not a sante session record; run `sante psc logout`")
        }
    }

    /// Deletes the record (the tokens are cleared through the token store).
    /// - Throws: ``OperationFailed`` when the file cannot be deleted.
    func removeRecord() throws {
        guard unlink(recordURL.path) == 0 || errno == ENOENT else {
            throw OperationFailed(reason: "\(recordURL.path) cannot be deleted (errno \(errno))")
        }
    }

    private func createDirectory() throws {
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw OperationFailed(reason: "\(directory.path) cannot be created (\(error.localizedDescription))")
        }
    }
}

/// Writes files readable by their owner only.
enum PrivateFile {
    /// Writes `data` to a new temporary file created with mode 0600, then renames it over `url`.
    /// - Throws: ``OperationFailed`` naming the file.
    static func save(_ data: Data, to url: URL) throws {
        let temporaryPath = url.deletingLastPathComponent()
            .appending(path: ".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw OperationFailed(reason: "\(url.path) cannot be written (errno \(errno))")
        }
        let bytes = [UInt8](data)
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress.map { $0 + written }, bytes.count - written)
            }
            guard result > 0 else {
                close(descriptor)
                unlink(temporaryPath)
                throw OperationFailed(reason: "\(url.path) cannot be written (errno \(errno))")
            }
            written += result
        }
        fsync(descriptor)
        close(descriptor)
        guard rename(temporaryPath, url.path) == 0 else {
            unlink(temporaryPath)
            throw OperationFailed(reason: "\(url.path) cannot be replaced (errno \(errno))")
        }
    }
}
