public import Foundation
public import HTTPTypes
import SanteCore

/// Reads the `Retry-After` header (RFC 9110 §10.2.3): a number of seconds, or an HTTP-date.
public enum RetryAfter {
    /// The longest wait ``delay(from:now:)`` ever returns: one day.
    ///
    /// A longer request (a far-future HTTP-date such as the year 2500, or a huge number of seconds)
    /// is capped to this value, so that it never overflows a `Duration`.
    public static let maximumDelay: Duration = .seconds(86_400)

    /// The wait a response asks for, if it has a valid `Retry-After` header.
    /// - Parameters:
    ///   - fields: The response's header fields.
    ///   - now: The current time, to turn an HTTP-date into a wait.
    /// - Returns: The wait (zero for a date in the past), or `nil` when the header is absent or invalid.
    public static func delay(in fields: HTTPFields, now: Date) -> Duration? {
        guard let value = fields[.retryAfter] else { return nil }
        return delay(from: value, now: now)
    }

    /// The wait a `Retry-After` value asks for.
    /// - Parameters:
    ///   - value: The header's value, such as `"120"` or `"Wed, 21 Oct 2015 07:28:00 GMT"`.
    ///   - now: The current time.
    /// - Returns: The wait (zero for a date in the past, at most ``maximumDelay``), or `nil` when the
    ///   value is invalid.
    public static func delay(from value: String, now: Date) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty, trimmed.allSatisfy(\.isASCIIDigitCharacter) {
            guard let seconds = Int64(trimmed) else { return nil }
            return min(.seconds(seconds), maximumDelay)
        }
        guard let date = httpDate(trimmed) else { return nil }
        let interval = date.timeIntervalSince(now)
        guard interval > 0 else { return .zero }
        return .interval(min(interval, maximumDelay.timeInterval))
    }

    /// Parses an HTTP-date in any of its three forms (IMF-fixdate, RFC 850, asctime).
    /// - Parameter text: The date text.
    /// - Returns: The date, or `nil` when it is not an HTTP-date.
    public static func httpDate(_ text: String) -> Date? {
        let formats = [
            "EEE, dd MMM yyyy HH:mm:ss zzz",  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
            "EEEE, dd-MMM-yy HH:mm:ss zzz",  // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
            "EEE MMM d HH:mm:ss yyyy",  // asctime: Sun Nov  6 08:49:37 1994
        ]
        let collapsed = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        for format in formats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: collapsed) { return date }
        }
        return nil
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool {
        isASCII && isNumber
    }
}
