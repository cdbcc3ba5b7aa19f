import Foundation
import HTTPTypes
import SanteHTTP
import SanteMockPlatform
import Testing

/// Checks on large and streamed bodies.
enum BodyChecks {
    static let mebibyte = 1024 * 1024

    static func largeBodiesBothWays(_ target: ConformanceTarget) async throws {
        let transport = target.transport()
        let upload = distinctivePayload(count: mebibyte)
        let (uploadResponse, uploadBody) = try await transport.send(
            target.request(.put, "/_mock/echo"), body: HTTPBody(upload), context: RequestContext())
        #expect(uploadResponse.status == .ok)
        let echo = try JSONDecoder().decode(Echo.self, from: try await collect(uploadBody))
        #expect(echo.bodyByteCount == mebibyte)
        #expect(echo.body == upload)

        let (downloadResponse, downloadBody) = try await transport.send(
            target.request(.get, "/_mock/bytes?count=\(mebibyte)"), body: nil, context: RequestContext())
        #expect(downloadResponse.status == .ok)
        let downloaded = try await collect(downloadBody)
        #expect(downloaded.count == mebibyte)
        #expect(downloaded == bytesPattern(count: mebibyte))
    }

    static func responseBodyLength(_ target: ConformanceTarget) async throws {
        let count = 300_000
        let (response, responseBody) = try await target.transport().send(
            target.request(.get, "/_mock/bytes?count=\(count)"), body: nil, context: RequestContext())
        #expect(response.status == .ok)
        #expect(response.headerFields[.contentLength] == String(count))
        let body = try #require(responseBody)
        #expect(body.length == .known(Int64(count)))
        // A streamed body can be read once; a buffered one is in memory and can be read again.
        #expect(body.iterationBehavior == (target.subject.streamsResponseBodies ? .single : .multiple))
        var received = Data()
        var chunkCount = 0
        for try await chunk in body {
            received.append(contentsOf: chunk)
            chunkCount += 1
        }
        #expect(received == bytesPattern(count: count))
        #expect(chunkCount >= 1)
    }

    static func responseStreamsWhileArriving(_ target: ConformanceTarget) async throws {
        // 10 chunks of 500 bytes, 150 ms apart: the body takes at least 1.35 s to arrive. The bounds below leave
        // room for a loaded machine.
        await target.platform.faults.inject(
            MockFault(.slowDrip(chunkSize: 500, interval: .milliseconds(150)), phase: .afterHandler),
            on: MockRoute(path: "/_mock/bytes"), count: 1)
        let clock = ContinuousClock()
        let started = clock.now
        let (response, body) = try await target.transport().send(
            target.request(.get, "/_mock/bytes?count=5000"), body: nil, context: RequestContext())
        let headReceived = clock.now
        let data = try await collect(body)
        let bodyReceived = clock.now
        #expect(response.status == .ok)
        #expect(data == bytesPattern(count: 5000))
        if target.subject.streamsResponseBodies {
            #expect(bodyReceived - headReceived >= .milliseconds(500))
        } else {
            // A buffering transport returns once the whole body is in.
            #expect(headReceived - started >= .milliseconds(1300))
        }
    }
}
