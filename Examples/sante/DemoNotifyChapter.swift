import Foundation
import HTTPTypes
import SanteKit
import SanteMockPlatform
import Synchronization

/// The notification chapter of `sante demo`, in two phases around the DMP chapter.
///
/// 1. ``subscribe()``, before the DMP chapter: starts a webhook receiver on `127.0.0.1:0`, creates a FHIR
///    Subscription (R4 backport, DSUBm PatientDependent topic, `full-resource`) for the demo patient's
///    documents pointing at it, and checks the handshake's Standard Webhooks signature with the secret the
///    subscription returned.
/// 2. ``finish(_:timeout:)``, after the DMP chapter published a document for that patient: waits (bounded)
///    for the signed `event-notification`, verifies it (and shows a tampered copy refused), reads the focus
///    DocumentReference, then sends an appointment-confirmation SMS through the Notify API with the mock's
///    test key and follows its status to `delivered` (on an in-process mock the waits are skipped on the
///    shared ``MockTimeline``). The subscription is deleted and the receiver closed.
///
/// If the DMP chapter fails in between, call ``DemoNotifySubscription/close()``.
struct DemoNotifyChapter {
    /// The mock platform.
    let session: MockPlatformSession
    /// The demo's platform (its accounting counts the chapter's requests; its logger logs them).
    let platform: SantePlatform
    /// Time shared with an in-process mock.
    let timeline: MockTimeline
    /// The chapter's number in the tour, for the progress lines (its phases print `8a`…`8d`).
    var number = 8
    /// Whether the mock reads ``timeline``'s clock, so that waits are skipped on it (default: when the mock
    /// runs in this process).
    var sharesTimeline: Bool?

    /// The demo patient (PAT-TROIS Dominique, `MockIdentities.default`).
    static let patientINS = "279035121518989"
    /// The INS OID.
    static let insSystem = "urn:oid:1.2.250.1.213.1.4.10"
    /// The SMS recipient: a fictitious mobile number the mock delivers.
    static let phoneNumber = "+33 6 12 34 56 78"

    /// The clock the chapter reads "now" on: the mock's when it runs in this process.
    var clock: any SanteClock { skipsWaits ? timeline.clientClock : SystemClock() }

    /// Whether waits are skipped on the shared timeline instead of taking real time.
    private var skipsWaits: Bool { sharesTimeline ?? session.isInProcess }

    /// The demo's pipeline settings, with connections kept alive for requests with a body (see
    /// `PSCProvider.httpClient(logger:baseURL:keepsConnectionsAlive:)`).
    private var keepAlive: SantePlatform {
        var copy = platform
        copy.transport = URLSessionTransport(configuration: .init(reusesConnectionsForRequestsWithBody: true))
        return copy
    }

