import Foundation
import SanteMockPlatform
import Testing

/// The dataset files: checksums against the catalogue, validators and conditional requests, byte ranges,
/// determinism per seed, and the streaming of the scale-driven files.
@Suite struct OpenDataFileTests {
    static let vacsiFra = "efe23314-67c4-45d3-89a2-3faef82fae90"
    static let placesCSV = "5cb21a85-b0b0-4a65-a249-806a040ec372"
    static let vacsiBenchmark = "83cbbdb9-23cb-455e-8231-69fc25d58111"

    /// A resource of the catalogue (API v2's single-resource route).
    static func resource(_ id: String, on platform: MockPlatform) async throws -> [String: Any] {
        let found = try await OpenDataHTTP.json(try platform.dataURL("/api/2/datasets/resources/\(id)/"))
        return try #require(found["resource"] as? [String: Any])
    }

    static func fileURL(_ resource: [String: Any]) throws -> URL {
        let text = try #require(resource["url"] as? String)
        return try #require(URL(string: text))
    }

    @Test(.timeLimit(.minutes(3)), arguments: [vacsiFra, placesCSV, "d0566522-604d-4af6-be44-a26eefa01756"])
    func servedBytesMatchTheCatalogueChecksumAndSize(resourceID: String) async throws {
        try await withPlatform { platform in
            let resource = try await Self.resource(resourceID, on: platform)
            let checksum = try #require(resource["checksum"] as? [String: Any])
            let file = try await OpenDataHTTP.get(try Self.fileURL(resource))
            #expect(file.status == 200)
            #expect(file.body.count == resource["filesize"] as? Int)
            let type = try #require(checksum["type"] as? String)
            let expected = type == "sha1" ? Digests.sha1(file.body) : Digests.sha256(file.body)
            #expect(checksum["value"] as? String == expected)
            #expect(file.header("ETag") == "\"\(expected)\"")
            #expect(file.header("Accept-Ranges") == "bytes")
            #expect(file.header("Content-Length") == String(file.body.count))
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func conditionalRequestsAnswer304() async throws {
        try await withPlatform { platform in
            let url = try Self.fileURL(try await Self.resource(Self.vacsiFra, on: platform))
            let first = try await OpenDataHTTP.get(url)
            let etag = try #require(first.header("ETag"))
            let lastModified = try #require(first.header("Last-Modified"))
            #expect(lastModified == "Thu, 13 Jul 2023 15:50:38 GMT")

            let notModified = try await OpenDataHTTP.get(url, headers: ["If-None-Match": etag])
            #expect(notModified.status == 304)
            #expect(notModified.body.isEmpty)
            #expect(notModified.header("ETag") == etag)
            #expect(try await OpenDataHTTP.get(url, headers: ["If-None-Match": "W/\(etag)"]).status == 304)
            #expect(try await OpenDataHTTP.get(url, headers: ["If-None-Match": "\"other\", \(etag)"]).status == 304)
            #expect(try await OpenDataHTTP.get(url, headers: ["If-None-Match": "\"other\""]).status == 200)

            #expect(try await OpenDataHTTP.get(url, headers: ["If-Modified-Since": lastModified]).status == 304)
            let earlier = "Wed, 12 Jul 2023 15:50:38 GMT"
            let changed = try await OpenDataHTTP.get(url, headers: ["If-Modified-Since": earlier])
            #expect(changed.status == 200)
            #expect(changed.body == first.body)
            // If-None-Match wins over If-Modified-Since.
            let both = try await OpenDataHTTP.get(
                url, headers: ["If-None-Match": "\"other\"", "If-Modified-Since": lastModified])
            #expect(both.status == 200)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func rangesAnswer206And416() async throws {
        try await withPlatform { platform in
            let url = try Self.fileURL(try await Self.resource(Self.vacsiFra, on: platform))
            let whole = try await OpenDataHTTP.get(url)
            let size = whole.body.count
            let etag = try #require(whole.header("ETag"))

            let middle = try await OpenDataHTTP.get(url, headers: ["Range": "bytes=100-199"])
            #expect(middle.status == 206)
            #expect(middle.header("Content-Range") == "bytes 100-199/\(size)")
            #expect(middle.body == whole.body.subdata(in: 100..<200))

            let tail = try await OpenDataHTTP.get(url, headers: ["Range": "bytes=\(size - 1000)-"])
            #expect(tail.status == 206)
            #expect(tail.body == whole.body.subdata(in: (size - 1000)..<size))

            let suffix = try await OpenDataHTTP.get(url, headers: ["Range": "bytes=-10"])
            #expect(suffix.status == 206)
            #expect(suffix.header("Content-Range") == "bytes \(size - 10)-\(size - 1)/\(size)")
            #expect(suffix.body == whole.body.subdata(in: (size - 10)..<size))

            let beyond = try await OpenDataHTTP.get(url, headers: ["Range": "bytes=\(size)-"])
            #expect(beyond.status == 416)
            #expect(beyond.header("Content-Range") == "bytes */\(size)")

            let matching = try await OpenDataHTTP.get(url, headers: ["Range": "bytes=0-9", "If-Range": etag])
            #expect(matching.status == 206)
            let stale = try await OpenDataHTTP.get(url, headers: ["Range": "bytes=0-9", "If-Range": "\"stale\""])
            #expect(stale.status == 200)
            #expect(stale.body == whole.body)

            let head = try await OpenDataHTTP.get(url, method: "HEAD")
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == String(size))
            #expect(head.body.isEmpty)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func aResumedDownloadOfAStreamedFileEqualsTheWholeFile() async throws {
        let scale = OpenDataScale(vacsiRowCount: 20_000, centreCount: 300)
        try await withPlatform(MockPlatform.Configuration(openDataScale: scale)) { platform in
            let resource = try await Self.resource(Self.vacsiBenchmark, on: platform)
            let url = try Self.fileURL(resource)
            let whole = try await OpenDataHTTP.get(url)
            #expect(whole.body.count == resource["filesize"] as? Int)
            let cut = whole.body.count / 3 + 17
            let rest = try await OpenDataHTTP.get(url, headers: ["Range": "bytes=\(cut)-"])
            #expect(rest.status == 206)
            #expect(whole.body.prefix(cut) + rest.body == whole.body)
            let window = try await OpenDataHTTP.get(url, headers: ["Range": "bytes=\(cut)-\(cut + 99_999)"])
            #expect(window.body == whole.body.subdata(in: cut..<(cut + 100_000)))
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func largeFilesStreamWithTheRightRowCount() async throws {
        let scale = OpenDataScale(vacsiRowCount: 20_000, centreCount: 300)
        try await withPlatform(MockPlatform.Configuration(openDataScale: scale)) { platform in
            let resource = try await Self.resource(Self.vacsiBenchmark, on: platform)
            let outcome = try await StreamingLineCounter.download(try Self.fileURL(resource))
            #expect(outcome.status == 200)
            #expect(outcome.lineCount == 20_001)  // the header and 20,000 rows
            #expect(outcome.byteCount == resource["filesize"] as? Int)
            #expect(outcome.contentLength == String(outcome.byteCount))
            #expect((resource["checksum"] as? [String: Any])?["value"] as? String == outcome.sha1)
            // Chunks of at most ~64 kB plus one segment: the server never sends the file as one buffer.
            #expect(outcome.chunkCount > 1)

            let centres = try await OpenDataHTTP.get(try platform.dataURL("/vitemadose/centres.json"))
            let array = try #require(try JSONSerialization.jsonObject(with: centres.body) as? [[String: Any]])
            #expect(array.count == 300)
            #expect(array.allSatisfy { $0["internal_id"] is String && $0["gid"] is String })
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func contentIsDeterministicPerSeed() async throws {
        let paths = [
            "/vitemadose/75.json", "/vitemadose/stats.json",
            "/files/donnees-relatives-aux-personnes-vaccinees-contre-la-covid-19-1/20230713-135038/"
                + "vacsi-fra-2023-07-13-15h50.csv",
            "/files/donnees-relatives-aux-personnes-vaccinees-contre-la-covid-19-1/20230713-135109/"
                + "vacsi-a-dep-2023-07-13-15h50.csv",
        ]
        var bodies: [UInt64: [Data]] = [:]
        for seed: UInt64 in [7, 7, 8] {
            try await withPlatform(MockPlatform.Configuration(seed: seed)) { platform in
                var files: [Data] = []
                for path in paths {
                    let result = try await OpenDataHTTP.get(try platform.dataURL(path))
                    #expect(result.status == 200)
                    files.append(result.body)
                }
                if let previous = bodies[seed] {
                    #expect(previous == files, "seed \(seed) must give the same bytes")
                }
                bodies[seed] = files
            }
        }
        let seven = try #require(bodies[7])
        let eight = try #require(bodies[8])
        for index in paths.indices {
            #expect(seven[index] != eight[index], "\(paths[index]) must change with the seed")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func unknownFilesAre404() async throws {
        try await withPlatform { platform in
            let department = try await OpenDataHTTP.get(try platform.dataURL("/vitemadose/975.json"))
            let file = try await OpenDataHTTP.get(try platform.dataURL("/files/nothing/here.csv"))
            #expect(department.status == 404)
            #expect(file.status == 404)
        }
    }
}
