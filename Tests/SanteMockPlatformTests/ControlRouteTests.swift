import Foundation
import SanteCore
import SanteMockPlatform
import Testing

@Suite struct ControlRouteTests {
    @Test(.timeLimit(.minutes(3)))
    func healthAtTheRootAndUnderControls() async throws {
        try await withPlatform { platform in
            for path in ["/health", "/_mock/health"] {
                let result = try await TestHTTP.send(try platform.url(path))
                #expect(result.status == 200)
                #expect(result.header("Content-Type")?.hasPrefix("application/json") == true)
                #expect(try result.jsonObject()["status"] as? String == "ok")
            }
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func echoDescribesTheRequest() async throws {
        try await withPlatform { platform in
            let body = Data("hello, mock".utf8)
            let result = try await TestHTTP.send(
                "PUT", try platform.url("/_mock/echo?a=1&b=two"), body: body,
                headers: ["X-Test-Header": "value-1", "Content-Type": "text/plain"])
            #expect(result.status == 200)
            let json = try result.jsonObject()
            #expect(json["method"] as? String == "PUT")
            #expect(json["path"] as? String == "/_mock/echo")
            #expect(json["query"] as? String == "a=1&b=two")
            #expect(json["bodyByteCount"] as? Int == body.count)
            #expect(json["bodyBase64"] as? String == body.base64EncodedString())
            let headers = try #require(json["headers"] as? [String: String])
            #expect(headers["x-test-header"] == "value-1")
            #expect(headers["content-type"] == "text/plain")
        }
    }

    @Test(.timeLimit(.minutes(3)), arguments: ["GET", "POST", "PATCH", "DELETE"])
    func echoAnswersEveryMethod(method: String) async throws {
        try await withPlatform { platform in
            let result = try await TestHTTP.send(method, try platform.url("/_mock/echo"))
            #expect(result.status == 200)
            #expect(try result.jsonObject()["method"] as? String == method)
            #expect(try result.jsonObject()["query"] as? String == "")
        }
    }

    @Test(.timeLimit(.minutes(3)), arguments: [0, 1, 250, 251, 252, 64_256, 200_000])
    func bytesAreDeterministic(count: Int) async throws {
        try await withPlatform { platform in
            let result = try await TestHTTP.send(try platform.url("/_mock/bytes?count=\(count)"))
            #expect(result.status == 200)
            #expect(result.header("Content-Type") == "application/octet-stream")
            #expect(result.header("Content-Length") == String(count))
            #expect(result.body.count == count)
            let expected = Data((0..<count).map { UInt8($0 % 251) })
            #expect(result.body == expected)
        }
    }

    @Test(.timeLimit(.minutes(3)), arguments: ["", "?count=-1", "?count=abc"])
    func bytesRejectsABadCount(query: String) async throws {
        try await withPlatform { platform in
            let result = try await TestHTTP.send(try platform.url("/_mock/bytes" + query))
            #expect(result.status == 400)
            #expect(try result.jsonObject()["status"] as? Int == 400)
        }
    }

    @Test(.timeLimit(.minutes(3)), arguments: ["/nowhere", "/dmp/fhir/Patient", "/psc/unknown", "/v2/unknown"])
    func unknownRoutesAre404WithJSON(path: String) async throws {
        try await withPlatform { platform in
            let result = try await TestHTTP.send(try platform.url(path))
            #expect(result.status == 404)
            #expect(result.header("Content-Type")?.hasPrefix("application/json") == true)
            let json = try result.jsonObject()
            #expect(json["status"] as? Int == 404)
            #expect((json["message"] as? String)?.contains(path) == true)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func aBodyOverTheLimitIs413() async throws {
        try await withPlatform(MockPlatform.Configuration(maximumRequestBodySize: 1_000)) { platform in
            let result = try await TestHTTP.send(
                "POST", try platform.url("/_mock/echo"), body: Data(count: 5_000))
            #expect(result.status == 413)
            #expect(try result.jsonObject()["status"] as? Int == 413)
            let record = try #require(await platform.requestLog.entries(forPath: "/_mock/echo").first)
            #expect(record.status == 413)
            #expect(!record.handlerRan)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func identitiesAreServed() async throws {
        try await withPlatform { platform in
            let result = try await TestHTTP.send(try platform.url("/_mock/identities"))
            #expect(result.status == 200)
            let json = try result.jsonObject()
            let client = try #require(json["demoClient"] as? [String: Any])
            #expect(client["clientID"] as? String == "santekit-demo")
            #expect(client["clientSecret"] as? String == MockIdentities.default.demoClient.clientSecret)
            let professionals = try #require(json["professionals"] as? [[String: Any]])
            #expect(
                professionals.compactMap { $0["subjectNameID"] as? String }
                    == MockIdentities.default.professionals.map(\.subjectNameID))
            let patients = try #require(json["patients"] as? [[String: Any]])
            #expect(patients.compactMap { $0["ins"] as? String } == MockIdentities.default.patients.map(\.ins))
            let notify = try #require(json["notifyKey"] as? [String: Any])
            #expect(notify["apiKey"] as? String == MockIdentities.default.notifyAPIKey)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func clockRoutesReadAndAdvanceATestClock() async throws {
        let clock = TestClock()
        try await withPlatform(MockPlatform.Configuration(clock: clock)) { platform in
            let read = try await TestHTTP.send(try platform.url("/_mock/clock"))
            #expect(read.status == 200)
            #expect(try read.jsonObject()["now"] as? String == "2026-01-01T00:00:00Z")
            #expect(try read.jsonObject()["adjustable"] as? Bool == true)

            let advanced = try await TestHTTP.sendJSON(
                "POST", try platform.url("/_mock/clock/advance"), json: #"{"seconds": 12.5}"#)
            #expect(advanced.status == 200)
            #expect(try advanced.jsonObject()["epochSeconds"] as? Double == 1_767_225_612.5)
            #expect(clock.now() == Date(timeIntervalSince1970: 1_767_225_612.5))

            let negative = try await TestHTTP.sendJSON(
                "POST", try platform.url("/_mock/clock/advance"), json: #"{"seconds": -1}"#)
            #expect(negative.status == 400)
            #expect(clock.now() == Date(timeIntervalSince1970: 1_767_225_612.5))

            let huge = try await TestHTTP.sendJSON(
                "POST", try platform.url("/_mock/clock/advance"), json: #"{"seconds": 1e12}"#)
            #expect(huge.status == 400)
            #expect(String(decoding: huge.body, as: UTF8.self).contains("seconds"))
            #expect(clock.now() == Date(timeIntervalSince1970: 1_767_225_612.5))
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func advancingTheSystemClockIsAConflict() async throws {
        try await withPlatform { platform in
            let result = try await TestHTTP.sendJSON(
                "POST", try platform.url("/_mock/clock/advance"), json: #"{"seconds": 1}"#)
            #expect(result.status == 409)
            let read = try await TestHTTP.send(try platform.url("/_mock/clock"))
            #expect(try read.jsonObject()["adjustable"] as? Bool == false)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func requestLogOverHTTP() async throws {
        let clock = TestClock()
        try await withPlatform(MockPlatform.Configuration(clock: clock)) { platform in
            _ = try await TestHTTP.send("POST", try platform.url("/_mock/echo?x=1"), body: Data("abc".utf8))
            let log = try await TestHTTP.send(try platform.url("/_mock/requests"))
            #expect(log.status == 200)
            let entries = try #require(try JSONSerialization.jsonObject(with: log.body) as? [[String: Any]])
            let echo = try #require(entries.first { $0["path"] as? String == "/_mock/echo" })
            #expect(echo["method"] as? String == "POST")
            #expect(echo["query"] as? String == "x=1")
            #expect(echo["bodyByteCount"] as? Int == 3)
            #expect(echo["status"] as? Int == 200)
            #expect(echo["handlerRan"] as? Bool == true)
            #expect(echo["faultApplied"] is NSNull)
            #expect(echo["receivedAt"] as? String == "2026-01-01T00:00:00.000Z")

            let cleared = try await TestHTTP.send("DELETE", try platform.url("/_mock/requests"))
            #expect(cleared.status == 204)
            // The DELETE itself is recorded once it has been answered, after the log was cleared.
            #expect(await platform.requestLog.entries.map(\.path) == ["/_mock/requests"])
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func faultsOverHTTP() async throws {
        try await withPlatform { platform in
            let created = try await TestHTTP.sendJSON(
                "POST", try platform.url("/_mock/faults"),
                json: #"{"method":"GET","path":"/_mock/echo","kind":"status","status":503,"retryAfter":"1","count":2}"#
            )
            #expect(created.status == 201)
            let injection = try created.jsonObject()
            #expect(injection["kind"] as? String == "status")
            #expect(injection["remaining"] as? Int == 2)
            #expect(injection["phase"] as? String == "beforeHandler")

            let listed = try await TestHTTP.send(try platform.url("/_mock/faults"))
            let list = try #require(try JSONSerialization.jsonObject(with: listed.body) as? [[String: Any]])
            #expect(list.count == 1)

            let post = try await TestHTTP.send("POST", try platform.url("/_mock/echo"))
            #expect(post.status == 200)  // the fault is for GET only
            let first = try await TestHTTP.send(try platform.url("/_mock/echo"))
            #expect(first.status == 503)
            #expect(first.header("Retry-After") == "1")

            let cleared = try await TestHTTP.send("DELETE", try platform.url("/_mock/faults"))
            #expect(cleared.status == 204)
            #expect(await platform.faults.injections.isEmpty)
            let after = try await TestHTTP.send(try platform.url("/_mock/echo"))
            #expect(after.status == 200)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func faultsOverHTTPForEveryKind() async throws {
        try await withPlatform { platform in
            let bodies = [
                #"{"path":"/a","kind":"latency","milliseconds":20}"#,
                #"{"path":"/a","kind":"randomLatency","minMilliseconds":10,"maxMilliseconds":20}"#,
                #"{"path":"/a","kind":"status","status":500,"body":"{\"x\":1}","phase":"afterHandler"}"#,
                #"{"path":"/a","kind":"connectionReset","method":null}"#,
                #"{"path":"/a","kind":"truncatedBody"}"#,
                #"{"path":"/a","kind":"malformedJSON"}"#,
                #"{"path":"/a/*","kind":"slowDrip","chunkSize":4,"intervalMilliseconds":5}"#,
                #"{"path":"/a","kind":"connectionResetAfterBodyBytes","bytes":100,"phase":"afterHandler"}"#,
            ]
            for body in bodies {
                let result = try await TestHTTP.sendJSON("POST", try platform.url("/_mock/faults"), json: body)
                #expect(result.status == 201, "\(body)")
            }
            let kinds = await platform.faults.injections.map(\.fault.kind.name)
            #expect(
                kinds == [
                    "latency", "randomLatency", "status", "connectionReset", "truncatedBody", "malformedJSON",
                    "slowDrip", "connectionResetAfterBodyBytes",
                ])
            #expect(
                await platform.faults.injections.last?.fault
                    == MockFault(.connectionResetAfterBodyBytes(100), phase: .afterHandler))
            let installed = await platform.faults.injections
            #expect(installed[0].fault.kind == .latency(.milliseconds(20)))
            #expect(installed[1].fault.kind == .randomLatency(.milliseconds(10)...(.milliseconds(20))))
            #expect(installed[2].fault == MockFault(.status(500, body: #"{"x":1}"#), phase: .afterHandler))
            #expect(installed[6].fault.kind == .slowDrip(chunkSize: 4, interval: .milliseconds(5)))
            #expect(installed[6].route == MockRoute(path: "/a/*"))

            let removed = try await TestHTTP.send("DELETE", try platform.url("/_mock/faults/\(installed[0].id)"))
            #expect(removed.status == 204)
            #expect(await platform.faults.injections.count == 7)
        }
    }

    @Test(
        .timeLimit(.minutes(3)),
        arguments: [
            #"{"path":"/a","kind":"bogus"}"#,
            #"{"path":"/a","kind":"status","status":42}"#,
            #"{"path":"/a","kind":"latency"}"#,
            #"{"path":"/a","kind":"randomLatency","minMilliseconds":20,"maxMilliseconds":10}"#,
            #"{"path":"/a","kind":"slowDrip","chunkSize":0,"intervalMilliseconds":5}"#,
            #"{"path":"/a","kind":"truncatedBody","count":0}"#,
            #"{"path":"/a","kind":"truncatedBody","phase":"sometimes"}"#,
            #"{"path":"a","kind":"truncatedBody"}"#,
            #"{"path":"/a","kind":"truncatedBody","method":"GE T"}"#,
            #"{"kind":"truncatedBody"}"#,
        ])
    func invalidFaultRequestsAre400(body: String) async throws {
        try await withPlatform { platform in
            let result = try await TestHTTP.sendJSON("POST", try platform.url("/_mock/faults"), json: body)
            #expect(result.status == 400)
            #expect(try result.jsonObject()["status"] as? Int == 400)
            #expect(await platform.faults.injections.isEmpty)
        }
    }
}
