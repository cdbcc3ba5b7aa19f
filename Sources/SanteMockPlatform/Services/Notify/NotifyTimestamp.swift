import Foundation

/// The two timestamp formats of Notify: API responses (`2024-05-17 15:58:38.342838`, UTC without a zone) and
/// callbacks (`2024-05-17T15:58:38.342838Z`).
enum NotifyTimestamp {
    /// `yyyy-MM-dd HH:mm:ss.SSSSSS`, as `GET /v2/notifications/{id}` writes it.
    static func api(_ date: Date) -> String {
        let parts = components(date)
        return "\(parts.day) \(parts.time)"
    }

    /// `yyyy-MM-ddTHH:mm:ss.SSSSSSZ`, as callbacks write it.
    static func callback(_ date: Date) -> String {
        let parts = components(date)
        return "\(parts.day)T\(parts.time)Z"
    }

    /// `yyyy-MM-ddTHH:mm:ssZ`, for webhook payloads.
    static func iso8601(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    private static func components(_ date: Date) -> (day: String, time: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let seconds = date.timeIntervalSince1970
        let whole = seconds.rounded(.down)
        let micro = Int(((seconds - whole) * 1_000_000).rounded(.down))
        let fields = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: whole))
        let day = "\(pad(fields.year ?? 1970, 4))-\(pad(fields.month ?? 1, 2))-\(pad(fields.day ?? 1, 2))"
        let time =
            "\(pad(fields.hour ?? 0, 2)):\(pad(fields.minute ?? 0, 2)):\(pad(fields.second ?? 0, 2)).\(pad(micro, 6))"
        return (day, time)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
