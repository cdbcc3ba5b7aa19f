public import Foundation
import HTTPTypes
public import SanteCore
import SanteHTTP

extension NotifyClient {
    /// One notification and its current status (`GET /v2/notifications/{id}`).
    /// - Parameter id: The notification's id.
    /// - Returns: The notification.
    /// - Throws: ``NotifyError`` (``NotifyError/Reason/notFound`` for an unknown id).
    public func notification(id: String) async throws(NotifyError) -> NotifyNotification {
        let operation = "notify.notification"
        let segment = try NotifyRequester.segment(id, operation: operation)
        return try await requester.get(NotifyNotification.self, "v2/notifications/\(segment)", operation: operation)
    }

    /// The PDF of a letter (`GET /v2/notifications/{id}/pdf`), once Notify has rendered it.
    /// - Parameter id: The letter notification's id.
    /// - Returns: The PDF's bytes.
    /// - Throws: ``NotifyError`` (``NotifyError/Reason/badRequest`` while the PDF is not ready yet).
    public func letterPDF(id: String) async throws(NotifyError) -> Data {
        let operation = "notify.letterPDF"
        let segment = try NotifyRequester.segment(id, operation: operation)
        var request = try requester.request(.get, "v2/notifications/\(segment)/pdf", operation: operation)
        request.headerFields[.accept] = "application/pdf"
        do {
            return try await http.data(for: request, options: RequestOptions(operation: operation)).1
        } catch {
            throw NotifyError.wrap(error, operation: operation)
        }
    }

    /// One page of notifications (`GET /v2/notifications`), newest first, at most 250.
    /// - Parameter filter: The filters; ``NotifyNotificationFilter/olderThan`` picks the page.
    /// - Returns: The page and its links.
    /// - Throws: ``NotifyError``.
    public func notificationsPage(_ filter: NotifyNotificationFilter = NotifyNotificationFilter())
        async throws(NotifyError) -> NotifyNotificationsPage
    {
        try await requester.get(
            NotifyNotificationsPage.self, "v2/notifications", query: filter.queryItems,
            operation: "notify.notifications")
    }

    /// Every notification matching `filter`, newest first, fetched a page at a time by following
    /// `links.next` exactly as Notify gives it. Nothing is fetched until you iterate.
    /// - Parameter filter: The filters.
    /// - Returns: The notifications as an async sequence (it throws ``NotifyError``).
    public func notifications(_ filter: NotifyNotificationFilter = NotifyNotificationFilter())
        -> PagedSequence<NotifyNotification, URL>
    {
        let requester = self.requester
        return PagedSequence { cursor in
            let page = try await requester.get(
                NotifyNotificationsPage.self, cursor?.absoluteString ?? "v2/notifications",
                query: cursor == nil ? filter.queryItems : [], operation: "notify.notifications")
            return Page(items: page.notifications, nextCursor: page.links.nextURL)
        }
    }

    /// Every text message received by the service, newest first (`GET /v2/received-text-messages`),
    /// following `links.next`.
    /// - Parameter olderThan: Start after this message id.
    /// - Returns: The messages as an async sequence (it throws ``NotifyError``).
    public func receivedTextMessages(olderThan: String? = nil) -> PagedSequence<NotifyReceivedText, URL> {
        let requester = self.requester
        let query = olderThan.map { [URLQueryItem(name: "older_than", value: $0)] } ?? []
        return PagedSequence { cursor in
            let page = try await requester.get(
                NotifyReceivedTextsPage.self, cursor?.absoluteString ?? "v2/received-text-messages",
                query: cursor == nil ? query : [], operation: "notify.receivedTextMessages")
            return Page(items: page.receivedTextMessages, nextCursor: page.links.nextURL)
        }
    }
}
