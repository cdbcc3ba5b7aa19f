import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP

/// One download, from the first request to the verified file: resumes a partial file with `Range`,
/// follows redirects, streams the body to disk while hashing it, and retries after a dropped connection.
struct DownloadTransfer {
    /// How the transfer ended.
    enum Outcome {
        /// The file is complete and verified at the final URL.
        case complete(Completed)
        /// The server answered the conditional request with 304.
        case notModified(entityTag: String?, lastModifiedHeader: String?)
    }

    /// A complete, verified file.
    struct Completed {
        var byteCount: Int64
        var checksum: DataGouvChecksum?
        var checksumVerified: Bool
        var entityTag: String?
        var lastModifiedHeader: String?
        var resumed: Bool
        var attempts: Int
    }

    /// Validators of a cached file, for a conditional request.
    struct Conditional {
        var entityTag: String?
        var lastModifiedHeader: String?
    }

    private enum Step {
        case finished(entityTag: String?, lastModifiedHeader: String?)
        case notModified(entityTag: String?, lastModifiedHeader: String?)
    }

    private static let writeThreshold = 256 * 1024

    let target: DownloadTarget
    let finalURL: URL
    let requester: OpenDataRequester
    let options: DownloadOptions
    let clock: any SanteClock
    let conditional: Conditional?
    let progress: ResourceDownloader.ProgressHandler?
    let operation: String

    private var partial: (data: URL, metadata: URL)
    private var sidecar: PartialDownload?
    private var existingBytes: Int64 = 0
    private var hasher: ChecksumHasher?
    private var resumed = false
    private var attempt = 0

    init(
        target: DownloadTarget,
        finalURL: URL,
        requester: OpenDataRequester,
        options: DownloadOptions,
        clock: any SanteClock,
        conditional: Conditional?,
        progress: ResourceDownloader.ProgressHandler?,
        operation: String
    ) {
        self.target = target
        self.finalURL = finalURL
        self.requester = requester
        self.options = options
        self.clock = clock
        self.conditional = conditional
        self.progress = progress
        self.operation = operation
        self.partial = PartialDownload.files(for: finalURL)
    }

    /// Runs the download to its end.
    mutating func run() async throws -> Outcome {
        try await preparePartialFile()
        while true {
            attempt += 1
            do {
                switch try await transferOnce() {
                case .notModified(let entityTag, let lastModifiedHeader):
                    return .notModified(entityTag: entityTag, lastModifiedHeader: lastModifiedHeader)
                case .finished(let entityTag, let lastModifiedHeader):
                    return .complete(try await finish(entityTag: entityTag, lastModifiedHeader: lastModifiedHeader))
                }
            } catch let error as OpenDataError where Self.isResumable(error) && attempt < options.maximumAttempts {
                if options.resumeDelay > .zero {
                    do {
                        try await clock.sleep(for: options.resumeDelay)
                    } catch {
                        throw OpenDataError.wrap(error, operation: operation)
                    }
                }
                if sidecar?.ifRangeValidator == nil {
                    // Nothing (no strong `ETag`, no `Last-Modified`) could show the rest belongs to the same
                    // file: download it again from the start rather than append to bytes of unknown origin.
                    await discardPartialFile()
                } else {
                    existingBytes = await FileOperations.size(of: partial.data) ?? 0
                }
            }
        }
    }

    private static func isResumable(_ error: OpenDataError) -> Bool {
        error.reason == .transport || error.reason == .timeout
            || (error.reason == .serverError && error.isRetryable)
    }

    // MARK: - The partial file

    /// Keeps a partial file left for this same download (hashing its bytes again), and removes any other.
    private mutating func preparePartialFile() async throws {
        hasher = target.checksum?.algorithm.map(ChecksumHasher.init)
        sidecar = await FileOperations.readJSON(PartialDownload.self, from: partial.metadata)
        existingBytes = await FileOperations.size(of: partial.data) ?? 0
        guard existingBytes > 0, let sidecar, sidecar.matches(target), sidecar.ifRangeValidator != nil,
            target.filesize.map({ existingBytes < $0 }) ?? true
        else {
            await discardPartialFile()
            return
        }
        if var rehash = hasher {
            do {
                for try await chunk in FileByteChunks(url: partial.data) { rehash.update(chunk) }
            } catch {
                await discardPartialFile()
                return
            }
            hasher = rehash
        }
    }

