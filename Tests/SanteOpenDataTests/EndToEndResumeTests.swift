import Foundation
import HTTPTypes
import SanteAsyncHTTPClient
import SanteCore
import SanteHTTP
import SanteMockPlatform
import SanteOpenData
import Synchronization
import Testing

/// Resuming a download after the mock resets the connection in the middle of the body, over a streaming
/// transport and the retry middleware, as an application would set it up.
@Suite("End to end: resuming a download after an injected reset")
struct EndToEndResumeTests {
    private static let vacsiFRA = "efe23314-67c4-45d3-89a2-3faef82fae90"

    /// A downloader on the AsyncHTTPClient transport (which streams bodies), with request id, timeout and
    /// retry middlewares in front, and `extra` middlewares after them.
    private static func downloader(
        _ baseURL: URL, extra: [any HTTPMiddleware] = [], attempts: Int = 4
    ) -> ResourceDownloader {
        let middlewares: [any HTTPMiddleware] =
            [RequestIDMiddleware(), TimeoutMiddleware(timeout: .seconds(60)), RetryMiddleware()] + extra
        let http = SanteHTTPClient(
            baseURL: baseURL, transport: AsyncHTTPClientTransport(), middlewares: middlewares)
        return ResourceDownloader(
            http: http, options: DownloadOptions(maximumAttempts: attempts, resumeDelay: .milliseconds(10)))
    }

    private static func vacsiResource(_ platform: MockPlatform) async throws -> (DataGouvResource, String, Int64) {
        let resource = try await platform.catalogue().resource(vacsiFRA)
        let url = try #require(resource.downloadURL)
        let size = try #require(resource.filesize)
        return (resource, url.path, size)
    }

    @Test(
        "a reset after N bytes is resumed with Range: bytes=N- and If-Range, the checksum covers the whole file",
        .timeLimit(.minutes(1)))
    func resumesAfterReset() async throws {
        try await withMockPlatform { platform in
            let directory = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let (resource, path, size) = try await Self.vacsiResource(platform)
            let cut = size / 3
            #expect(cut > 0)
            await platform.faults.inject(
                MockFault(.connectionResetAfterBodyBytes(Int(cut)), phase: .afterHandler),
                on: MockRoute(method: .get, path: path), count: 1)
            let reports = Mutex<[DownloadProgress]>([])
            let destination = directory.appendingPathComponent("vacsi-fra.csv")

            let result = try await Self.downloader(platform.baseURL.appending(path: "data"))
                .download(resource, to: destination) { progress in reports.withLock { $0.append(progress) } }

            #expect(result.source == .network(resumed: true))
            #expect(result.attempts == 2)
            #expect(result.checksumVerified)
            #expect(result.checksum?.value == resource.checksum?.value)
            #expect(result.byteCount == size)
            #expect(try Data(contentsOf: destination).count == Int(size))
            #expect(!FileManager.default.fileExists(atPath: destination.path + ".partial"))

            let log = await platform.requestLog.entries(forPath: path)
            #expect(log.map(\.status) == [200, 206])
            #expect(log.first?.faultApplied == "connectionResetAfterBodyBytes")
            #expect(log.first?.headers[.range] == nil)
            #expect(log.last?.faultApplied == nil)
            #expect(log.last?.headers[.range] == "bytes=\(cut)-")
            let entityTag = try #require(resource.checksum.map { "\"\($0.value)\"" })
            #expect(log.last?.headers[TestSupport.field("If-Range")] == entityTag)
            #expect(result.entityTag == entityTag)

            let resumedReports = reports.withLock { $0 }.filter { $0.attempt == 2 }
            #expect(resumedReports.last?.resumedFromByte == cut)
            #expect(resumedReports.last?.bytesWritten == size)
        }
    }

    @Test(
        "a file that changed between attempts fails If-Range, comes back whole with 200, and is verified",
        .timeLimit(.minutes(1)))
    func changedBetweenAttempts() async throws {
        try await withMockPlatform { before in
            let after = try await MockPlatform.start(MockPlatform.Configuration(host: "127.0.0.1", port: 0, seed: 2))
            do {
                try await changedBetweenAttempts(before: before, after: after)
                await after.stop()
            } catch {
                await after.stop()
                throw error
            }
        }
    }

    /// `before` serves the old file and resets the connection after a third of it; every later request goes to
    /// `after`, whose file (another seed) has other bytes and another `ETag`: the same URL, changed.
    private func changedBetweenAttempts(before: MockPlatform, after: MockPlatform) async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (old, path, oldSize) = try await Self.vacsiResource(before)
        let (new, newPath, newSize) = try await Self.vacsiResource(after)
        #expect(newPath == path)
        let oldTag = try #require(old.checksum.map { "\"\($0.value)\"" })
        let newTag = try #require(new.checksum.map { "\"\($0.value)\"" })
        #expect(oldTag != newTag)
        await before.faults.inject(
            MockFault(.connectionResetAfterBodyBytes(Int(oldSize / 3)), phase: .afterHandler),
            on: MockRoute(method: .get, path: path))

