#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A POSIX file descriptor, closed when the last reference goes away.
///
/// `package` so that SanteKit modules read and write files the same way: every call that may block is
/// made through ``BlockingIO``, never on the cooperative pool.
package final class FileDescriptor: Sendable {
    /// How the file is opened.
    package enum Mode: Sendable {
        /// Read only.
        case read
        /// Write only, created if absent, emptied first.
        case writeTruncating
        /// Write only, created if absent, writing at the end.
        case writeAppending
    }

    /// The raw descriptor.
    package let rawValue: Int32

    private init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    deinit {
        _ = close(rawValue)
    }

    /// Opens `path` off the cooperative pool.
    /// - Parameters:
    ///   - path: The file's path.
    ///   - mode: How to open it.
    /// - Returns: The open descriptor.
    /// - Throws: ``StreamingReadError`` with reason `.fileUnreadable` and the `errno` text.
    package static func open(path: String, mode: Mode) async throws -> FileDescriptor {
        let descriptor = try await BlockingIO.run { () throws -> Int32 in
            let flags: Int32
            switch mode {
            case .read: flags = O_RDONLY
            case .writeTruncating: flags = O_WRONLY | O_CREAT | O_TRUNC
            case .writeAppending: flags = O_WRONLY | O_CREAT | O_APPEND
            }
            let descriptor = path.withCString { systemOpen($0, flags | O_CLOEXEC, 0o644) }
            guard descriptor >= 0 else { throw Self.failure("cannot open the file", errno: errno) }
            return descriptor
        }
        return FileDescriptor(rawValue: descriptor)
    }

    /// Reads up to `count` bytes off the cooperative pool.
    /// - Parameter count: The most bytes to read.
    /// - Returns: The bytes read; empty at the end of the file.
    /// - Throws: ``StreamingReadError`` with reason `.fileUnreadable`.
    package func read(upTo count: Int) async throws -> [UInt8] {
        let descriptor = rawValue
        return try await BlockingIO.run {
            var bytes = [UInt8](repeating: 0, count: count)
            while true {
                let readCount = bytes.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, count) }
                if readCount >= 0 {
                    bytes.removeSubrange(readCount...)
                    return bytes
                }
                if errno == EINTR { continue }
                throw Self.failure("cannot read the file", errno: errno)
            }
        }
    }

    /// Writes every byte of `bytes` off the cooperative pool.
    /// - Parameter bytes: The bytes to write.
    /// - Throws: ``StreamingReadError`` with reason `.fileUnreadable`.
    package func write(_ bytes: [UInt8]) async throws {
        let descriptor = rawValue
        try await BlockingIO.run {
            var written = 0
            while written < bytes.count {
                let result = bytes.withUnsafeBytes { buffer in
                    systemWrite(descriptor, buffer.baseAddress.map { $0 + written }, bytes.count - written)
                }
                if result >= 0 {
                    written += result
                } else if errno != EINTR {
                    throw Self.failure("cannot write the file", errno: errno)
                }
            }
        }
    }

    /// Moves the read position to `offset` bytes from the start, off the cooperative pool.
    /// - Parameter offset: The new position.
    /// - Throws: ``StreamingReadError`` with reason `.fileUnreadable`.
    package func seek(to offset: Int64) async throws {
        let descriptor = rawValue
        try await BlockingIO.run {
            guard lseek(descriptor, off_t(offset), SEEK_SET) >= 0 else {
                throw Self.failure("cannot seek in the file", errno: errno)
            }
        }
    }

    /// Flushes written bytes to the storage device, off the cooperative pool.
    /// - Throws: ``StreamingReadError`` with reason `.fileUnreadable`.
    package func synchronize() async throws {
        let descriptor = rawValue
        try await BlockingIO.run {
            guard fsync(descriptor) == 0 else { throw Self.failure("cannot flush the file", errno: errno) }
        }
    }

    private static func failure(_ what: String, errno code: Int32) -> StreamingReadError {
        let reason = String(cString: strerror(code))
        return StreamingReadError(reason: .fileUnreadable, message: "\(what): \(reason) (errno \(code))")
    }
}

private func systemOpen(_ path: UnsafePointer<CChar>, _ flags: Int32, _ mode: mode_t) -> Int32 {
    open(path, flags, mode)
}

private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
