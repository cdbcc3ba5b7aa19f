import Crypto
public import Foundation
public import HTTPTypes
public import SanteCore

/// Verifies inbound webhooks signed the Standard Webhooks way.
///
/// For each message it:
/// 1. reads `webhook-id`, `webhook-timestamp` and `webhook-signature` (or the `svix-` forms);
/// 2. refuses a timestamp outside the ``tolerance`` window (5 minutes by default, both ways) around the
///    injected clock's time;
/// 3. tries every `v1` entry of the signature header against every secret (several secrets let you rotate
///    them), comparing in constant time; entries of other versions (`v1a`…) are ignored;
/// 4. when a ``replayStore`` is set, refuses an id already accepted.
///
/// Give it the **raw body bytes** as received: re-serialised JSON never verifies.
///
/// ```swift
/// let verifier = WebhookVerifier(secrets: [try WebhookSecret(secretText)], replayStore: InMemoryWebhookReplayStore())
/// let message = try await verifier.verify(headers: request.headerFields, body: rawBody)
/// switch try message.event() { … }
/// ```
public struct WebhookVerifier: Sendable {
    /// The default tolerance window: 5 minutes, as the reference libraries use.
    public static let defaultTolerance: Duration = .seconds(300)

    /// The accepted secrets, current first; a signature made with any of them verifies.
    public let secrets: [WebhookSecret]
    /// How far the timestamp may be from the clock's time, in either direction.
    public let tolerance: Duration
    /// The clock that says what "now" is.
    public let clock: any SanteClock
    /// Where accepted ids are remembered, or `nil` to skip the replay check.
    public let replayStore: (any WebhookReplayStore)?

    /// Creates a verifier.
    /// - Parameters:
    ///   - secrets: The accepted secrets (at least one for any message to verify).
    ///   - tolerance: The tolerance window (default 5 minutes).
    ///   - clock: The clock (default `SystemClock`; tests inject a `TestClock`).
    ///   - replayStore: Where accepted ids are remembered (default none: pass an
    ///     ``InMemoryWebhookReplayStore`` or a shared store to refuse replays).
    public init(
        secrets: [WebhookSecret],
        tolerance: Duration = WebhookVerifier.defaultTolerance,
        clock: any SanteClock = SystemClock(),
        replayStore: (any WebhookReplayStore)? = nil
    ) {
        self.secrets = secrets
        self.tolerance = max(.zero, tolerance)
        self.clock = clock
        self.replayStore = replayStore
    }

    /// Creates a verifier with one secret.
    /// - Parameters:
    ///   - secret: The accepted secret.
    ///   - tolerance: The tolerance window (default 5 minutes).
    ///   - clock: The clock (default `SystemClock`).
    ///   - replayStore: Where accepted ids are remembered (default none).
    public init(
        secret: WebhookSecret,
        tolerance: Duration = WebhookVerifier.defaultTolerance,
        clock: any SanteClock = SystemClock(),
        replayStore: (any WebhookReplayStore)? = nil
    ) {
        self.init(secrets: [secret], tolerance: tolerance, clock: clock, replayStore: replayStore)
    }

    /// Verifies a message: headers, timestamp, signature, then (with a replay store) novelty.
    /// - Parameters:
    ///   - headers: The request's header fields.
    ///   - body: The exact body bytes.
    /// - Returns: The verified message.
    /// - Throws: ``WebhookError`` with ``WebhookError/Reason/missingHeader``,
    ///   ``WebhookError/Reason/malformedHeader``, ``WebhookError/Reason/timestampTooOld``,
    ///   ``WebhookError/Reason/timestampTooNew``, ``WebhookError/Reason/noMatchingSignature``,
    ///   ``WebhookError/Reason/replayed`` or ``WebhookError/Reason/replayStoreFailure``.
    public func verify(headers: HTTPFields, body: some DataProtocol) async throws(WebhookError) -> VerifiedWebhook {
        let message = try verifySignature(headers: headers, body: body)
        guard let replayStore else { return message }
        let expiry = message.timestamp.addingTimeInterval(tolerance.timeInterval)
        let isNew: Bool
        do {
            isNew = try await replayStore.insertIfAbsent(message.id, until: expiry, now: clock.now())
        } catch {
            throw WebhookError(.replayStoreFailure, "the replay store failed", underlyingError: error)
        }
        guard isNew else {
            throw WebhookError(.replayed, "the message id was already accepted")
        }
        return message
    }

