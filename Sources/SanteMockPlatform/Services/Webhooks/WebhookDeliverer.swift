import Foundation
import SanteCore
import Synchronization

/// Delivers ``OutboundWebhook``s with the Standard Webhooks headers, and retries failures on the platform
/// clock: 5 s, 30 s, 2 min, 10 min, 30 min after each failed attempt (then gives up), or after the
/// `Retry-After` the receiver asked for. A `410 Gone` stops the deliveries.
struct WebhookDeliverer: Sendable {
    /// The waits before attempts 2 to 6.
    static let retrySchedule: [Duration] = [.seconds(5), .seconds(30), .seconds(120), .seconds(600), .seconds(1800)]
    /// The longest `Retry-After` honoured: one day.
    static let maximumRetryAfter: Duration = .seconds(86_400)
    /// The `User-Agent` of every delivery.
    static let userAgent = "sante-mock"

    let http: DeliveryHTTPClient
    let scheduler: MockScheduler
    /// Keeps the first attempts to one receiver in the order the messages were made.
    let ordering = DeliveryOrdering()

    var clock: any SanteClock { scheduler.clock }

    /// Starts delivering `message` in the background: its first attempt comes after the first attempt of the
    /// previous message to the same owner (retries are not ordered).
    func start(_ message: OutboundWebhook, owner: any DeliveryOwner) {
        ordering.chain(message.ownerID) { previous in
            scheduler.runTask {
                await previous?.value
                await attempt(message, number: 1, owner: owner)
            }
        }
    }

    /// Sends one attempt and returns the answer, without retry or log (handshakes).
    func sendOnce(_ message: OutboundWebhook) async -> DeliveryResponse {
        await http.post(url: message.url, headers: headers(for: message), body: message.body)
    }

    /// The headers of one attempt, signed at the current platform time.
    func headers(for message: OutboundWebhook) -> [(String, String)] {
        let timestamp = Int64(clock.now().timeIntervalSince1970.rounded(.down))
        var headers: [(String, String)] = [
            ("Content-Type", message.contentType),
            ("User-Agent", Self.userAgent),
            ("webhook-id", message.webhookID),
            ("webhook-timestamp", String(timestamp)),
            (
                "webhook-signature",
                message.secret.signature(webhookID: message.webhookID, timestamp: timestamp, body: message.body)
            ),
        ]
        headers += message.headers
        return headers
    }

    private func attempt(_ message: OutboundWebhook, number: Int, owner: any DeliveryOwner) async {
        guard !Task.isCancelled, await owner.shouldDeliver(message) else { return }
        let response = await sendOnce(message)
        guard !Task.isCancelled else { return }
        let outcome = outcome(of: response, attempt: number)
        await owner.attemptFinished(message, attempt: number, response: response, outcome: outcome, at: clock.now())
        if case .retrying(let delay) = outcome {
            scheduler.schedule(after: delay) {
                await attempt(message, number: number + 1, owner: owner)
            }
        }
    }

    /// What an answer to attempt `number` leads to.
    func outcome(of response: DeliveryResponse, attempt number: Int) -> DeliveryOutcome {
        if let status = response.status {
            if (200..<300).contains(status) { return .delivered }
            if status == 410 { return .gone }
        }
        guard number <= Self.retrySchedule.count else { return .gaveUp }
        if let retryAfter = response.retryAfter.flatMap(retryAfterDelay) {
            return .retrying(after: retryAfter)
        }
        return .retrying(after: Self.retrySchedule[number - 1])
    }

    /// A `Retry-After` value (seconds, or an HTTP date read against the platform clock) as a delay.
    func retryAfterDelay(_ value: String) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        var seconds: Double
        if let whole = Int64(trimmed) {
            seconds = Double(whole)
        } else if let date = Self.httpDate(trimmed) {
            seconds = date.timeIntervalSince(clock.now())
        } else {
            return nil
        }
        seconds = min(max(seconds, 0), Self.maximumRetryAfter.timeInterval)
        return .interval(seconds)
    }

    private static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}

/// The last first-attempt task of each owner, so that the next one waits for it.
final class DeliveryOrdering: Sendable {
    private let last = Mutex<[String: Task<Void, Never>]>([:])

    /// Creates the owner's next task with `make`, handing it the previous one.
    func chain(_ owner: String, _ make: (Task<Void, Never>?) -> Task<Void, Never>?) {
        last.withLock { tasks in
            tasks[owner] = make(tasks[owner])
        }
    }
}
