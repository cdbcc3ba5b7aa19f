import Foundation
import HTTPTypes
import SanteCore
import Testing

@testable import SanteHTTP

@Suite("RetryMiddleware")
struct RetryMiddlewareTests {
    /// A client with only a retry middleware over the stub, sleeping on an automatic TestClock.
    func makeClient(
        _ stub: StubTransport,
        policy: RetryPolicy = .default,
        clock: TestClock = TestClock(mode: .automatic),
        random: Double = 1
    ) -> SanteHTTPClient {
        SanteHTTPClient(
            baseURL: Fixtures.baseURL,
            transport: stub,
            middlewares: [RetryMiddleware(policy: policy, clock: clock, random: { random })]
        )
    }

    @Test("A GET is retried after 503s until it succeeds, with exponential back-off")
    func retriesUntilSuccess() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .status(503))
        stub.expect(.get, "/fhir/Patient", respond: .status(503))
        stub.expect(.get, "/fhir/Patient", respond: .json("{}"))
        let clock = TestClock(mode: .automatic)
        let client = makeClient(stub, clock: clock)

        let (response, _) = try await client.data(for: Fixtures.request())

        #expect(response.status == .ok)
        #expect(clock.recordedSleeps == [.milliseconds(500), .seconds(1)])
        #expect(stub.recordedRequests.map(\.context.attempt) == [1, 2, 3])
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("Full jitter scales the back-off by the random fraction")
    func fullJitter() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .status(500))
        stub.expect(.get, "/fhir/Patient", respond: .status(502))
        stub.expect(.get, "/fhir/Patient", respond: .status(200))
        let clock = TestClock(mode: .automatic)
        _ = try await makeClient(stub, clock: clock, random: 0.25).send(Fixtures.request())
        #expect(clock.recordedSleeps == [.milliseconds(125), .milliseconds(250)])
    }

    @Test("The back-off ceiling doubles and is capped by the maximum")
    func backoffCap() async throws {
        let policy = RetryPolicy(
            maximumAttempts: 5, initialBackoff: .seconds(1), maximumBackoff: .seconds(3),
            maximumTotalDuration: .seconds(100))
        let stub = StubTransport()
        for _ in 0..<4 { stub.expect(.get, "/fhir/Patient", respond: .status(503)) }
        stub.expect(.get, "/fhir/Patient", respond: .status(200))
        let clock = TestClock(mode: .automatic)
        _ = try await makeClient(stub, policy: policy, clock: clock).send(Fixtures.request())
        #expect(clock.recordedSleeps == [.seconds(1), .seconds(2), .seconds(3), .seconds(3)])
        #expect(policy.backoffCeiling(forRetry: 40) == .seconds(3))
    }

    @Test("Every wait stays between zero and the ceiling for any random value")
    func backoffBounds() {
        let policy = RetryPolicy.default
        for retry in 1...6 {
            for random in [-1.0, 0, 0.3, 0.999, 1, 7] {
                let wait = policy.backoff(forRetry: retry, random: random)
                #expect(wait >= .zero)
                #expect(wait <= policy.backoffCeiling(forRetry: retry))
            }
        }
    }

    @Test("Attempts are bounded: the last failed response is returned")
    func boundedAttempts() async throws {
        let stub = StubTransport()
        for _ in 0..<3 { stub.expect(.get, "/fhir/Patient", respond: .status(503)) }
        let (response, _) = try await makeClient(stub).send(Fixtures.request())
        #expect(response.status.code == 503)
        #expect(stub.recordedRequests.count == 3)
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("Transient statuses are retried", arguments: [408, 429, 500, 502, 503, 504, 599])
    func retryableStatuses(status: Int) async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .status(status))
        stub.expect(.get, "/fhir/Patient", respond: .status(200))
        let (response, _) = try await makeClient(stub).send(Fixtures.request())
        #expect(response.status.code == 200)
        #expect(stub.recordedRequests.count == 2)
    }

    @Test("Other statuses are not retried", arguments: [400, 401, 403, 404, 409, 501, 505])
    func nonRetryableStatuses(status: Int) async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .status(status))
        let (response, _) = try await makeClient(stub).send(Fixtures.request())
        #expect(response.status.code == status)
        #expect(stub.recordedRequests.count == 1)
    }

    @Test("Retry-After in seconds sets the wait")
    func retryAfterSeconds() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .status(503, headerFields: [.retryAfter: "7"]))
        stub.expect(.get, "/fhir/Patient", respond: .status(200))
        let clock = TestClock(mode: .automatic)
        _ = try await makeClient(stub, clock: clock, random: 0).send(Fixtures.request())
        #expect(clock.recordedSleeps == [.seconds(7)])
    }

    @Test("Retry-After as an HTTP-date sets the wait from the clock's time")
    func retryAfterDate() async throws {
        let stub = StubTransport()
        // The TestClock starts at 2026-01-01T00:00:00Z.
        stub.expect(
            .get, "/fhir/Patient", respond: .status(429, headerFields: [.retryAfter: "Thu, 01 Jan 2026 00:00:12 GMT"]))
        stub.expect(.get, "/fhir/Patient", respond: .status(200))
        let clock = TestClock(mode: .automatic)
        _ = try await makeClient(stub, clock: clock, random: 0).send(Fixtures.request())
        #expect(clock.recordedSleeps == [.seconds(12)])
    }

    @Test("Retry-After is capped by the policy's maximum back-off")
    func retryAfterCapped() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .status(503, headerFields: [.retryAfter: "3600"]))
        stub.expect(.get, "/fhir/Patient", respond: .status(200))
        let clock = TestClock(mode: .automatic)
        let policy = RetryPolicy(maximumBackoff: .seconds(30), maximumTotalDuration: .seconds(100))
        _ = try await makeClient(stub, policy: policy, clock: clock).send(Fixtures.request())
        #expect(clock.recordedSleeps == [.seconds(30)])
    }

    @Test("Retry-After is ignored when the policy says so")
    func retryAfterIgnored() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .status(503, headerFields: [.retryAfter: "9"]))
        stub.expect(.get, "/fhir/Patient", respond: .status(200))
        let clock = TestClock(mode: .automatic)
        _ = try await makeClient(stub, policy: RetryPolicy(honoursRetryAfter: false), clock: clock)
            .send(Fixtures.request())
        #expect(clock.recordedSleeps == [.milliseconds(500)])
    }

    @Test("No retry starts after the total duration allowed")
    func totalDurationBound() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .status(503, headerFields: [.retryAfter: "4"]))
        stub.expect(.get, "/fhir/Patient", respond: .status(503, headerFields: [.retryAfter: "4"]))
        let clock = TestClock(mode: .automatic)
        let policy = RetryPolicy(maximumAttempts: 5, maximumTotalDuration: .seconds(5))
        let (response, _) = try await makeClient(stub, policy: policy, clock: clock).send(Fixtures.request())
        #expect(response.status.code == 503)
        #expect(clock.recordedSleeps == [.seconds(4)])
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("A single-pass body is never replayed, even with an idempotency key or `always`")
    func singlePassBodyNotReplayed() async throws {
        for options in [
            RequestOptions(idempotencyKey: "k1"), RequestOptions(retryEligibility: .always), RequestOptions(),
        ] {
            let stub = StubTransport()
            stub.expect(.put, "/fhir/Binary/1", respond: .status(503))
            let client = makeClient(stub)
            let request = Fixtures.request(.put, path: "/fhir/Binary/1")
            let (response, _) = try await client.send(
                request, body: Fixtures.singlePassBody("payload"), options: options)
            #expect(response.status.code == 503)
            #expect(stub.recordedRequests.count == 1)
            #expect(stub.recordedRequests.first?.bodyText == "payload")
        }
    }

    @Test("A single-pass body is not replayed after a connection refused either")
    func singlePassBodyNotReplayedAfterRefusal() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .error(Fixtures.transportError(requestWasSent: false)))
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await makeClient(stub).send(Fixtures.request(), body: Fixtures.singlePassBody("x"))
        }
        #expect(error?.requestWasSent == false)
        #expect(stub.recordedRequests.count == 1)
    }

    @Test("A replayable body is sent again, whole, on a retry")
    func replayableBodyResent() async throws {
        let stub = StubTransport()
        stub.expect(.put, "/fhir/Patient/1", respond: .status(503))
        stub.expect(.put, "/fhir/Patient/1", respond: .status(200))
        _ = try await makeClient(stub).send(Fixtures.request(.put, path: "/fhir/Patient/1"), body: HTTPBody("data"))
        #expect(stub.recordedRequests.map(\.bodyText) == ["data", "data"])
    }

    @Test("A POST without an idempotency key is not retried")
    func postWithoutKey() async throws {
        let stub = StubTransport()
        stub.expect(.post, "/fhir/Patient", respond: .status(503))
        let (response, _) = try await makeClient(stub).send(Fixtures.request(.post), body: HTTPBody("{}"))
        #expect(response.status.code == 503)
        #expect(stub.recordedRequests.count == 1)
    }

    @Test("A POST with an idempotency key is retried")
    func postWithKey() async throws {
        let stub = StubTransport()
        stub.expect(.post, "/fhir/Patient", respond: .status(503))
        stub.expect(.post, "/fhir/Patient", respond: .status(201))
        let (response, _) = try await makeClient(stub).send(
            Fixtures.request(.post), body: HTTPBody("{}"), options: RequestOptions(idempotencyKey: "abc"))
        #expect(response.status.code == 201)
        #expect(stub.recordedRequests.count == 2)
    }

    @Test("A POST is retried when the transport reports that nothing was sent")
    func postNotSent() async throws {
        let stub = StubTransport()
        stub.expect(.post, "/fhir/Patient", respond: .error(Fixtures.transportError(requestWasSent: false)))
        stub.expect(.post, "/fhir/Patient", respond: .status(201))
        let (response, _) = try await makeClient(stub).send(Fixtures.request(.post), body: HTTPBody("{}"))
        #expect(response.status.code == 201)
        #expect(stub.recordedRequests.count == 2)
    }

    @Test("A POST is not retried when the request may have been sent", arguments: [Bool?.none, true])
    func postMaybeSent(sent: Bool?) async throws {
        let stub = StubTransport()
        stub.expect(.post, "/fhir/Patient", respond: .error(Fixtures.transportError(requestWasSent: sent)))
        let error = await #expect(throws: SanteHTTPError.self) {
            _ = try await makeClient(stub).send(Fixtures.request(.post), body: HTTPBody("{}"))
        }
        #expect(error?.code == .transport)
        #expect(stub.recordedRequests.count == 1)
    }

    @Test("A GET is retried after a transport error or a timeout")
    func getAfterTransportError() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .error(Fixtures.transportError(requestWasSent: nil)))
        stub.expect(.get, "/fhir/Patient", respond: .error(SanteHTTPError(code: .timeout, message: "slow")))
        stub.expect(.get, "/fhir/Patient", respond: .status(200))
        let (response, _) = try await makeClient(stub).send(Fixtures.request())
        #expect(response.status.code == 200)
        #expect(stub.recordedRequests.count == 3)
    }

    @Test("Errors that are not transient are not retried")
    func permanentErrors() async throws {
        let permanent: [any Error] = [
            SanteHTTPError(code: .configuration, message: "no"),
            SanteHTTPError(code: .transport, message: "tls", requestWasSent: false, isRetryable: false),
            URLError(.badURL),
        ]
        for failure in permanent {
            let stub = StubTransport()
            stub.expect(.get, "/fhir/Patient", respond: .error(failure))
            await #expect(throws: SanteHTTPError.self) {
                _ = try await makeClient(stub).send(Fixtures.request())
            }
            #expect(stub.recordedRequests.count == 1)
        }
    }

    @Test("`never` forbids retries, even when nothing was sent")
    func neverRetry() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .error(Fixtures.transportError(requestWasSent: false)))
        await #expect(throws: SanteHTTPError.self) {
            _ = try await makeClient(stub).send(Fixtures.request(), options: RequestOptions(retryEligibility: .never))
        }
        #expect(stub.recordedRequests.count == 1)
    }

    @Test("`always` allows retrying a POST without a key")
    func alwaysRetry() async throws {
        let stub = StubTransport()
        stub.expect(.post, "/fhir/Patient", respond: .status(503))
        stub.expect(.post, "/fhir/Patient", respond: .status(200))
        let (response, _) = try await makeClient(stub).send(
            Fixtures.request(.post), body: HTTPBody("{}"), options: RequestOptions(retryEligibility: .always))
        #expect(response.status.code == 200)
    }

    @Test("The body of a failed attempt is read and discarded before the retry")
    func failedBodyDrained() async throws {
        let chunksRead = Counter()
        let stub = StubTransport()
        stub.expect(
            .get, "/fhir/Patient",
            respond: .handler { _ in
                let stream = AsyncStream<ArraySlice<UInt8>> { continuation in
                    continuation.yield(ArraySlice(Array("busy".utf8)))
                    continuation.yield(ArraySlice(Array(" now".utf8)))
                    continuation.finish()
                }
                return (
                    HTTPResponse(status: .serviceUnavailable),
                    HTTPBody(stream).observingChunks { _ in chunksRead.increment() }
                )
            })
        stub.expect(.get, "/fhir/Patient", respond: .json(#"{"ok":true}"#))
        let (_, body) = try await makeClient(stub).send(Fixtures.request())
        #expect(chunksRead.count == 2)
        #expect(try await text(body) == #"{"ok":true}"#)
    }

    @Test("Cancellation during the back-off stops the retries")
    func cancellationStopsRetries() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/Patient", respond: .status(503))
        stub.expect(.get, "/fhir/Patient", respond: .status(200))
        let clock = TestClock()
        let client = makeClient(stub, clock: clock)
        let task = Task { try await client.send(Fixtures.request()) }
        await clock.waitForSleepers(1)
        task.cancel()
        let result = await task.result
        let error = try #require(result.failure as? SanteHTTPError)
        #expect(error.code == .cancelled)
        #expect(stub.recordedRequests.count == 1)
        #expect(stub.remainingExpectations.count == 1)
    }

    @Test("A task cancelled before sending sends nothing")
    func cancelledBeforeSending() async throws {
        let stub = StubTransport()
        let client = makeClient(stub)
        let gate = AsyncStream<Void>.makeStream()
        let task = Task {
            for await _ in gate.stream {}
            return try await client.send(Fixtures.request())
        }
        task.cancel()
        gate.continuation.finish()
        let error = try #require(await task.result.failure as? SanteHTTPError)
        #expect(error.code == .cancelled)
        #expect(stub.recordedRequests.isEmpty)
    }

    @Test("The policy's idempotent methods are GET HEAD OPTIONS PUT DELETE TRACE")
    func idempotentMethods() {
        let idempotent: [HTTPRequest.Method] = [.get, .head, .options, .put, .delete, .trace]
        for method in idempotent { #expect(RetryPolicy.isIdempotent(method)) }
        for method in [HTTPRequest.Method.post, .patch, .connect] { #expect(!RetryPolicy.isIdempotent(method)) }
        #expect(RetryPolicy(maximumAttempts: 0).maximumAttempts == 1)
        #expect(RetryPolicy.none.maximumAttempts == 1)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