    private mutating func discardPartialFile() async {
        await FileOperations.remove(partial.data)
        await FileOperations.remove(partial.metadata)
        existingBytes = 0
        sidecar = nil
        hasher = target.checksum?.algorithm.map(ChecksumHasher.init)
    }

    // MARK: - One request

    private mutating func transferOnce() async throws -> Step {
        var url = target.url
        var redirects = 0
        var restartedFresh = false
        while true {
            let request = try makeRequest(url)
            let (response, body) = try await send(request)
            let status = response.status.code
            switch status {
            case 301, 302, 303, 307, 308:
                await body.discardQuietly()
                guard redirects < options.maximumRedirects, let location = response.headerFields[.location],
                    let next = URL(string: location, relativeTo: url)?.absoluteURL
                else {
                    throw OpenDataError(
                        reason: .unexpectedStatus, message: "too many redirects, or a redirect without Location",
                        operation: operation, httpStatus: status)
                }
                redirects += 1
                url = next
                continue
            case 304 where conditional != nil && existingBytes == 0:
                await body.discardQuietly()
                return .notModified(
                    entityTag: response.headerFields[.eTag] ?? conditional?.entityTag,
                    lastModifiedHeader: response.headerFields[.lastModified] ?? conditional?.lastModifiedHeader)
            case 416 where existingBytes > 0:
                await body.discardQuietly()
                let total = response.headerFields[.contentRange].flatMap(ContentRange.init)?.total
                if total == existingBytes { return finishedHeaders(response) }
                guard !restartedFresh else { throw unexpected(response) }
                restartedFresh = true
                await discardPartialFile()
                continue
            case 206:
                let range = response.headerFields[.contentRange].flatMap(ContentRange.init)
                guard existingBytes > 0, range?.first == existingBytes else {
                    await body.discardQuietly()
                    guard !restartedFresh else { throw unexpected(response) }
                    restartedFresh = true
                    await discardPartialFile()
                    continue
                }
                resumed = true
                try await stream(body, response: response, total: range?.total, appending: true)
                return finishedHeaders(response)
            case 200...299:
                if existingBytes > 0 { await discardPartialFile() }
                let length = response.headerFields[.contentLength].flatMap { Int64($0) }
                try await stream(body, response: response, total: length ?? target.filesize, appending: false)
                return finishedHeaders(response)
            default:
                throw try await statusError(response, body: body, request: request)
            }
        }
    }

    private func makeRequest(_ url: URL) throws -> HTTPRequest {
        var headers = HTTPFields()
        if existingBytes > 0 {
            headers[.range] = "bytes=\(existingBytes)-"
            if let validator = sidecar?.ifRangeValidator { headers[.ifRange] = validator }
        } else if let conditional {
            if let entityTag = conditional.entityTag { headers[.ifNoneMatch] = entityTag }
            if let date = conditional.lastModifiedHeader { headers[.ifModifiedSince] = date }
        }
        return try requester.request(.get, url.absoluteString, headers: headers, operation: operation)
    }

    private func send(_ request: HTTPRequest) async throws -> (HTTPResponse, HTTPBody) {
        do {
            let (response, body) = try await requester.http.send(
                request, options: RequestOptions(operation: operation, timeout: options.transferTimeout))
            return (response, body ?? HTTPBody())
        } catch {
            throw OpenDataError.wrap(error, operation: operation)
        }
    }

    private func statusError(_ response: HTTPResponse, body: HTTPBody, request: HTTPRequest) async throws
        -> OpenDataError
    {
        do {
            let error = try await requester.http.statusError(
                response, body: body, request: request, options: RequestOptions(operation: operation))
            return OpenDataError.wrap(error, operation: operation)
        } catch {
            return OpenDataError.wrap(error, operation: operation)
        }
    }

    private func unexpected(_ response: HTTPResponse) -> OpenDataError {
        OpenDataError(
            reason: .unexpectedStatus,
            message: "the server answered HTTP \(response.status.code) to a resumed download twice",
            operation: operation, httpStatus: response.status.code, isRetryable: false)
    }

    private func finishedHeaders(_ response: HTTPResponse) -> Step {
        .finished(
            entityTag: response.headerFields[.eTag] ?? sidecar?.entityTag,
            lastModifiedHeader: response.headerFields[.lastModified] ?? sidecar?.lastModifiedHeader)
    }

