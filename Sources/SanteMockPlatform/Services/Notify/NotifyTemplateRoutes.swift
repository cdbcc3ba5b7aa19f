import Foundation
import Hummingbird
import NIOCore
import SanteCore

/// `GET /v2/templates?type=`, `GET /v2/template/{id}`, `GET /v2/template/{id}/version/{v}` and
/// `POST /v2/template/{id}/preview`.
enum NotifyTemplateRoutes {
    static func register(on v2: RouterGroup<MockRequestContext>) {
        v2.get("templates") { request, _ in
            await NotifyService.respond { () throws(NotifyAPIError) -> Response in
                let query = QueryString(request.uri.query)
                var templates = MockNotifyTemplates.all
                if let type = query.first("type") {
                    guard let kind = MockNotifyMessage.Kind(rawValue: type) else {
                        throw .validation("type \(type) is not one of [sms, email, letter]")
                    }
                    templates = templates.filter { $0.kind == kind }
                }
                let values = templates.compactMap { template in template.current.map { template.json(version: $0) } }
                return NotifyService.json(["templates": .array(values)])
            }
        }
        v2.get("template/:id") { _, context in
            await NotifyService.respond { () throws(NotifyAPIError) -> Response in
                let template = try find(context.parameters.get("id"))
                guard let current = template.current else { throw .notFound }
                return NotifyService.json(template.json(version: current))
            }
        }
        v2.get("template/:id/version/:version") { _, context in
            await NotifyService.respond { () throws(NotifyAPIError) -> Response in
                let template = try find(context.parameters.get("id"))
                guard let text = context.parameters.get("version"), let number = Int(text) else {
                    throw .validation("version is not a valid integer")
                }
                guard let version = template.version(number) else { throw .notFound }
                return NotifyService.json(template.json(version: version))
            }
        }
        v2.post("template/:id/preview") { request, context in
            let data = Data(try await request.body.collect(upTo: context.maxUploadSize).readableBytesView)
            return await NotifyService.respond { () throws(NotifyAPIError) -> Response in
                let template = try find(context.parameters.get("id"))
                guard let version = template.current else { throw .notFound }
                let body = data.isEmpty ? [:] : try NotifyDraftParser.object(data)
                let values = try NotifyDraftParser.personalisation(body)
                let texts = [version.subject ?? "", version.body]
                var required = values
                if template.kind == .letter {
                    for index in 1...7 where required["address_line_\(index)"] == nil {
                        required["address_line_\(index)"] = ""
                    }
                }
                let missing = NotifyPersonalisation.missing(in: texts, values: required)
                guard missing.isEmpty else {
                    throw .badRequest("Missing personalisation: \(missing.joined(separator: ", "))")
                }
                let rendered = NotifyPersonalisation.render(version.body, values: values)
                return NotifyService.json([
                    "id": .string(template.id),
                    "type": .string(template.kind.rawValue),
                    "version": .integer(Int64(version.number)),
                    "body": .string(rendered),
                    "subject": version.subject.map { .string(NotifyPersonalisation.render($0, values: values)) }
                        ?? .null,
                    "html": template.kind == .email ? .string(html(rendered)) : .null,
                    "postage": template.kind == .letter ? "second" : .null,
                ])
            }
        }
    }

    private static func find(_ id: String?) throws(NotifyAPIError) -> NotifyTemplate {
        guard let id, UUID(uuidString: id) != nil else {
            throw .validation("id is not a valid UUID")
        }
        guard let template = MockNotifyTemplates.template(id: id.lowercased()) else {
            throw .notFound
        }
        return template
    }

    private static func html(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        return escaped.components(separatedBy: "\n\n").map { "<p>\($0)</p>" }.joined()
    }
}
