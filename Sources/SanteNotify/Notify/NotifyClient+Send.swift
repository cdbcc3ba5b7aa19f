import Foundation
import Logging
import SanteCore
import SanteHTTP

extension NotifyClient {
    /// Sends a text message (`POST /v2/notifications/sms`).
    /// - Parameter message: The message.
    /// - Returns: Notify's answer, or (after a lost response) the message found by reference.
    /// - Throws: ``NotifyError`` (``NotifyError/Reason/validationFailed`` for an invalid number,
    ///   ``NotifyError/Reason/badRequest`` for a missing personalisation, ``NotifyError/Reason/rateLimited``…).
    public func sendSMS(_ message: NotifySMS) async throws(NotifyError) -> NotifySendResponse {
        try await send(
            message, path: "v2/notifications/sms", type: .sms, reference: message.reference,
            operation: "notify.sendSMS")
    }

    /// Sends an e-mail (`POST /v2/notifications/email`).
    /// - Parameter message: The e-mail.
    /// - Returns: Notify's answer, or (after a lost response) the message found by reference.
    /// - Throws: ``NotifyError``.
    public func sendEmail(_ message: NotifyEmail) async throws(NotifyError) -> NotifySendResponse {
        try await send(
            message, path: "v2/notifications/email", type: .email, reference: message.reference,
            operation: "notify.sendEmail")
    }

    /// Sends a letter from a template (`POST /v2/notifications/letter`).
    /// - Parameter letter: The letter.
    /// - Returns: Notify's answer, or (after a lost response) the letter found by reference.
    /// - Throws: ``NotifyError``.
    public func sendLetter(_ letter: NotifyLetter) async throws(NotifyError) -> NotifySendResponse {
        try await send(
            letter, path: "v2/notifications/letter", type: .letter, reference: letter.reference,
            operation: "notify.sendLetter")
    }

    /// Sends a precompiled letter (`POST /v2/notifications/letter` with a PDF).
    /// - Parameter letter: The letter.
    /// - Returns: Notify's answer, or (after a lost response) the letter found by reference.
    /// - Throws: ``NotifyError``.
    public func sendPrecompiledLetter(_ letter: NotifyPrecompiledLetter) async throws(NotifyError)
        -> NotifySendResponse
    {
        try await send(
            letter, path: "v2/notifications/letter", type: .letter, reference: letter.reference,
            operation: "notify.sendPrecompiledLetter")
    }

    /// How many times a send whose response was lost is looked up by reference and sent again.
    static let recoveryRounds = 2

    /// Sends once (the pipeline retries only when nothing was sent); after a lost response, recovers by
    /// reference when there is one.
    func send<Message: Encodable & Sendable>(
        _ message: Message, path: String, type: NotifyNotificationType, reference: String?, operation: String
    ) async throws(NotifyError) -> NotifySendResponse {
        var lastError: any Error
        do {
            return try await requester.postRaw(message, NotifySendResponse.self, path, operation: operation)
        } catch {
            lastError = error
        }
        guard let reference, !reference.isEmpty, Self.responseWasLost(lastError) else {
            throw NotifyError.wrap(lastError, operation: operation)
        }
        configuration.logger.notice(
            "a send's response was lost; looking the message up by reference",
            metadata: ["santekit.operation": .string(operation)])
        for _ in 0..<Self.recoveryRounds {
            let found: NotifyNotification?
            do {
                found = try await notificationByReference(reference, type: type, operation: operation + ".recover")
            } catch {
                // The send's own failure is what matters: the message may have been accepted.
                var failure = NotifyError.wrap(lastError, operation: operation)
                failure.message += "; looking the message up by reference failed too (\(error.reason))"
                throw failure
            }
            if let found { return NotifySendResponse(recovered: found) }
            do {
                return try await requester.postRaw(message, NotifySendResponse.self, path, operation: operation)
            } catch {
                lastError = error
                guard Self.responseWasLost(error) else { throw NotifyError.wrap(error, operation: operation) }
            }
        }
        throw NotifyError.wrap(lastError, operation: operation)
    }

    /// Whether a send failed without an answer while the request may have reached Notify.
    static func responseWasLost(_ error: any Error) -> Bool {
        guard let failure = error as? SanteHTTPError else { return false }
        return (failure.code == .transport || failure.code == .timeout) && failure.httpStatus == nil
            && failure.requestWasSent != false
    }

    /// The newest notification sent with `reference`, if any.
    func notificationByReference(
        _ reference: String, type: NotifyNotificationType, operation: String
    ) async throws(NotifyError) -> NotifyNotification? {
        let filter = NotifyNotificationFilter(templateType: type, reference: reference)
        let page = try await requester.get(
            NotifyNotificationsPage.self, "v2/notifications", query: filter.queryItems, operation: operation)
        return page.notifications.first { $0.reference == reference }
    }
}
