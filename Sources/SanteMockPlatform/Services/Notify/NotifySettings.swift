/// The limits of the mock Notify service, from the platform configuration.
struct NotifySettings: Sendable {
    /// Requests accepted per rolling 60 seconds of the platform clock.
    let rateLimit: Int
    /// Messages accepted per UTC day of the platform clock.
    let dailyLimit: Int
    /// The largest page of `GET /v2/notifications` and `GET /v2/received-text-messages`.
    let pageSize: Int
}