    // MARK: - Streaming to disk

    private mutating func stream(_ body: HTTPBody, response: HTTPResponse, total: Int64?, appending: Bool) async throws
    {
        let file: FileDescriptor
        do {
            try await FileOperations.createDirectory(finalURL.deletingLastPathComponent(), operation: operation)
            file = try await FileDescriptor.open(
                path: partial.data.path, mode: appending ? .writeAppending : .writeTruncating)
        } catch {
            throw OpenDataError.wrap(error, operation: operation)
        }
        if !appending {
            sidecar = PartialDownload(
                url: target.url, expectedChecksum: target.checksum, entityTag: response.headerFields[.eTag],
                lastModifiedHeader: response.headerFields[.lastModified])
            if let sidecar { try await FileOperations.writeJSON(sidecar, to: partial.metadata, operation: operation) }
        }
        let startedAt = existingBytes
        let expectedTotal = appending ? total : (total.map { $0 } ?? target.filesize)
        var written = existingBytes
        var pending: [UInt8] = []
        pending.reserveCapacity(Self.writeThreshold)
        do {
            for try await chunk in body {
                hasher?.update(chunk)
                pending.append(contentsOf: chunk)
                if pending.count >= Self.writeThreshold {
                    try await file.write(pending)
                    written += Int64(pending.count)
                    pending.removeAll(keepingCapacity: true)
                    await report(written, total: expectedTotal, startedAt: startedAt)
                }
            }
            if !pending.isEmpty {
                try await file.write(pending)
                written += Int64(pending.count)
            }
            existingBytes = written
            await report(written, total: expectedTotal, startedAt: startedAt)
        } catch {
            // Keep what arrived: the bytes hashed so far are exactly the bytes on disk, so a resume can go on.
            do {
                if !pending.isEmpty { try await file.write(pending) }
            } catch {
                await discardPartialFile()
            }
            existingBytes = await FileOperations.size(of: partial.data) ?? 0
            if error is CancellationError || Task.isCancelled {
                throw OpenDataError.wrap(CancellationError(), operation: operation)
            }
            if let error = error as? StreamingReadError {
                throw OpenDataError.wrap(error, operation: operation)
            }
            throw OpenDataError(
                reason: .transport,
                message: "the connection ended after \(existingBytes) bytes of the file",
                operation: operation, isRetryable: true, underlyingError: error)
        }
    }

    private func report(_ written: Int64, total: Int64?, startedAt: Int64) async {
        guard let progress else { return }
        await progress(
            DownloadProgress(bytesWritten: written, totalBytes: total, resumedFromByte: startedAt, attempt: attempt))
    }

    // MARK: - Verification

    private mutating func finish(entityTag: String?, lastModifiedHeader: String?) async throws -> Completed {
        let size = await FileOperations.size(of: partial.data) ?? 0
        var computed: DataGouvChecksum?
        var verified = false
        if let expected = target.checksum, let hasher {
            let value = hasher.finalize()
            computed = DataGouvChecksum(type: expected.type, value: value)
            guard value == expected.value.lowercased() else {
                await discardPartialFile()
                throw OpenDataError(
                    reason: .checksumMismatch,
                    message: "the downloaded file's \(hasher.algorithm.rawValue) is \(value), the catalogue says "
                        + "\(expected.value); the file was deleted",
                    operation: operation)
            }
            verified = true
        } else if let expectedSize = target.filesize, expectedSize != size {
            await discardPartialFile()
            throw OpenDataError(
                reason: .sizeMismatch,
                message:
                    "the downloaded file has \(size) bytes, the catalogue says \(expectedSize); the file was deleted",
                operation: operation)
        }
        try await FileOperations.move(partial.data, to: finalURL, operation: operation)
        await FileOperations.remove(partial.metadata)
        return Completed(
            byteCount: size, checksum: computed, checksumVerified: verified, entityTag: entityTag,
            lastModifiedHeader: lastModifiedHeader, resumed: resumed, attempts: attempt)
    }
}

extension HTTPBody {
    /// Reads and drops the rest of the body, ignoring errors.
    func discardQuietly() async {
        do {
            for try await _ in self {}
        } catch {
            // The body of a redirect or a refused range is of no interest.
        }
    }
}

extension HTTPField.Name {
    /// `If-Range`.
    static let ifRange = HTTPField.Name("If-Range") ?? .range
}
