import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP

extension DMPClient {
    /// Publishes one document (ITI-65): builds the DocumentReference, the submission set and the Binary,
    /// validates them, and sends one transaction Bundle with `Prefer: return=representation`.
    ///
    /// Publishing is idempotent on the document's unique id (``DMPPublication/uniqueId``):
    /// - when the DMP answers 409 `duplicate`, or when an attempt fails without an answer (connection
    ///   reset, timeout after sending), the client looks the unique id up; the same size and SHA-1 give
    ///   ``PublishOutcome/alreadyStored(_:)``, different content throws
    ///   ``DMPError/Reason/publishConflict``;
    /// - when an attempt failed without an answer and the lookup finds nothing, the DMP stored nothing
    ///   (transactions are all-or-nothing) and the client sends the transaction once more.
    ///
    /// - Parameter publication: The document and its metadata.
    /// - Returns: ``PublishOutcome/created(_:)`` with the stored entry, or
    ///   ``PublishOutcome/alreadyStored(_:)``.
    /// - Throws: ``DMPError``: ``DMPError/Reason/unqualifiedIdentity`` and
    ///   ``DMPError/Reason/validationFailed`` before anything is sent; ``DMPError/Reason/publishConflict``;
    ///   the server's refusals (``DMPError/Reason/unprocessable``, ``DMPError/Reason/forbidden``…).
    public func publish(_ publication: DMPPublication) async throws(DMPError) -> PublishOutcome {
        try await publishTransaction(publication, replacing: nil, operation: "dmp.publish")
    }

    /// Replaces a document (TD2.1): publishes the new version with `relatesTo` = `replaces` and, in the
    /// same transaction, a FHIRPath Patch setting the old entry's status to `superseded`. The DMP applies
    /// both or neither.
    ///
    /// - Parameters:
    ///   - old: The entry replaced (it needs its ``DMPDocumentEntry/id``; it must be current).
    ///   - publication: The new version (with its own unique id).
    /// - Returns: The outcome for the new version (idempotent as ``publish(_:)``).
    /// - Throws: ``DMPError`` (``DMPError/Reason/notFound`` or ``DMPError/Reason/conflict`` when the old
    ///   entry is absent or not current).
    public func replace(_ old: DMPDocumentEntry, with publication: DMPPublication) async throws(DMPError)
        -> PublishOutcome
    {
        guard let oldID = old.id else {
            throw DMPError(
                reason: .validationFailed, message: "the replaced entry has no id: read it from the DMP first",
                operation: "dmp.replace",
                validationIssues: [ValidationIssue(field: "DocumentReference.id", reason: "is required")])
        }
        let checkedID = try Self.pathSegment(oldID, operation: "dmp.replace")
        return try await publishTransaction(publication, replacing: checkedID, operation: "dmp.replace")
    }

    /// Publishes one document with the simplified flow (ITI-105): `POST DocumentReference` with the
    /// content inline (`attachment.data`). Same validation and idempotency as ``publish(_:)``.
    ///
    /// - Parameters:
    ///   - publication: The document and its metadata.
    ///   - replacing: The id of a document this one replaces; the DMP supersedes it itself.
    /// - Returns: The outcome.
    /// - Throws: ``DMPError``.
    public func publishSimplified(_ publication: DMPPublication, replacing: String? = nil) async throws(DMPError)
        -> PublishOutcome
    {
        let operation = "dmp.publishSimplified"
        let replaced = try replacing.map { id throws(DMPError) in try Self.pathSegment(id, operation: operation) }
        var prepared = try await PreparedPublication.prepare(
            publication, sourceID: configuration.sourceID, now: configuration.clock.now(), replacing: replaced,
            operation: operation)
        prepared.entry.contentURL = nil
        prepared.entry.resource.meta = FHIRMeta(profile: [PDSmURLs.simplifiedPublishProfile])
        var resource = prepared.entry.resource
        if !resource.content.isEmpty {
            resource.content[0].attachment?.data = ContentSplicedBody.base64Member(for: publication.content)
        }
        let json: Data
        do {
            json = try FHIRJSON.encode(resource, operation: operation)
        } catch {
            throw DMPError.wrap(error, operation: operation)
        }
        let prepared2 = prepared
        return try await idempotentSend(prepared2, operation: operation) { () async throws(DMPError) in
            let body = try ContentSplicedBody.body(
                json: json, content: publication.content, size: prepared2.summary.size, operation: operation)
            var headers = HTTPFields()
            headers[.contentType] = DMPRequester.fhirJSON
            headers[.prefer] = "return=representation"
            let request = try requester.request(.post, "DocumentReference", headers: headers, operation: operation)
            let (_, data) = try await requester.data(request, body: body, options: RequestOptions(operation: operation))
            if data.isEmpty {
                return try await document(uniqueId: publication.uniqueId, patient: publication.patient)
                    ?? prepared2.entry
            }
            return DMPDocumentEntry(resource: try decodeResource(PDSmDocumentReference.self, data, operation))
        }
    }

