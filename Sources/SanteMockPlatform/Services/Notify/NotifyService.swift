import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SanteCore

/// The Notify API (GOV.UK Notify v2: notifications, templates, received texts).
///
/// Mounted twice by ``MockRouterBuilder``: under `/notify` and at the root, so that `/notify/v2/...` and
/// `/v2/...` both reach it. Every route needs `Authorization: Bearer <HS256 JWT>` (``NotifyAuthMiddleware``).
///
/// | Route | What |
/// |---|---|
/// | `POST /v2/notifications/{sms,email,letter}` | Send (`201`) |
/// | `GET /v2/notifications/{id}` | One notification, its status read from the platform clock |
/// | `GET /v2/notifications/{id}/pdf` | A letter's PDF |
/// | `GET /v2/notifications?template_type&status&reference&older_than` | Newest first, pages of `notifyPageSize` |
/// | `GET /v2/templates?type`, `GET /v2/template/{id}[/version/{v}]`, `POST /v2/template/{id}/preview` | Templates |
/// | `GET /v2/received-text-messages?older_than` | Received text messages |
enum NotifyService {
    /// Every status a `status` filter may name (`failed` stands for the three failures).
    static let knownStatuses: Set<String> = [
        "cancelled", "created", "sending", "sent", "delivered", "pending", "failed", "technical-failure",
        "temporary-failure", "permanent-failure", "pending-virus-check", "validation-failed", "virus-scan-failed",
        "returned-letter", "accepted", "received",
    ]

    /// Registers the service's routes on `group`, whose paths are relative to the service prefix.
    /// - Parameters:
    ///   - group: The route group of the service prefix.
    ///   - state: The service's state.
    static func registerRoutes(on group: RouterGroup<MockRequestContext>, state: NotifyServiceState) {
        let v2 = group.group("v2").add(middleware: NotifyAuthMiddleware(state: state))
        let address = state.environment.address
        let clock = state.environment.clock
        for kind in MockNotifyMessage.Kind.allCases {
            v2.post("notifications/\(kind.rawValue)") { request, context in
                let data = Data(try await request.body.collect(upTo: context.maxUploadSize).readableBytesView)
                let paging = NotifyPaging(request: request, address: address)
                return await respond { () async throws(NotifyAPIError) -> Response in
                    let body = try NotifyDraftParser.object(data)
                    let draft: NotifyDraft
                    switch kind {
                    case .sms: draft = try NotifyDraftParser.sms(body)
                    case .email: draft = try NotifyDraftParser.email(body)
                    case .letter: draft = try NotifyDraftParser.letter(body)
                    }
                    let message = try await state.record(draft)
                    return json(NotifyMessageJSON.created(message, base: paging.base), status: .created)
                }
            }
        }
        v2.get("notifications") { request, _ in
            let paging = NotifyPaging(request: request, address: address)
            return await respond { () async throws(NotifyAPIError) -> Response in
                let filter = try NotifyListFilter(query: paging.query)
                let now = clock.now()
                let newestFirst = Array(await state.allMessages().reversed())
                let candidates = try paging.olderThan(newestFirst, id: \.id).filter { filter.matches($0, at: now) }
                let page = candidates.prefix(state.settings.pageSize)
                return json([
                    "notifications": .array(page.map { NotifyMessageJSON.full($0, base: paging.base, now: now) }),
                    "links": paging.links(
                        path: "/v2/notifications", lastID: page.last?.id, hasMore: candidates.count > page.count),
                ])
            }
        }
        v2.get("notifications/:id") { request, context in
            let paging = NotifyPaging(request: request, address: address)
            let id = context.parameters.get("id") ?? ""
            return await respond { () async throws(NotifyAPIError) -> Response in
                let message = try await find(id, state: state)
                return json(NotifyMessageJSON.full(message, base: paging.base, now: clock.now()))
            }
        }
        v2.get("notifications/:id/pdf") { _, context in
            let id = context.parameters.get("id") ?? ""
            return await respond { () async throws(NotifyAPIError) -> Response in
                let message = try await find(id, state: state)
                guard message.kind == .letter else {
                    throw .badRequest("Notification is not a letter")
                }
                var headers = HTTPFields()
                headers[.contentType] = "application/pdf"
                let pdf = Data("%PDF-1.4\n% SanteKit mock letter \(message.id)\n%%EOF\n".utf8)
                return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: pdf)))
            }
        }
        v2.get("received-text-messages") { request, _ in
            let paging = NotifyPaging(request: request, address: address)
            return await respond { () async throws(NotifyAPIError) -> Response in
                let serviceID = state.environment.identities.notifyKey.serviceID
                let candidates = try paging.olderThan(NotifyReceivedText.seeded, id: \.id)
                let page = candidates.prefix(state.settings.pageSize)
                return json([
                    "received_text_messages": .array(page.map { $0.json(serviceID: serviceID) }),
                    "links": paging.links(
                        path: "/v2/received-text-messages", lastID: page.last?.id,
                        hasMore: candidates.count > page.count),
                ])
            }
        }
        NotifyTemplateRoutes.register(on: v2)
    }

    /// The message `id`, or `400 ValidationError` (not a UUID) / `404 NoResultFound`.
    private static func find(_ id: String, state: NotifyServiceState) async throws(NotifyAPIError) -> MockNotifyMessage
    {
        guard UUID(uuidString: id) != nil else {
            throw .validation("notification_id is not a valid UUID")
        }
        guard let message = await state.message(id: id.lowercased()) else {
            throw .notFound
        }
        return message
    }

    /// Runs `body`, answering a ``NotifyAPIError`` in the Notify error format.
    static func respond(_ body: () async throws(NotifyAPIError) -> Response) async -> Response {
        do {
            return try await body()
        } catch {
            return error.response
        }
    }

    /// A JSON response.
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        guard let data = try? MockJSON.encode(value) else {
            return NotifyAPIError(status: 500, error: "Exception", message: "Internal server error").response
        }
        return MockJSON.response(bytes: data, status: status)
    }
}
