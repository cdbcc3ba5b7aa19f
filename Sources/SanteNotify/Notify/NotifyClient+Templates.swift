import Foundation
import SanteHTTP

extension NotifyClient {
    /// A template's latest version (`GET /v2/template/{id}`).
    /// - Parameter id: The template's id.
    /// - Returns: The template.
    /// - Throws: ``NotifyError`` (``NotifyError/Reason/notFound`` for an unknown id).
    public func template(id: String) async throws(NotifyError) -> NotifyTemplate {
        let operation = "notify.template"
        let segment = try NotifyRequester.segment(id, operation: operation)
        return try await requester.get(NotifyTemplate.self, "v2/template/\(segment)", operation: operation)
    }

    /// One version of a template (`GET /v2/template/{id}/version/{version}`).
    /// - Parameters:
    ///   - id: The template's id.
    ///   - version: The version.
    /// - Returns: The template at that version.
    /// - Throws: ``NotifyError``.
    public func template(id: String, version: Int) async throws(NotifyError) -> NotifyTemplate {
        let operation = "notify.templateVersion"
        let segment = try NotifyRequester.segment(id, operation: operation)
        return try await requester.get(
            NotifyTemplate.self, "v2/template/\(segment)/version/\(version)", operation: operation)
    }

    /// Every template of the service (`GET /v2/templates`), optionally of one type.
    /// - Parameter type: Only templates of this type.
    /// - Returns: The templates.
    /// - Throws: ``NotifyError``.
    public func templates(type: NotifyNotificationType? = nil) async throws(NotifyError) -> [NotifyTemplate] {
        let query = type.map { [URLQueryItem(name: "type", value: $0.rawValue)] } ?? []
        return try await requester.get(
            NotifyTemplateList.self, "v2/templates", query: query, operation: "notify.templates"
        ).templates
    }

    /// A template filled in with `personalisation`, without sending anything
    /// (`POST /v2/template/{id}/preview`).
    /// - Parameters:
    ///   - id: The template's id.
    ///   - personalisation: The placeholder values.
    /// - Returns: The filled-in template.
    /// - Throws: ``NotifyError`` (``NotifyError/Reason/badRequest`` for a missing placeholder value).
    public func previewTemplate(
        id: String, personalisation: [String: NotifyPersonalisationValue] = [:]
    ) async throws(NotifyError) -> NotifyTemplatePreview {
        let operation = "notify.previewTemplate"
        let segment = try NotifyRequester.segment(id, operation: operation)
        return try await requester.post(
            PreviewBody(personalisation: personalisation), NotifyTemplatePreview.self,
            "v2/template/\(segment)/preview", operation: operation)
    }
}

/// The body of a preview request.
private struct PreviewBody: Encodable, Sendable {
    let personalisation: [String: NotifyPersonalisationValue]
}