    // MARK: - Plumbing

    private func publishTransaction(_ publication: DMPPublication, replacing: String?, operation: String)
        async throws(DMPError) -> PublishOutcome
    {
        let prepared = try await PreparedPublication.prepare(
            publication, sourceID: configuration.sourceID, now: configuration.clock.now(), replacing: replacing,
            operation: operation)
        let submission = try TransactionBuilder.submission(for: prepared, replacing: replacing)
        let json: Data
        do {
            json = try FHIRJSON.encode(try submission.bundle(), operation: operation)
        } catch {
            throw DMPError.wrap(error, operation: operation)
        }
        return try await idempotentSend(prepared, operation: operation) { () async throws(DMPError) in
            let body = try ContentSplicedBody.body(
                json: json, content: publication.content, size: prepared.summary.size, operation: operation)
            var headers = HTTPFields()
            headers[.contentType] = DMPRequester.fhirJSON
            headers[.prefer] = "return=representation"
            let request = try requester.request(.post, "", headers: headers, operation: operation)
            let (_, response) = try await requester.decode(
                FHIRBundle.self, request, body: body, options: RequestOptions(operation: operation))
            return try await storedDocument(in: response, prepared: prepared, operation: operation)
        }
    }

    /// The stored DocumentReference from a transaction-response: the entry's resource, or a read of its
    /// location.
    private func storedDocument(in response: FHIRBundle, prepared: PreparedPublication, operation: String)
        async throws(DMPError) -> DMPDocumentEntry
    {
        let index = TransactionBuilder.documentIndex
        guard response.type == .transactionResponse, index < response.entry.count else {
            throw DMPError(
                reason: .decoding, message: "the DMP's answer is not a transaction-response with one entry per request",
                operation: operation)
        }
        let entry = response.entry[index]
        if let resource = entry.resource, resource.isResource(PDSmDocumentReference.self) {
            do {
                return DMPDocumentEntry(resource: try resource.decode(as: PDSmDocumentReference.self))
            } catch {
                throw DMPError.wrap(error, operation: operation)
            }
        }
        if let location = entry.response?.location, let id = DMPError.documentID(in: location) {
            return try await document(id: id)
        }
        throw DMPError(
            reason: .decoding, message: "the DMP's answer names no stored DocumentReference", operation: operation)
    }

    /// Sends with the idempotency rules of the wire contract.
    private func idempotentSend(
        _ prepared: PreparedPublication,
        operation: String,
        _ send: () async throws(DMPError) -> DMPDocumentEntry
    ) async throws(DMPError) -> PublishOutcome {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return .created(try await send())
            } catch {
                let lostAnswer = error.httpStatus == nil && (error.reason == .transport || error.reason == .timeout)
                guard error.reason == .duplicateDocument || lostAnswer else { throw error }
                let found = try await document(
                    uniqueId: prepared.publication.uniqueId, patient: prepared.publication.patient)
                if let found {
                    guard found.size == prepared.summary.size, found.hash == prepared.summary.hash else {
                        throw DMPError(
                            reason: .publishConflict,
                            message: "the DMP already stores a document with this unique id and different content",
                            operation: operation, httpStatus: error.httpStatus,
                            operationOutcome: error.operationOutcome,
                            existingDocumentID: found.id ?? error.existingDocumentID,
                            underlyingError: error)
                    }
                    return .alreadyStored(found)
                }
                // Not found: after a lost answer the DMP stored nothing (all-or-nothing), so one more try is safe.
                guard lostAnswer, attempt < 2 else { throw error }
            }
        }
    }

    private func decodeResource<Resource: Decodable>(_ type: Resource.Type, _ data: Data, _ operation: String)
        throws(DMPError) -> Resource
    {
        do {
            return try FHIRJSON.decode(type, from: data, operation: operation)
        } catch {
            throw DMPError.wrap(error, operation: operation)
        }
    }
}