    /// Phase 1: the receiver, the subscription and its verified handshake.
    /// - Returns: The running subscription, to pass to ``finish(_:timeout:)`` (or to close).
    /// - Throws: ``OperationFailed`` when something does not happen as the demo shows it.
    func subscribe() async throws -> DemoNotifySubscription {
        let bearerToken = WebhookSignCommand.randomID().dropFirst(4) + WebhookSignCommand.randomID().dropFirst(4)
        let inbox = DemoNotifyInbox(bearer: BearerCallbackAuthenticator(token: String(bearerToken)))
        let receiver = try await WebhookHTTPServer.start(port: 0) { request in await inbox.handle(request) }
        let endpoint = receiver.baseURL.appending(path: "fhir/notifications")
        do {
            Terminal.info("Chapter \(number)a: a webhook receiver listens on \(endpoint.absoluteString)")
            let subscriptions = try await subscriptionClient()
            let draft = try FHIRSubscriptionBuilder(endpoint: endpoint)
                .patientIdentifier(system: Self.insSystem, value: Self.patientINS)
                .payload(.fullResource)
                .header("Authorization: Bearer \(bearerToken)")
                .reason("sante demo: the patient's new documents")
                .build()
            Terminal.info("Chapter \(number)b: the patient subscribes to their documents (POST /dmp/fhir/Subscription)")
            let created = try await subscriptions.create(draft)
            guard let id = created.id, let secret = try created.signingSecret() else {
                throw OperationFailed(reason: "the subscription came back without an id or a signing secret")
            }
            guard created.status == "active" else {
                throw OperationFailed(
                    reason: "the subscription is \(created.status), not active: \(created.error ?? "no reason given")")
            }
            let verifier = WebhookVerifier(secret: secret, clock: clock)
            inbox.setVerifier(verifier)
            let handshake = try await inbox.next(timeout: .seconds(10), what: "the handshake")
            let verified = try await verify(handshake, with: verifier, what: "handshake")
            let notification = try SubscriptionNotification(data: verified.body)
            guard notification.type == .handshake else {
                throw OperationFailed(reason: "the first notification is a \(notification.type), not a handshake")
            }
            let report = DemoReport.Notifications.Subscription(
                id: id, status: created.status, filter: created.filterCriteria.joined(separator: " & "),
                endpoint: endpoint.absoluteString, payload: "full-resource",
                handshake: DemoReport.Notifications.Delivery(
                    webhookID: verified.id, type: notification.type.rawValue, signatureVerified: true))
            return DemoNotifySubscription(
                receiver: receiver, inbox: inbox, verifier: verifier, subscriptionID: id, report: report)
        } catch {
            await receiver.close()
            throw error
        }
    }

    /// Phase 2: the event notification, then the SMS.
    /// - Parameters:
    ///   - subscription: What ``subscribe()`` returned; it is closed when this returns.
    ///   - timeout: How long to wait for the event notification (real time; the mock's first delivery
    ///     attempt follows the publication at once).
    /// - Returns: The chapter's report.
    /// - Throws: ``OperationFailed`` when something does not happen as the demo shows it.
    func finish(
        _ subscription: DemoNotifySubscription, timeout: Duration = .seconds(20)
    ) async throws -> DemoReport.Notifications {
        do {
            let event = try await eventChapter(subscription, timeout: timeout)
            let sms = try await smsChapter()
            do {
                try await subscriptionClient().delete(id: subscription.subscriptionID)
            } catch {
                Terminal.info("Could not delete the subscription: \(error)")
            }
            await subscription.close()
            return DemoReport.Notifications(subscription: subscription.report, event: event, sms: sms)
        } catch {
            await subscription.close()
            throw error
        }
    }

    private func eventChapter(
        _ subscription: DemoNotifySubscription, timeout: Duration
    ) async throws -> DemoReport.Notifications.Event {
        Terminal.info(
            "Chapter \(number)c: the DMP's publication reaches the subscription as a signed event-notification")
        var delivery: WebhookHTTPRequest
        var notification: SubscriptionNotification
        repeat {
            delivery = try await subscription.inbox.next(
                timeout: timeout,
                what: "an event-notification for patient \(Self.patientINS) (did the DMP chapter publish one?)")
            notification = try SubscriptionNotification(data: delivery.body)
        } while notification.type != .eventNotification
        let verified = try await verify(delivery, with: subscription.verifier, what: "event-notification")
        var tampered = delivery.body
        tampered.append(contentsOf: Array(" ".utf8))
        var refusal = "accepted"
        do {
            _ = try subscription.verifier.verifySignature(headers: delivery.fields, body: tampered)
        } catch {
            refusal = error.reason.rawValue
        }
        guard refusal != "accepted" else { throw OperationFailed(reason: "a tampered notification was accepted") }
        guard let first = notification.events.first, let focus = first.focus?.reference else {
            throw OperationFailed(reason: "the event-notification names no focus")
        }
        let resource = first.resource
        let coding = resource?[member: "type"]?["coding"]?.arrayValue?.first
        return DemoReport.Notifications.Event(
            delivery: DemoReport.Notifications.Delivery(
                webhookID: verified.id, type: notification.type.rawValue, signatureVerified: true),
            eventNumber: first.eventNumber, focus: focus,
            documentType: coding?["display"]?.stringValue ?? coding?["code"]?.stringValue,
            documentStatus: resource?[member: "status"]?.stringValue,
            tamperedCopy: refusal)
    }