    /// Verifies a message given its headers as name–value pairs (names compared case-insensitively), for
    /// servers whose request type is not `HTTPRequest`.
    /// - Parameters:
    ///   - headers: The header names and values.
    ///   - body: The exact body bytes.
    /// - Returns: The verified message.
    /// - Throws: ``WebhookError`` as the `HTTPFields` variant of `verify(headers:body:)` does.
    public func verify(headers: [String: String], body: some DataProtocol) async throws(WebhookError)
        -> VerifiedWebhook
    {
        try await verify(headers: Self.fields(headers), body: body)
    }

    /// Checks the headers, the timestamp and the signature, without the replay check.
    /// - Parameters:
    ///   - headers: The request's header fields.
    ///   - body: The exact body bytes.
    /// - Returns: The verified message.
    /// - Throws: ``WebhookError`` (every reason of the `HTTPFields` variant of `verify(headers:body:)` but
    ///   ``WebhookError/Reason/replayed``).
    public func verifySignature(headers: HTTPFields, body: some DataProtocol) throws(WebhookError) -> VerifiedWebhook {
        let id = try Self.header(headers, .webhookID, .svixID, "webhook-id")
        let timestampText = try Self.header(headers, .webhookTimestamp, .svixTimestamp, "webhook-timestamp")
        let signatureText = try Self.header(headers, .webhookSignature, .svixSignature, "webhook-signature")
        guard !id.contains(".") else {
            throw WebhookError(.malformedHeader, "the webhook id contains '.'")
        }
        guard let seconds = Int64(timestampText), seconds >= 0 else {
            throw WebhookError(.malformedHeader, "the webhook timestamp is not integer Unix seconds")
        }
        let timestamp = Date(timeIntervalSince1970: TimeInterval(seconds))
        let offset = clock.now().timeIntervalSince(timestamp)
        if offset > tolerance.timeInterval {
            throw WebhookError(.timestampTooOld, "the webhook timestamp is \(Int(offset)) s old, beyond the tolerance")
        }
        if -offset > tolerance.timeInterval {
            throw WebhookError(
                .timestampTooNew, "the webhook timestamp is \(Int(-offset)) s in the future, beyond the tolerance")
        }
        let candidates = try Self.signatures(in: signatureText)
        let content = WebhookSigner.signedContent(id: id, timestamp: timestampText, body: body)
        for (index, secret) in secrets.enumerated() {
            for candidate in candidates
            where HMAC<SHA256>.isValidAuthenticationCode(candidate, authenticating: content, using: secret.key) {
                return VerifiedWebhook(id: id, timestamp: timestamp, body: Data(body), secretIndex: index)
            }
        }
        throw WebhookError(.noMatchingSignature, "no v1 signature matches the body under the configured secrets")
    }

    /// The decoded `v1` signatures of a signature header; other versions are skipped.
    static func signatures(in header: String) throws(WebhookError) -> [Data] {
        var sawEntry = false
        var signatures: [Data] = []
        for entry in header.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            guard let comma = entry.firstIndex(of: ",") else { continue }
            sawEntry = true
            let version = entry[..<comma]
            let encoded = entry[entry.index(after: comma)...]
            guard version == "v1", let decoded = StandardBase64.decode(encoded) else { continue }
            signatures.append(decoded)
        }
        guard sawEntry else {
            throw WebhookError(.malformedHeader, "the signature header has no 'version,signature' entry")
        }
        return signatures
    }

    /// The value of `primary`, or else of `alternative`, trimmed; refuses an absent or empty value.
    private static func header(
        _ headers: HTTPFields, _ primary: HTTPField.Name, _ alternative: HTTPField.Name, _ shown: String
    ) throws(WebhookError) -> String {
        let value = (headers[primary] ?? headers[alternative])?.trimmingCharacters(in: .whitespaces)
        guard let value, !value.isEmpty else {
            throw WebhookError(.missingHeader, "the \(shown) header is missing")
        }
        return value
    }

    /// Header fields built from name–value pairs; invalid names are skipped.
    static func fields(_ headers: [String: String]) -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in headers {
            guard let fieldName = HTTPField.Name(name) else { continue }
            fields.append(HTTPField(name: fieldName, value: value))
        }
        return fields
    }
}
