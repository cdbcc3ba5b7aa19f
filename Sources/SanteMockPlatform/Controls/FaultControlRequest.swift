import HTTPTypes
import SanteCore

/// The body of `POST /_mock/faults`.
///
/// ```json
/// {"method": "GET", "path": "/x/*", "kind": "status", "status": 503, "retryAfter": "1", "count": 2,
///  "phase": "beforeHandler"}
/// ```
/// `method` (absent or `null`: any), `count` (absent or `null`: permanent) and `phase` (default `beforeHandler`)
/// are optional. Per kind: `latency` takes `milliseconds`; `randomLatency` `minMilliseconds` and
/// `maxMilliseconds`; `status` `status`, `retryAfter` and `body`; `slowDrip` `chunkSize` and
/// `intervalMilliseconds`; `connectionResetAfterBodyBytes` `bytes`; `connectionReset`, `truncatedBody` and
/// `malformedJSON` take nothing.
struct FaultControlRequest: Decodable {
    var method: String?
    var path: String
    var kind: String
    var status: Int?
    var retryAfter: String?
    var body: String?
    var count: Int?
    var phase: String?
    var milliseconds: Double?
    var minMilliseconds: Double?
    var maxMilliseconds: Double?
    var chunkSize: Int?
    var intervalMilliseconds: Double?
    var bytes: Int?

    /// The fault, route and count described, or every problem found.
    func resolve() throws(ValidationError) -> (MockFault, MockRoute, Int?) {
        var issues: [ValidationIssue] = []
        var routeMethod: HTTPRequest.Method?
        if let method {
            routeMethod = HTTPRequest.Method(method.uppercased())
            if routeMethod == nil {
                issues.append(ValidationIssue(field: "method", reason: "is not a valid HTTP method: \(method)"))
            }
        }
        if !path.hasPrefix("/") && path != "*" {
            issues.append(ValidationIssue(field: "path", reason: "must start with / (or be *)"))
        }
        if let count, count < 1 {
            issues.append(ValidationIssue(field: "count", reason: "must be at least 1, or null for a permanent fault"))
        }
        let resolvedPhase = MockFault.Phase(rawValue: phase ?? MockFault.Phase.beforeHandler.rawValue)
        if resolvedPhase == nil {
            issues.append(ValidationIssue(field: "phase", reason: "must be beforeHandler or afterHandler"))
        }
        let resolvedKind = resolveKind(&issues)
        guard issues.isEmpty, let resolvedKind, let resolvedPhase else {
            throw ValidationError(operation: "mock.faults.inject", issues: issues)
        }
        return (MockFault(resolvedKind, phase: resolvedPhase), MockRoute(method: routeMethod, path: path), count)
    }

    private func resolveKind(_ issues: inout [ValidationIssue]) -> MockFault.Kind? {
        switch kind {
        case "latency":
            guard let milliseconds = nonNegative(milliseconds, "milliseconds", &issues) else { return nil }
            return .latency(.milliseconds(milliseconds))
        case "randomLatency":
            let lower = nonNegative(minMilliseconds, "minMilliseconds", &issues)
            let upper = nonNegative(maxMilliseconds, "maxMilliseconds", &issues)
            guard let lower, let upper else { return nil }
            guard lower <= upper else {
                issues.append(ValidationIssue(field: "maxMilliseconds", reason: "must not be below minMilliseconds"))
                return nil
            }
            return .randomLatency(.milliseconds(lower)...(.milliseconds(upper)))
        case "status":
            guard let status, (200...599).contains(status) else {
                issues.append(ValidationIssue(field: "status", reason: "must be an integer between 200 and 599"))
                return nil
            }
            return .status(status, retryAfter: retryAfter, body: body)
        case "connectionReset":
            return .connectionReset
        case "connectionResetAfterBodyBytes":
            guard let bytes, bytes >= 0 else {
                issues.append(ValidationIssue(field: "bytes", reason: "must be an integer of 0 or more"))
                return nil
            }
            return .connectionResetAfterBodyBytes(bytes)
        case "truncatedBody":
            return .truncatedBody
        case "malformedJSON":
            return .malformedJSON
        case "slowDrip":
            let interval = nonNegative(intervalMilliseconds, "intervalMilliseconds", &issues)
            guard let chunkSize, chunkSize >= 1 else {
                issues.append(ValidationIssue(field: "chunkSize", reason: "must be an integer of at least 1"))
                return nil
            }
            guard let interval else { return nil }
            return .slowDrip(chunkSize: chunkSize, interval: .milliseconds(interval))
        default:
            issues.append(
                ValidationIssue(
                    field: "kind",
                    reason: "must be one of latency, randomLatency, status, connectionReset, "
                        + "connectionResetAfterBodyBytes, truncatedBody, malformedJSON, slowDrip; got \(kind)"))
            return nil
        }
    }

    private func nonNegative(_ value: Double?, _ field: String, _ issues: inout [ValidationIssue]) -> Double? {
        guard let value, value.isFinite, value >= 0 else {
            issues.append(ValidationIssue(field: field, reason: "must be a number of milliseconds, 0 or more"))
            return nil
        }
        return value
    }
}