    private func smsChapter() async throws -> DemoReport.Notifications.SMS {
        Terminal.info("Chapter \(number)d: an SMS confirms an appointment (POST /notify/v2/notifications/sms)")
        let key = try NotifyAPIKey(MockIdentities.default.notifyAPIKey)
        let baseURL = session.baseURL.appending(path: "notify")
        let http = try keepAlive.httpClient(
            baseURL: baseURL, tokenProvider: NotifyTokenProvider(apiKey: key, clock: clock))
        let notify = NotifyClient(
            configuration: NotifyConfiguration(baseURL: baseURL, apiKey: key, clock: clock), http: http)
        let reference = "sante-demo-rdv-" + WebhookSignCommand.randomID().dropFirst(4).prefix(8)
        let sent = try await notify.sendSMS(
            NotifySMS(
                phoneNumber: Self.phoneNumber, templateID: MockNotifyTemplates.appointmentConfirmationSMS,
                personalisation: [
                    "name": "Dominique", "date": "jeudi 4 mars à 10 h 30", "place": "Lyon (centre de santé SanteKit)",
                ],
                reference: String(reference)))
        var statuses: [String] = []
        for read in 0..<20 {
            if read > 0 {
                if skipsWaits {
                    timeline.skip(.seconds(1))
                } else {
                    try await Task.sleep(for: .seconds(1))
                }
            }
            let status = try await notify.notification(id: sent.id).status
            if statuses.last != status.rawValue { statuses.append(status.rawValue) }
            if status.isFinal { break }
        }
        return DemoReport.Notifications.SMS(
            id: sent.id, reference: sent.reference ?? String(reference), body: sent.content?.body ?? "",
            statuses: statuses)
    }

    /// A client of the mock DMP's Subscription endpoint, with a patient token for the demo patient.
    private func subscriptionClient() async throws -> FHIRSubscriptionClient {
        let mock = try keepAlive.httpClient(baseURL: session.baseURL)
        let minted = try await mock.sendJSON(
            .post, "_mock/tokens/patient", body: DemoPatientTokenRequest(ins: Self.patientINS, lifetimeSeconds: 900),
            as: DemoPatientToken.self)
        let token = minted.accessToken
        let http = try keepAlive.httpClient(
            baseURL: session.baseURL.appending(path: "dmp/fhir"), tokenProvider: ClosureTokenProvider { token })
        return FHIRSubscriptionClient(http: http)
    }

    private func verify(
        _ delivery: WebhookHTTPRequest, with verifier: WebhookVerifier, what: String
    ) async throws -> VerifiedWebhook {
        do {
            return try verifier.verifySignature(headers: delivery.fields, body: delivery.body)
        } catch {
            throw OperationFailed(reason: "the \(what) does not verify: [\(error.reason.rawValue)] \(error.message)")
        }
    }

    /// Prints the chapter's part of the readable report.
    static func print(_ report: DemoReport.Notifications) {
        Terminal.result("Notifications")
        let subscription = report.subscription
        Terminal.result("  FHIR subscription \(subscription.id) (\(subscription.status)), \(subscription.payload)")
        Terminal.result("    filter: \(subscription.filter)")
        Terminal.result("    endpoint: \(subscription.endpoint)")
        Terminal.result(
            "  handshake \(subscription.handshake.webhookID): signature verified with the subscription's secret")
        let event = report.event
        Terminal.result(
            "  event #\(event.eventNumber) \(event.delivery.webhookID): signature verified; a tampered copy was "
                + "refused (\(event.tamperedCopy))")
        Terminal.result(
            "    focus \(event.focus)" + (event.documentType.map { ": \($0)" } ?? "")
                + (event.documentStatus.map { ", \($0)" } ?? ""))
        let sms = report.sms
        Terminal.result("  SMS \(sms.id) (reference \(sms.reference))")
        Terminal.result("    \(sms.body)")
        Terminal.result("    status: \(sms.statuses.joined(separator: " -> "))")
    }
}

