import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP
import SanteOpenData
import Synchronization
import Testing

@Suite("ResourceDownloader on the stub transport")
struct DownloadStubTests {
    /// 300,000 deterministic bytes (more than one 256 KiB write) and their digests, computed elsewhere.
    static let payload: [UInt8] = (0..<300_000).map { UInt8(($0 * 31 + 7) % 256) }
    static let sha1 = "74a10e563f9d25369927a9a73e6fedf576e9db40"
    static let sha256 = "1bb182f649a789fda17412a4839e9d5dd50b4068089bc334655f78e6db797370"
    static let md5 = "055866c884afaf5214c2f616f557459f"
    static let fileURL = URL(string: "https://static.data.gouv.fr/resources/vacsi/20230713/vacsi-fra.csv")

    private static func target(
        checksum: DataGouvChecksum? = DataGouvChecksum(type: "sha1", value: sha1),
        filesize: Int64? = Int64(payload.count),
        cacheKey: String = "resource-1"
    ) throws -> DownloadTarget {
        DownloadTarget(url: try #require(fileURL), checksum: checksum, filesize: filesize, cacheKey: cacheKey)
    }

    private static func ok(etag: String? = "\"v1\"", body: [UInt8] = payload) -> StubTransport.Response {
        var headers: HTTPFields = [.contentLength: String(body.count)]
        if let etag { headers[.eTag] = etag }
        headers[.lastModified] = "Thu, 13 Jul 2023 13:51:10 GMT"
        return .status(200, headerFields: headers, body: Data(body))
    }

    private static func downloader(
        _ stub: StubTransport, _ options: DownloadOptions = DownloadOptions(resumeDelay: .zero)
    )
        -> ResourceDownloader
    {
        ResourceDownloader(http: TestSupport.http(stub), options: options)
    }

    @Test("streams to the destination, verifies the checksum and reports progress")
    func verifiedDownload() async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let destination = directory.appendingPathComponent("out/vacsi.csv")
        let stub = StubTransport()
        stub.expect(.get, "/resources/vacsi/20230713/vacsi-fra.csv", respond: Self.ok())
        let reports = Mutex<[DownloadProgress]>([])
        let result = try await Self.downloader(stub).download(try Self.target(), to: destination) { progress in
            reports.withLock { $0.append(progress) }
        }
        #expect(result.byteCount == 300_000)
        #expect(result.checksumVerified)
        #expect(result.checksum?.value == Self.sha1)
        #expect(result.source == .network(resumed: false))
        #expect(result.entityTag == "\"v1\"")
        #expect(try Data(contentsOf: destination) == Data(Self.payload))
        #expect(!FileManager.default.fileExists(atPath: destination.path + ".partial"))
        let progress = reports.withLock { $0 }
        #expect(progress.count >= 2)
        #expect(progress.last?.bytesWritten == 300_000)
        #expect(progress.last?.fractionCompleted == 1)
        #expect(zip(progress, progress.dropFirst()).allSatisfy { $0.bytesWritten <= $1.bytesWritten })
    }

