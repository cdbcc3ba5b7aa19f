import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP

extension DMPClient {
    /// Changes the metadata a DMP document may change (PDSm flows 03/04): its status, its security
    /// labels and its archive flag, by a conditional `PATCH DocumentReference?identifier=<unique id>`
    /// with a JSON Patch and `If-Match` on the entry's version.
    ///
    /// The patch is a read-modify-write of whole elements: `/status`, the whole `/securityLabel` array
    /// (removed when empty) and the whole `/extension` array. Give the entry as you read it: if it
    /// changed since, the DMP answers 412 (``DMPError/Reason/preconditionFailed``); read it again and
    /// retry. Nothing is sent when nothing changes.
    ///
    /// The DMP keeps the resource's `id` (FHIR semantics) and increments `meta.versionId`; in XDS terms
    /// the entry UUID changes, so keep the returned entry rather than the old one.
    /// - Parameters:
    ///   - entry: The entry as read (it needs its unique id and its `meta.versionId`).
    ///   - status: The new status, or `nil` to keep it.
    ///   - securityLabels: The new set of labels, or `nil` to keep them.
    ///   - isArchived: The new archive flag, or `nil` to keep it.
    /// - Returns: The updated entry as the DMP returned it.
    /// - Throws: ``DMPError``: ``DMPError/Reason/forbidden`` (only the author changes everything; the
    ///   patient only the labels), ``DMPError/Reason/notModifiable`` (405),
    ///   ``DMPError/Reason/preconditionFailed`` (412), ``DMPError/Reason/notFound``.
    public func updateMetadata(
        _ entry: DMPDocumentEntry,
        status: DMPDocumentStatus? = nil,
        securityLabels: Set<DMPSecurityLabel>? = nil,
        isArchived: Bool? = nil
    ) async throws(DMPError) -> DMPDocumentEntry {
        try await patch(
            entry, operation: "dmp.updateMetadata", status: status, securityLabels: securityLabels,
            isArchived: isArchived)
    }

    /// Hides a document from an audience (adds its TRE_A07 label to the set).
    /// - Parameters:
    ///   - entry: The entry as read.
    ///   - audience: Who must no longer see it.
    /// - Returns: The updated entry.
    /// - Throws: ``DMPError`` (see ``updateMetadata(_:status:securityLabels:isArchived:)``).
    public func hide(_ entry: DMPDocumentEntry, from audience: DMPVisibilityAudience) async throws(DMPError)
        -> DMPDocumentEntry
    {
        try await patch(
            entry, operation: "dmp.hide", securityLabels: entry.securityLabels.union([audience.label]))
    }

    /// Makes a document visible again to an audience (removes its TRE_A07 label from the set).
    /// - Parameters:
    ///   - entry: The entry as read.
    ///   - audience: Who may see it again.
    /// - Returns: The updated entry.
    /// - Throws: ``DMPError``.
    public func unhide(_ entry: DMPDocumentEntry, from audience: DMPVisibilityAudience) async throws(DMPError)
        -> DMPDocumentEntry
    {
        try await patch(
            entry, operation: "dmp.unhide", securityLabels: entry.securityLabels.subtracting([audience.label]))
    }

    /// Archives a document (`pdsm-ext-is-archived` = true; XDS status Archived).
    /// - Parameter entry: The entry as read.
    /// - Returns: The updated entry.
    /// - Throws: ``DMPError``.
    public func archive(_ entry: DMPDocumentEntry) async throws(DMPError) -> DMPDocumentEntry {
        try await patch(entry, operation: "dmp.archive", isArchived: true)
    }

    /// Un-archives a document (`pdsm-ext-is-archived` = false).
    /// - Parameter entry: The entry as read.
    /// - Returns: The updated entry.
    /// - Throws: ``DMPError``.
    public func unarchive(_ entry: DMPDocumentEntry) async throws(DMPError) -> DMPDocumentEntry {
        try await patch(entry, operation: "dmp.unarchive", isArchived: false)
    }

    /// Deletes a document, encoded as the configuration's ``DMPClientConfiguration/deleteEncoding`` says
    /// (see ``DMPDeleteEncoding`` for why this is configurable). Only the author may delete.
    /// - Parameter entry: The entry as read.
    /// - Throws: ``DMPError`` (``DMPError/Reason/forbidden`` when the caller is not the author).
    public func delete(_ entry: DMPDocumentEntry) async throws(DMPError) {
        let operation = "dmp.delete"
        switch configuration.deleteEncoding {
        case .supersede:
            _ = try await patch(entry, operation: operation, status: .superseded)
        case .enteredInError:
            _ = try await patch(entry, operation: operation, status: .enteredInError)
        case .httpDelete:
            guard let id = entry.id else {
                throw DMPError(
                    reason: .validationFailed, message: "the entry has no id: read it from the DMP first",
                    operation: operation,
                    validationIssues: [ValidationIssue(field: "DocumentReference.id", reason: "is required")])
            }
            let request = try requester.request(
                .delete, "DocumentReference/\(try Self.pathSegment(id, operation: operation))", operation: operation)
            _ = try await requester.data(request, options: RequestOptions(operation: operation))
        }
    }

    private func patch(
        _ entry: DMPDocumentEntry,
        operation: String,
        status: DMPDocumentStatus? = nil,
        securityLabels: Set<DMPSecurityLabel>? = nil,
        isArchived: Bool? = nil
    ) async throws(DMPError) -> DMPDocumentEntry {
        var issues: [ValidationIssue] = []
        let uniqueId = entry.uniqueId
        if (uniqueId?.system ?? "").isEmpty || (uniqueId?.value ?? "").isEmpty {
            issues.append(
                ValidationIssue(field: "DocumentReference.masterIdentifier", reason: "the unique id is required"))
        }
        if (entry.versionId ?? "").isEmpty {
            issues.append(
                ValidationIssue(
                    field: "DocumentReference.meta.versionId", reason: "the version is required: read the entry first"))
        }
        guard issues.isEmpty, let system = uniqueId?.system, let value = uniqueId?.value,
            let versionId = entry.versionId
        else {
            throw DMPError(
                reason: .validationFailed, message: "the entry cannot be updated", operation: operation,
                validationIssues: issues)
        }
        var updated = entry
        if let status { updated.status = status }
        if let securityLabels { updated.securityLabels = securityLabels }
        if let isArchived { updated.isArchived = isArchived }
        let operations: [JSONPatchOperation]
        do {
            operations = JSONPatchOperation.diff(
                try FHIRJSONValue.encode(entry.resource), try FHIRJSONValue.encode(updated.resource),
                members: ["status", "securityLabel", "extension"])
        } catch {
            throw DMPError.wrap(error, operation: operation)
        }
        guard !operations.isEmpty else { return entry }
        var headers = HTTPFields()
        headers[.contentType] = "application/json-patch+json"
        headers[.ifMatch] = "W/\"\(versionId)\""
        let request = try requester.request(
            .patch, "DocumentReference",
            query: [URLQueryItem(name: "identifier", value: "\(system)|\(value)")], headers: headers,
            operation: operation)
        let body: HTTPBody
        do {
            body = HTTPBody(try FHIRJSON.encode(operations, operation: operation))
        } catch {
            throw DMPError.wrap(error, operation: operation)
        }
        let (_, data) = try await requester.data(request, body: body, options: RequestOptions(operation: operation))
        if data.isEmpty, let id = entry.id { return try await document(id: id) }
        do {
            return DMPDocumentEntry(resource: try FHIRJSON.decode(PDSmDocumentReference.self, from: data))
        } catch {
            throw DMPError.wrap(error, operation: operation)
        }
    }
}
