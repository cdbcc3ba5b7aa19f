import Foundation
import SanteCore

/// The mutable state of the Notify service, isolated in its own actor: the messages accepted, the rate
/// windows, and the hook that announces status changes to the webhook service.
actor NotifyServiceState {
    /// What the service shares with the rest of the platform (clock, identities, event bus, seed).
    let environment: MockServiceEnvironment
    /// The limits.
    let settings: NotifySettings
    /// Where status changes are announced (`notification.status-changed` webhooks).
    let webhooks: WebhookServiceState?
    /// The token checker.
    nonisolated let authenticator: NotifyAuthenticator

    private var messages: [MockNotifyMessage] = []
    private var recentRequests: [Date] = []
    private var oldestRecentRequest = 0

    /// Creates the service's initial state.
    init(environment: MockServiceEnvironment, settings: NotifySettings, webhooks: WebhookServiceState?) {
        self.environment = environment
        self.settings = settings
        self.webhooks = webhooks
        self.authenticator = NotifyAuthenticator(keys: [environment.identities.notifyKey], clock: environment.clock)
    }

    /// Every message accepted, oldest first.
    func allMessages() -> [MockNotifyMessage] {
        messages
    }

    /// Forgets every message (and the rate windows).
    func clear() {
        messages = []
        recentRequests = []
        oldestRecentRequest = 0
    }

    /// Counts an authenticated request in the rolling 60-second window.
    /// - Throws: `429 RateLimitError` when the window is full (the refused request is not counted).
    func admitRequest() throws(NotifyAPIError) {
        let now = environment.clock.now()
        while oldestRecentRequest < recentRequests.count,
            now.timeIntervalSince(recentRequests[oldestRecentRequest]) >= 60
        {
            oldestRecentRequest += 1
        }
        if oldestRecentRequest > 1024, oldestRecentRequest * 2 > recentRequests.count {
            recentRequests.removeFirst(oldestRecentRequest)
            oldestRecentRequest = 0
        }
        guard recentRequests.count - oldestRecentRequest < settings.rateLimit else {
            throw NotifyAPIError(
                status: 429, error: "RateLimitError",
                message: "Exceeded rate limit for key type TEST of \(settings.rateLimit) requests per 60 seconds")
        }
        recentRequests.append(now)
    }

    /// Records an accepted message, after checking the daily limit.
    /// - Throws: `429 TooManyRequestsError` when today's (UTC, platform clock) limit is reached.
    func record(_ draft: NotifyDraft) async throws(NotifyAPIError) -> MockNotifyMessage {
        let now = environment.clock.now()
        let dayStart = (now.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400
        let today = messages.reversed().prefix { $0.createdAt.timeIntervalSince1970 >= dayStart }.count
        guard today < settings.dailyLimit else {
            throw NotifyAPIError(
                status: 429, error: "TooManyRequestsError",
                message: "Exceeded send limits (\(settings.dailyLimit)) for today")
        }
        let message = MockNotifyMessage(
            id: UUID().uuidString.lowercased(), kind: draft.kind, recipient: draft.recipient,
            reference: draft.reference, templateID: draft.templateID, templateVersion: draft.templateVersion,
            body: draft.body, subject: draft.subject, personalisation: draft.personalisation, createdAt: now,
            finalStatus: draft.finalStatus)
        messages.append(message)
        await webhooks?.notificationAccepted(message)
        return message
    }

    /// The message `id`, if any.
    func message(id: String) -> MockNotifyMessage? {
        messages.first { $0.id == id }
    }
}