    @Test(
        "verifies SHA-256 and MD5, and leaves a multipart ETag unverified",
        arguments: [
            ("sha256", Self.sha256, true), ("sha2", Self.sha256, true), ("md5", Self.md5, true),
            ("md5", "0123456789abcdef0123456789abcdef-4", false), ("crc", "deadbeef", false),
        ])
    func algorithms(type: String, value: String, verified: Bool) async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let stub = StubTransport()
        stub.expect(.get, "/resources/vacsi/20230713/vacsi-fra.csv", respond: Self.ok())
        let result = try await Self.downloader(stub).download(
            try Self.target(checksum: DataGouvChecksum(type: type, value: value)),
            to: directory.appendingPathComponent("f"))
        #expect(result.checksumVerified == verified)
        #expect(result.byteCount == 300_000)
    }

    @Test("a checksum mismatch deletes the file and throws")
    func checksumMismatch() async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let destination = directory.appendingPathComponent("vacsi.csv")
        var corrupted = Self.payload
        corrupted[1000] ^= 0xFF
        let stub = StubTransport()
        stub.expect(.get, "/resources/vacsi/20230713/vacsi-fra.csv", respond: Self.ok(body: corrupted))
        let error = await TestSupport.openDataError {
            _ = try await Self.downloader(stub).download(try Self.target(), to: destination)
        }
        #expect(error?.reason == .checksumMismatch)
        #expect(error?.code == .verification)
        #expect(error?.message.contains(Self.sha1) == true)
        #expect(!FileManager.default.fileExists(atPath: destination.path))
        #expect(!FileManager.default.fileExists(atPath: destination.path + ".partial"))
        #expect(!FileManager.default.fileExists(atPath: destination.path + ".partial.json"))
    }

    @Test("without a checksum, a size mismatch deletes the file and throws")
    func sizeMismatch() async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let destination = directory.appendingPathComponent("f")
        let stub = StubTransport()
        stub.expect(
            .get, "/resources/vacsi/20230713/vacsi-fra.csv", respond: Self.ok(body: Array(Self.payload.prefix(10))))
        let error = await TestSupport.openDataError {
            _ = try await Self.downloader(stub).download(try Self.target(checksum: nil), to: destination)
        }
        #expect(error?.reason == .sizeMismatch)
        #expect(!FileManager.default.fileExists(atPath: destination.path))
        #expect(!FileManager.default.fileExists(atPath: destination.path + ".partial"))
    }

    @Test("resumes with Range and If-Range after a dropped connection, and verifies the whole file")
    func resumeAfterDrop() async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let destination = directory.appendingPathComponent("vacsi.csv")
        let cut = 123_457
        let stub = StubTransport()
        stub.expect(
            .get, "/resources/vacsi/20230713/vacsi-fra.csv",
            respond: .handler { _ in
                let head: HTTPFields = [.contentLength: String(Self.payload.count), .eTag: "\"v1\""]
                let chunks = [Array(Self.payload[0..<100_000]), Array(Self.payload[100_000..<cut])]
                return (HTTPResponse(status: .ok, headerFields: head), TestSupport.failingBody(chunks))
            })
        stub.expect(
            .get, "/resources/vacsi/20230713/vacsi-fra.csv",
            headerFields: [.range: "bytes=\(cut)-", TestSupport.field("If-Range"): "\"v1\""],
            respond: .status(
                206,
                headerFields: [
                    .contentRange: "bytes \(cut)-\(Self.payload.count - 1)/\(Self.payload.count)", .eTag: "\"v1\"",
                    .contentLength: String(Self.payload.count - cut),
                ],
                body: Data(Self.payload[cut...])))
        let reports = Mutex<[DownloadProgress]>([])
        let result = try await Self.downloader(stub).download(try Self.target(), to: destination) { progress in
            reports.withLock { $0.append(progress) }
        }
        #expect(result.source == .network(resumed: true))
        #expect(result.attempts == 2)
        #expect(result.checksumVerified)
        #expect(try Data(contentsOf: destination) == Data(Self.payload))
        #expect(reports.withLock { $0.last?.resumedFromByte } == Int64(cut))
        #expect(reports.withLock { $0.last?.attempt } == 2)
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("starts again from zero when the server ignores the range")
    func rangeIgnored() async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let destination = directory.appendingPathComponent("f")
        let stub = StubTransport()
        stub.expect(
            .get, "/resources/vacsi/20230713/vacsi-fra.csv",
            respond: .handler { _ in
                (
                    HTTPResponse(status: .ok, headerFields: [.eTag: "\"v1\""]),
                    TestSupport.failingBody([Array(Self.payload[0..<5000])])
                )
            })
        stub.expect(
            .get, "/resources/vacsi/20230713/vacsi-fra.csv", headerFields: [.range: "bytes=5000-"], respond: Self.ok())
        let result = try await Self.downloader(stub).download(try Self.target(), to: destination)
        #expect(result.source == .network(resumed: false))
        #expect(result.checksumVerified)
        #expect(try Data(contentsOf: destination) == Data(Self.payload))
    }

    @Test("keeps the partial file when attempts run out, and the next call resumes it")
    func resumeAcrossCalls() async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let destination = directory.appendingPathComponent("f")
        let stub = StubTransport()
        stub.expect(
            .get, "/resources/vacsi/20230713/vacsi-fra.csv",
            respond: .handler { _ in
                (
                    HTTPResponse(status: .ok, headerFields: [.lastModified: "Thu, 13 Jul 2023 13:51:10 GMT"]),
                    TestSupport.failingBody([Array(Self.payload[0..<70_000])])
                )
            })
        let once = DownloadOptions(maximumAttempts: 1, resumeDelay: .zero)
        let failure = await TestSupport.openDataError {
            _ = try await Self.downloader(stub, once).download(try Self.target(), to: destination)
        }
        #expect(failure?.reason == .transport)
        #expect(failure?.isRetryable == true)
        #expect((try? Data(contentsOf: URL(fileURLWithPath: destination.path + ".partial")))?.count == 70_000)

        stub.expect(
            .get, "/resources/vacsi/20230713/vacsi-fra.csv",
            headerFields: [.range: "bytes=70000-", TestSupport.field("If-Range"): "Thu, 13 Jul 2023 13:51:10 GMT"],
            respond: .status(
                206, headerFields: [.contentRange: "bytes 70000-299999/300000"], body: Data(Self.payload[70_000...])))
        let result = try await Self.downloader(stub).download(try Self.target(), to: destination)
        #expect(result.source == .network(resumed: true))
        #expect(result.checksumVerified)
        #expect(try Data(contentsOf: destination) == Data(Self.payload))
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("does not fetch an unchanged resource twice, and fetches it again when the catalogue says it changed")
    func cacheHit() async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = ResourceCache(directory: directory.appendingPathComponent("cache"))
        let stub = StubTransport()
        stub.expect(.get, "/resources/vacsi/20230713/vacsi-fra.csv", respond: Self.ok())
        let downloader = Self.downloader(stub)
        let first = try await downloader.download(try Self.target(), cache: cache)
        #expect(first.source == .network(resumed: false))
        #expect(FileManager.default.fileExists(atPath: cache.metadataURL(for: try Self.target()).path))
        let second = try await downloader.download(try Self.target(), cache: cache)
        #expect(second.source == .cacheUnchanged)
        #expect(second.attempts == 0)
        #expect(second.fileURL == first.fileURL)
        #expect(stub.recordedRequests.count == 1)
        #expect(await cache.change(of: try Self.target()) == .unchanged)

        var changed = Self.payload
        changed[0] = 0
        let newTarget = try Self.target(checksum: DataGouvChecksum(type: "sha256", value: "ff"))
        if case .changed = await cache.change(of: newTarget) {} else { Issue.record("the change is not seen") }
        stub.expect(.get, "/resources/vacsi/20230713/vacsi-fra.csv", respond: Self.ok(body: changed))
        let third = await TestSupport.openDataError { _ = try await downloader.download(newTarget, cache: cache) }
        #expect(third?.reason == .checksumMismatch)
        #expect(try Data(contentsOf: first.fileURL) == Data(Self.payload), "the verified cached file stays")
    }

    @Test("asks with If-None-Match and If-Modified-Since when the catalogue says nothing, and keeps the file on 304")
    func conditional304() async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = ResourceCache(directory: directory)
        let bare = try Self.target(checksum: nil, filesize: nil)
        let stub = StubTransport()
        stub.expect(.get, "/resources/vacsi/20230713/vacsi-fra.csv", respond: Self.ok(etag: "\"abc\""))
        stub.expect(
            .get, "/resources/vacsi/20230713/vacsi-fra.csv",
            headerFields: [.ifNoneMatch: "\"abc\"", .ifModifiedSince: "Thu, 13 Jul 2023 13:51:10 GMT"],
            respond: .status(304, headerFields: [.eTag: "\"abc\""]))
        let downloader = Self.downloader(stub)
        let first = try await downloader.download(bare, cache: cache)
        #expect(!first.isFromCache)
        #expect(first.checksumVerified == false)
        let second = try await downloader.download(bare, cache: cache)
        #expect(second.source == .cacheNotModified)
        #expect(second.byteCount == 300_000)
        #expect(try Data(contentsOf: second.fileURL) == Data(Self.payload))
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("revalidates an unchanged resource when asked, and reloads when asked")
    func policies() async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = ResourceCache(directory: directory)
        let stub = StubTransport()
        stub.expect(.get, "/resources/vacsi/20230713/vacsi-fra.csv", respond: Self.ok(etag: "\"e\""))
        stub.expect(
            .get, "/resources/vacsi/20230713/vacsi-fra.csv", headerFields: [.ifNoneMatch: "\"e\""],
            respond: .status(304))
        stub.expect(
            .get, "/resources/vacsi/20230713/vacsi-fra.csv", where: { $0.request.headerFields[.ifNoneMatch] == nil },
            respond: Self.ok(etag: "\"e\""))
        _ = try await Self.downloader(stub).download(try Self.target(), cache: cache)
        let revalidated = try await Self.downloader(stub, DownloadOptions(cachePolicy: .revalidate, resumeDelay: .zero))
            .download(try Self.target(), cache: cache)
        #expect(revalidated.source == .cacheNotModified)
        let reloaded = try await Self.downloader(stub, DownloadOptions(cachePolicy: .reload, resumeDelay: .zero))
            .download(try Self.target(), cache: cache)
        #expect(reloaded.source == .network(resumed: false))
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("follows redirects, such as a latest link")
    func redirects() async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let stub = StubTransport()
        stub.expect(
            .get, "/api/1/datasets/r/resource-1",
            respond: .status(
                302, headerFields: [.location: "https://static.data.gouv.fr/resources/vacsi/20230713/vacsi-fra.csv"]))
        stub.expect(.get, "/resources/vacsi/20230713/vacsi-fra.csv", respond: Self.ok())
        let target = DownloadTarget(
            url: try #require(URL(string: "https://www.data.gouv.fr/api/1/datasets/r/resource-1")),
            checksum: DataGouvChecksum(type: "sha1", value: Self.sha1))
        let result = try await Self.downloader(stub).download(target, to: directory.appendingPathComponent("f"))
        #expect(result.checksumVerified)
        #expect(stub.recordedRequests.map { $0.request.authority } == ["www.data.gouv.fr", "static.data.gouv.fr"])
    }

    @Test("reports events as a stream ending with the result")
    func events() async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let stub = StubTransport()
        stub.expect(.get, "/resources/vacsi/20230713/vacsi-fra.csv", respond: Self.ok())
        let events = try await TestSupport.collect(
            Self.downloader(stub).events(for: try Self.target(), to: directory.appendingPathComponent("f")))
        guard case .finished(let result) = events.last else {
            Issue.record("no final event")
            return
        }
        #expect(result.checksumVerified)
        #expect(events.dropLast().allSatisfy { if case .progress = $0 { true } else { false } })
        #expect(events.count >= 2)
    }

    @Test("types a missing file and a resource without URL")
    func failures() async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let stub = StubTransport()
        stub.expect(
            .get, "/resources/vacsi/20230713/vacsi-fra.csv", respond: .json(#"{"message": "gone"}"#, status: 404))
        let missing = await TestSupport.openDataError {
            _ = try await Self.downloader(stub).download(try Self.target(), to: directory.appendingPathComponent("f"))
        }
        #expect(missing?.reason == .notFound)
        #expect(missing?.operation == "download")
        let noURL = await TestSupport.openDataError { _ = try DownloadTarget(resource: DataGouvResource(id: "x")) }
        #expect(noURL?.reason == .invalidInput)
    }

    @Test("downloads a catalogue resource with its checksum and size")
    func fromResource() async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let resource = DataGouvResource(
            id: "e6fcd558-2ff6-487b-b624-e64a8c05bb07", url: Self.fileURL?.absoluteString,
            checksum: DataGouvChecksum(type: "sha1", value: Self.sha1), filesize: 300_000)
        let stub = StubTransport()
        stub.expect(.get, "/resources/vacsi/20230713/vacsi-fra.csv", respond: Self.ok())
        let cache = ResourceCache(directory: directory)
        let result = try await Self.downloader(stub).download(resource, cache: cache)
        #expect(result.fileURL.lastPathComponent == "e6fcd558-2ff6-487b-b624-e64a8c05bb07")
        #expect(result.checksumVerified)
        let metadata = try #require(await cache.metadata(for: try DownloadTarget(resource: resource)))
        #expect(metadata.computedChecksum?.value == Self.sha1)
        #expect(metadata.entityTag == "\"v1\"")
    }
}