        // What the catalogue says now (the new file), at the URL the download started with.
        let url = try #require(old.downloadURL)
        let target = DownloadTarget(url: url, checksum: new.checksum, filesize: new.filesize, cacheKey: new.id)
        let switcher = ServerSwitchMiddleware(after: after.baseURL)
        let destination = directory.appendingPathComponent("vacsi-fra.csv")
        let result = try await Self.downloader(before.baseURL.appending(path: "data"), extra: [switcher])
            .download(target, to: destination)

        #expect(result.source == .network(resumed: false))
        #expect(result.attempts == 2)
        #expect(result.checksumVerified)
        #expect(result.byteCount == newSize)
        #expect(result.entityTag == newTag)
        #expect(try Data(contentsOf: destination).count == Int(newSize))

        let first = await before.requestLog.entries(forPath: path)
        #expect(first.count == 1)
        #expect(first.first?.faultApplied == "connectionResetAfterBodyBytes")
        let second = await after.requestLog.entries(forPath: path)
        #expect(second.map(\.status) == [200])
        #expect(second.first?.headers[.range] == "bytes=\(oldSize / 3)-")
        #expect(second.first?.headers[TestSupport.field("If-Range")] == oldTag)

        // The same bytes as a plain download of the new file.
        let plain = try await Self.downloader(after.baseURL.appending(path: "data"))
            .download(new, to: directory.appendingPathComponent("plain.csv"))
        #expect(try Data(contentsOf: plain.fileURL) == Data(contentsOf: destination))
    }

    @Test(
        "a cut response without ETag or Last-Modified is not resumed: the file is downloaded again from the start",
        .timeLimit(.minutes(1)))
    func cutWithoutValidatorStartsAgain() async throws {
        try await withMockPlatform { platform in
            let directory = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let (resource, path, size) = try await Self.vacsiResource(platform)
            // Before the handler: the mock's own body (not the file) and no validator, cut half-way.
            await platform.faults.inject(MockFault(.truncatedBody), on: MockRoute(method: .get, path: path), count: 1)
            let destination = directory.appendingPathComponent("vacsi-fra.csv")

            let result = try await Self.downloader(platform.baseURL.appending(path: "data"))
                .download(resource, to: destination)

            #expect(result.source == .network(resumed: false))
            #expect(result.attempts == 2)
            #expect(result.checksumVerified)
            #expect(result.byteCount == size)
            let log = await platform.requestLog.entries(forPath: path)
            #expect(log.map(\.status) == [200, 200])
            #expect(log.first?.faultApplied == "truncatedBody")
            #expect(log.allSatisfy { $0.headers[.range] == nil })
        }
    }

    @Test(
        "over URLSessionTransport (buffered on Linux) a cut body is lost, so the file is fetched again whole",
        .timeLimit(.minutes(1)))
    func bufferedTransportRefetches() async throws {
        try await withMockPlatform { platform in
            let directory = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let (resource, path, size) = try await Self.vacsiResource(platform)
            await platform.faults.inject(
                MockFault(.connectionResetAfterBodyBytes(Int(size / 3)), phase: .afterHandler),
                on: MockRoute(method: .get, path: path), count: 1)
            let http = SanteHTTPClient(
                baseURL: platform.baseURL.appending(path: "data"), transport: URLSessionTransport(),
                middlewares: [RetryMiddleware()])
            let downloader = ResourceDownloader(
                http: http, options: DownloadOptions(maximumAttempts: 4, resumeDelay: .milliseconds(10)))
            let result = try await downloader.download(resource, to: directory.appendingPathComponent("f"))
            #expect(result.checksumVerified)
            #expect(result.source == .network(resumed: false))
            // The transport threw from `send` (the body never reached the downloader), so the retry middleware sent
            // the GET again inside the downloader's first attempt, without Range.
            #expect(result.attempts == 1)
            let log = await platform.requestLog.entries(forPath: path)
            #expect(log.count == 2)
            #expect(log.allSatisfy { $0.headers[.range] == nil })
        }
    }
}

/// Sends the first request as it is, and every later one to another server (same path and query), as if the
/// file had changed on the server between two attempts.
final class ServerSwitchMiddleware: HTTPMiddleware {
    private let authority: String?
    private let seen = Mutex(0)

    init(after baseURL: URL) {
        authority = baseURL.host.map { host in baseURL.port.map { "\(host):\($0)" } ?? host }
    }

    func intercept(_ request: HTTPRequest, body: HTTPBody?, context: RequestContext, next: HTTPHandler) async throws
        -> (HTTPResponse, HTTPBody?)
    {
        let index = seen.withLock { count in
            defer { count += 1 }
            return count
        }
        var request = request
        if index > 0 { request.authority = authority }
        return try await next(request, body, context)
    }
}
