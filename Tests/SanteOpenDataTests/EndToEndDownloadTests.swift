import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP
import SanteMockPlatform
import SanteOpenData
import Testing

@Suite("End to end: downloads against the mock platform")
struct EndToEndDownloadTests {
    private static let vacsiFRA = "efe23314-67c4-45d3-89a2-3faef82fae90"

    /// The VACSI national resource and the path of its file on the mock.
    private static func vacsiResource(_ platform: MockPlatform) async throws -> (DataGouvResource, String) {
        let resource = try await platform.catalogue().resource(vacsiFRA)
        let url = try #require(resource.downloadURL)
        return (resource, url.path)
    }

    private static func downloader(_ platform: MockPlatform, middlewares: [any HTTPMiddleware] = [], attempts: Int = 4)
        -> ResourceDownloader
    {
        ResourceDownloader(
            http: platform.openDataHTTP("data", middlewares: middlewares),
            options: DownloadOptions(maximumAttempts: attempts, resumeDelay: .milliseconds(10)))
    }

    @Test(
        "downloads once, verifies the checksum, then answers from the cache (and from a 304)", .timeLimit(.minutes(3)))
    func cache() async throws {
        try await withMockPlatform { platform in
            let directory = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let (resource, path) = try await Self.vacsiResource(platform)
            let cache = ResourceCache(directory: directory)
            let first = try await Self.downloader(platform).download(resource, cache: cache)
            #expect(first.checksumVerified)
            #expect(first.byteCount == resource.filesize)
            #expect(first.checksum?.value == resource.checksum?.value)
            let rows = try await TestSupport.collect(HealthDatasets.vacsi(csv: FileByteChunks(url: first.fileURL)))
            #expect(!rows.isEmpty)
            #expect(rows.allSatisfy { $0.area?.level == .national && $0.firstDoses != nil })

            let second = try await Self.downloader(platform).download(resource, cache: cache)
            #expect(second.source == .cacheUnchanged)
            #expect(await platform.requestLog.entries(forPath: path).count == 1)

            let revalidating = ResourceDownloader(
                http: platform.openDataHTTP("data"), options: DownloadOptions(cachePolicy: .revalidate))
            let third = try await revalidating.download(resource, cache: cache)
            #expect(third.source == .cacheNotModified)
            let log = await platform.requestLog.entries(forPath: path)
            #expect(log.map(\.status) == [200, 304])
            #expect(log.last?.headers[.ifNoneMatch] != nil)
        }
    }

    @Test("a malformed body fails the checksum and leaves no file", .timeLimit(.minutes(3)))
    func checksumFailure() async throws {
        try await withMockPlatform { platform in
            let directory = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let (resource, path) = try await Self.vacsiResource(platform)
            await platform.faults.inject(
                MockFault(.malformedJSON, phase: .afterHandler), on: MockRoute(method: .get, path: path))
            let destination = directory.appendingPathComponent("vacsi.csv")
            let error = await TestSupport.openDataError {
                _ = try await Self.downloader(platform).download(resource, to: destination)
            }
            #expect(error?.reason == .checksumMismatch)
            #expect(!FileManager.default.fileExists(atPath: destination.path))
            #expect(!FileManager.default.fileExists(atPath: destination.path + ".partial"))
            #expect(await platform.requestLog.entries(forPath: path).first?.faultApplied == "malformedJSON")
        }
    }

    @Test(
        "recovers from an injected connection reset and a truncated body", .timeLimit(.minutes(3)),
        arguments: [
            MockFault.Kind.connectionReset, .truncatedBody,
        ])
    func recovers(kind: MockFault.Kind) async throws {
        try await withMockPlatform { platform in
            let directory = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let (resource, path) = try await Self.vacsiResource(platform)
            await platform.faults.inject(
                MockFault(kind, phase: .afterHandler), on: MockRoute(method: .get, path: path), count: 1)
            let result = try await Self.downloader(platform).download(
                resource, to: directory.appendingPathComponent("f"))
            #expect(result.checksumVerified)
            #expect(result.attempts == 2)
            let log = await platform.requestLog.entries(forPath: path)
            #expect(log.count == 2)
            #expect(log.first?.faultApplied == kind.name)
        }
    }

    @Test(
        "resumes a cut transfer with Range, the mock answers 206, and the checksum covers the whole file",
        .timeLimit(.minutes(3)))
    func rangeResume() async throws {
        try await withMockPlatform { platform in
            let directory = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let (resource, path) = try await Self.vacsiResource(platform)
            let size = try #require(resource.filesize)
            let cut = Int(size / 3)
            let downloader = Self.downloader(platform, middlewares: [CutFirstBodyMiddleware(after: cut)])
            let result = try await downloader.download(resource, to: directory.appendingPathComponent("f"))
            #expect(result.source == .network(resumed: true))
            #expect(result.checksumVerified)
            #expect(result.byteCount == size)
            let log = await platform.requestLog.entries(forPath: path)
            #expect(log.map(\.status) == [200, 206])
            #expect(log.last?.headers[.range] == "bytes=\(cut)-")
            #expect(log.last?.headers[TestSupport.field("If-Range")] != nil)
        }
    }

    @Test("streams the vaccination places CSV and GeoJSON of the catalogue", .timeLimit(.minutes(3)))
    func healthFiles() async throws {
        try await withMockPlatform { platform in
            let directory = try TestSupport.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let catalogue = platform.catalogue()
            let dataset = try await catalogue.dataset("lieux-de-vaccination-contre-la-covid-19")
            let cache = ResourceCache(directory: directory)
            let csv = try #require(dataset.resources.first { $0.format == "csv" })
            let csvFile = try await Self.downloader(platform).download(csv, cache: cache)
            #expect(csvFile.checksumVerified)
            #expect(csv.checksum?.algorithm == .sha256)
            let places = try await TestSupport.collect(
                HealthDatasets.vaccinationPlaces(csv: FileByteChunks(url: csvFile.fileURL)))
            #expect(!places.isEmpty)
            #expect(places.allSatisfy { $0.name != nil })
            #expect(places.filter { $0.coordinates != nil }.count > places.count / 2)

            let geoJSON = try #require(dataset.resources.first { $0.format == "geojson" })
            let geoFile = try await Self.downloader(platform).download(geoJSON, cache: cache)
            let features = try await TestSupport.collect(
                HealthDatasets.vaccinationPlaceFeatures(geoJSON: FileByteChunks(url: geoFile.fileURL, chunkSize: 1000)))
            #expect(features.count == places.count)
            #expect(features.allSatisfy { !$0.points.isEmpty })
        }
    }
}
