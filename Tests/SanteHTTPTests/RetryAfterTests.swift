import Foundation
import HTTPTypes
import Testing

@testable import SanteHTTP

@Suite("Retry-After")
struct RetryAfterTests {
    // 2026-01-01T00:00:00Z
    let now = Date(timeIntervalSince1970: 1_767_225_600)

    @Test(
        "Seconds", arguments: [("0", Duration.zero), ("1", .seconds(1)), ("120", .seconds(120)), (" 5 ", .seconds(5))])
    func seconds(value: String, expected: Duration) {
        #expect(RetryAfter.delay(from: value, now: now) == expected)
    }

    @Test(
        "HTTP-dates in the three formats",
        arguments: [
            "Thu, 01 Jan 2026 00:01:30 GMT", "Thursday, 01-Jan-26 00:01:30 GMT", "Thu Jan  1 00:01:30 2026",
        ])
    func dates(value: String) {
        #expect(RetryAfter.delay(from: value, now: now) == .seconds(90))
    }

    @Test("A far-future date or a huge number of seconds is capped, not a crash")
    func farFutureIsCapped() {
        #expect(RetryAfter.delay(from: "Sat, 01 Jan 2500 00:00:00 GMT", now: now) == RetryAfter.maximumDelay)
        #expect(RetryAfter.delay(from: "9223372036854775807", now: now) == RetryAfter.maximumDelay)
        #expect(RetryAfter.maximumDelay == .seconds(86_400))
    }

    @Test("A date in the past means no wait")
    func pastDate() {
        #expect(RetryAfter.delay(from: "Wed, 31 Dec 2025 23:00:00 GMT", now: now) == .zero)
    }

    @Test("Invalid values are ignored", arguments: ["", "-5", "1.5", "soon", "99999999999999999999999"])
    func invalid(value: String) {
        #expect(RetryAfter.delay(from: value, now: now) == nil)
    }

    @Test("The header is read from the fields")
    func fromFields() {
        #expect(RetryAfter.delay(in: [.retryAfter: "3"], now: now) == .seconds(3))
        #expect(RetryAfter.delay(in: [:], now: now) == nil)
    }
}
