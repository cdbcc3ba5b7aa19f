import Foundation
import Hummingbird
import SanteCore

/// `GET /_mock/clock` and `POST /_mock/clock/advance` (`{"seconds": 12.5}`).
///
/// Both answer `{"now": "<ISO 8601, whole seconds>", "epochSeconds": <fractional seconds since 1970>,
/// "adjustable": <whether the clock is a TestClock>}`. Advancing needs a `TestClock` (otherwise `409`).
enum ClockRoutes {
    /// The largest single advance accepted: 100 years (so the clock never overflows a `Date` or `Duration`).
    static let maximumAdvanceSeconds: Double = 100 * 365.25 * 86_400

    private struct AdvanceRequest: Decodable {
        var seconds: Double
    }

    static func register(on group: RouterGroup<MockRequestContext>, clock: any SanteClock) {
        group.get("clock") { _, _ in
            try MockJSON.response(json(clock))
        }
        group.post("clock/advance") { request, context in
            let body = try await request.decode(as: AdvanceRequest.self, context: context)
            guard let testClock = clock as? TestClock else {
                return MockJSON.error(
                    .conflict, message: "The platform clock is not a TestClock; it cannot be advanced.")
            }
            guard body.seconds.isFinite, body.seconds >= 0, body.seconds <= maximumAdvanceSeconds else {
                return MockJSON.validationError([
                    ValidationIssue(
                        field: "seconds", reason: "must be a number from 0 to \(Int(maximumAdvanceSeconds))")
                ])
            }
            testClock.advance(by: .interval(body.seconds))
            return try MockJSON.response(json(clock))
        }
    }

    private static func json(_ clock: any SanteClock) -> JSONValue {
        let now = clock.now()
        return [
            "now": .string(now.formatted(.iso8601)),
            "epochSeconds": .number(now.timeIntervalSince1970),
            "adjustable": .bool(clock is TestClock),
        ]
    }
}