/// What ``DemoNotifyChapter/subscribe()`` leaves running for ``DemoNotifyChapter/finish(_:timeout:)``.
struct DemoNotifySubscription: Sendable {
    /// The webhook receiver.
    let receiver: WebhookHTTPServer
    /// What the receiver received.
    let inbox: DemoNotifyInbox
    /// The verifier, with the subscription's secret.
    let verifier: WebhookVerifier
    /// The subscription's id.
    let subscriptionID: String
    /// Phase 1's part of the report.
    let report: DemoReport.Notifications.Subscription

    /// Stops the receiver.
    func close() async {
        await receiver.close()
    }
}

/// The demo receiver's deliveries: it requires the subscription's bearer token (known before the secret),
/// and, once the secret is known, a valid signature; it answers 200 and queues what it accepts.
final class DemoNotifyInbox: Sendable {
    private let bearer: BearerCallbackAuthenticator
    private let verifier = Mutex<WebhookVerifier?>(nil)
    private let deliveries: AsyncStream<WebhookHTTPRequest>
    private let continuation: AsyncStream<WebhookHTTPRequest>.Continuation

    /// Creates an inbox that requires `bearer`.
    init(bearer: BearerCallbackAuthenticator) {
        self.bearer = bearer
        (deliveries, continuation) = AsyncStream.makeStream(of: WebhookHTTPRequest.self)
    }

    /// Requires valid signatures from now on.
    func setVerifier(_ verifier: WebhookVerifier) {
        self.verifier.withLock { $0 = verifier }
    }

    /// Checks and queues one request.
    func handle(_ request: WebhookHTTPRequest) async -> WebhookHTTPResponse {
        guard request.method == "POST" else { return WebhookHTTPResponse(status: 405) }
        do {
            try bearer.authenticate(headers: request.fields)
            if let verifier = verifier.withLock({ $0 }) {
                _ = try verifier.verifySignature(headers: request.fields, body: request.body)
            }
        } catch {
            return WebhookHTTPResponse(status: 401, text: error.reason.rawValue)
        }
        continuation.yield(request)
        return WebhookHTTPResponse(status: 200)
    }

    /// The next queued delivery, waiting at most `timeout`.
    /// - Throws: ``OperationFailed`` naming `what` when none arrives in time.
    func next(timeout: Duration, what: String) async throws -> WebhookHTTPRequest {
        let deliveries = self.deliveries
        let next = try await withThrowingTaskGroup(of: WebhookHTTPRequest?.self) { group in
            group.addTask {
                for await delivery in deliveries { return delivery }
                return nil
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
        guard let next else {
            throw OperationFailed(reason: "the receiver got no \(what) within \(timeout.components.seconds) s")
        }
        return next
    }
}

/// The body of `POST /_mock/tokens/patient`.
private struct DemoPatientTokenRequest: Encodable {
    let ins: String
    let lifetimeSeconds: Int
}

/// The answer of `POST /_mock/tokens/patient`.
private struct DemoPatientToken: Decodable {
    let accessToken: String

    private enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
    }
}

extension DemoReport {
    /// The notification chapter.
    struct Notifications: Codable {
        /// A delivery the receiver verified.
        struct Delivery: Codable {
            let webhookID: String
            let type: String
            let signatureVerified: Bool
        }

        /// The subscription (phase 1).
        struct Subscription: Codable {
            let id: String
            let status: String
            let filter: String
            let endpoint: String
            let payload: String
            let handshake: Delivery
        }

        /// The event notification (phase 2).
        struct Event: Codable {
            let delivery: Delivery
            let eventNumber: Int64
            let focus: String
            let documentType: String?
            let documentStatus: String?
            /// Why a copy with one byte added was refused (`no_matching_signature`).
            let tamperedCopy: String
        }

        /// The appointment-confirmation SMS.
        struct SMS: Codable {
            let id: String
            let reference: String
            let body: String
            let statuses: [String]
        }

        let subscription: Subscription
        let event: Event
        let sms: SMS
    }
}
