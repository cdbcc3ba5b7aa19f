public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A ``TokenStore`` in a JSON file, written atomically and readable by its owner only.
///
/// - **Atomic:** the tokens are written to a temporary file in the same directory (created with
///   `O_CREAT | O_EXCL` and mode `0600`, so it is never readable by others, even for an instant),
///   flushed to disk with `fsync`, then renamed over the file. A crash leaves the old file or the new
///   one, never a mix.
/// - **Private:** the file has POSIX mode `0600`; a missing parent directory is created with mode `0700`.
/// - The tokens are **not encrypted**: on a server, put the file on an encrypted volume, or write a
///   ``TokenStore`` over your secrets store.
public struct FileTokenStore: TokenStore {
    /// The file's location.
    public let fileURL: URL

    /// Creates a store.
    /// - Parameter fileURL: The file's location (a `file:` URL).
    public init(fileURL: URL) {
        self.fileURL = fileURL
    }

    /// Reads the file; a missing file means no tokens.
    /// - Throws: ``ProSanteConnectError`` with ``ProSanteConnectError/Reason/tokenStoreFailed``.
    public func load() async throws -> ProSanteConnectTokens? {
        let data: Data
        do {
            data = try Data(contentsOf: fileURL)
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            return nil
        } catch {
            throw failure("the token file cannot be read", error)
        }
        do {
            return try JSONDecoder().decode(ProSanteConnectTokens.self, from: data)
        } catch {
            throw failure("the token file does not hold tokens", error)
        }
    }

    /// Writes the tokens atomically with mode `0600`.
    /// - Throws: ``ProSanteConnectError`` with ``ProSanteConnectError/Reason/tokenStoreFailed``.
    public func save(_ tokens: ProSanteConnectTokens) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data: Data
        do {
            data = try encoder.encode(tokens)
        } catch {
            throw failure("the tokens cannot be encoded", error)
        }
        let directory = fileURL.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw failure("the token directory cannot be created", error)
        }
        let temporaryPath = directory.appending(path: ".\(fileURL.lastPathComponent).\(UUID().uuidString).tmp").path
        try writeNewFile(at: temporaryPath, data: data)
        guard rename(temporaryPath, fileURL.path) == 0 else {
            let code = errno
            unlink(temporaryPath)
            throw failure("the token file cannot be replaced (errno \(code))", nil)
        }
    }

    /// Deletes the file; a missing file is fine.
    /// - Throws: ``ProSanteConnectError`` with ``ProSanteConnectError/Reason/tokenStoreFailed``.
    public func clear() async throws {
        guard unlink(fileURL.path) == 0 || errno == ENOENT else {
            throw failure("the token file cannot be deleted (errno \(errno))", nil)
        }
    }

    /// Creates `path` (which must not exist) with mode 0600, writes `data` and flushes it to disk.
    private func writeNewFile(at path: String, data: Data) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw failure("a temporary token file cannot be created (errno \(errno))", nil)
        }
        var written = 0
        let bytes = [UInt8](data)
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress.map { $0 + written }, bytes.count - written)
            }
            guard result > 0 else {
                let code = errno
                close(descriptor)
                unlink(path)
                throw failure("the temporary token file cannot be written (errno \(code))", nil)
            }
            written += result
        }
        guard fsync(descriptor) == 0 else {
            let code = errno
            close(descriptor)
            unlink(path)
            throw failure("the temporary token file cannot be flushed (errno \(code))", nil)
        }
        close(descriptor)
    }

    private func failure(_ message: String, _ error: (any Error)?) -> ProSanteConnectError {
        ProSanteConnectError(.tokenStoreFailed, message, operation: "psc.token_store", underlyingError: error)
    }
}
