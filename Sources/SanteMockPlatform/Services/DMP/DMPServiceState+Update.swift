import Foundation
import HTTPTypes
import SanteCore

/// The body of a metadata update.
enum DMPPatchBody: Sendable {
    /// JSON Patch operations (`application/json-patch+json`).
    case jsonPatch(JSONValue)
    /// FHIRPath Patch operations (`application/fhir+json` Parameters).
    case fhirPathPatch([DMPFHIRPathPatch.Operation])
}

extension DMPServiceState {
    /// The url of the is-archived extension.
    static let isArchivedURL = "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-ext-is-archived"
    /// The statuses a metadata update may set.
    static let patchableStatuses: Set<String> = ["current", "superseded", "entered-in-error"]

    /// The documents `principal` may see, in creation order.
    func visibleDocuments(for principal: MockPrincipal) -> [DMPStoredDocument] {
        documentOrder.compactMap { documents[$0] }.filter { DMPAccess.canSee($0, principal) }
    }

    /// The Lists `principal` may see, in creation order.
    func visibleLists(for principal: MockPrincipal) -> [DMPStoredList] {
        listOrder.compactMap { lists[$0] }.filter { listIsVisible($0, to: principal) }
    }

    /// Whether `principal` may see `list`: its patient's rule, and, for a List of documents, at least one of
    /// them visible (a List carries its documents' references and often their title).
    func listIsVisible(_ list: DMPStoredList, to principal: MockPrincipal) -> Bool {
        guard DMPAccess.canSee(list, principal) else { return false }
        let members = (list.resource["entry"]?.arrayValue ?? []).compactMap { entry -> String? in
            guard let reference = entry.objectValue?["item"]?.objectValue?["reference"]?.stringValue,
                reference.hasPrefix("DocumentReference/")
            else { return nil }
            return String(reference.dropFirst("DocumentReference/".count))
        }
        guard !members.isEmpty else { return true }
        return members.contains { id in documents[id].map { DMPAccess.canSee($0, principal) } ?? false }
    }

    /// Reads a document.
    /// - Throws: ``DMPFailure`` `404` when absent, hidden or entered in error; `410` when deleted.
    func readDocument(_ id: String, by principal: MockPrincipal) throws(DMPFailure) -> DMPStoredDocument {
        // Whoever could not see the document before it was removed learns nothing about it: 404, not 410.
        guard let document = documents[id], DMPAccess.canSee(document, principal, ignoringRemoval: true) else {
            throw .notFound("DocumentReference/\(id)")
        }
        if document.removal == .deleted {
            throw DMPFailure(.gone, "deleted", "DocumentReference/\(id) was deleted")
        }
        guard DMPAccess.canSee(document, principal) else { throw .notFound("DocumentReference/\(id)") }
        return document
    }

    /// Reads a List.
    /// - Throws: ``DMPFailure`` `404` when absent or hidden.
    func readList(_ id: String, by principal: MockPrincipal) throws(DMPFailure) -> DMPStoredList {
        guard let list = lists[id], listIsVisible(list, to: principal) else { throw .notFound("List/\(id)") }
        return list
    }

    /// Reads a Binary, with the access control of its document.
    /// - Throws: ``DMPFailure`` `404` when absent or when its document is hidden or removed.
    func readBinary(_ id: String, by principal: MockPrincipal) throws(DMPFailure) -> DMPStoredBinary {
        // A Binary no document points to is served to nobody: no document says who may read it.
        guard let binary = binaries[id], let documentID = binary.documentID, let document = documents[documentID],
            DMPAccess.canSee(document, principal)
        else { throw .notFound("Binary/\(id)") }
        return binary
    }

    /// Applies a conditional metadata update (`PATCH DocumentReference?identifier=…`).
    /// - Parameters:
    ///   - identifier: The `identifier` search token (`system|value`), matching `masterIdentifier` or `identifier`.
    ///   - patch: The patch.
    ///   - ifMatch: The `If-Match` header, if any.
    ///   - principal: Who sends it.
    /// - Returns: The updated document.
    /// - Throws: ``DMPFailure``: `404` no match, `412` several matches or a stale `If-Match`, `403` neither the
    ///   author nor (for `securityLabel` only) the patient, `405` an element other than status, securityLabel or
    ///   the is-archived extension changed, `422` an unusable patch.
    func conditionalPatch(
        identifier: String, patch: DMPPatchBody, ifMatch: String?, by principal: MockPrincipal
    ) async throws(DMPFailure) -> DMPStoredDocument {
        let updated = try applyPatch(identifier: identifier, patch: patch, ifMatch: ifMatch, by: principal)
        await announce(Self.updateEvent, updated)
        return updated
    }

    private func applyPatch(
        identifier: String, patch: DMPPatchBody, ifMatch: String?, by principal: MockPrincipal
    ) throws(DMPFailure) -> DMPStoredDocument {
        let token = DMPSearchToken(identifier)
        let matches = visibleDocuments(for: principal).filter { document in
            let identifiers =
                [document.masterIdentifier].compactMap { $0 }
                + (document.resource["identifier"]?.arrayValue ?? []).compactMap { DMPIdentifier($0) }
            return identifiers.contains { token.matches($0) }
        }
        guard var document = matches.first else {
            throw DMPFailure(
                .notFound, "not-found", "No DocumentReference has the identifier \(identifier)",
                expression: "DocumentReference.masterIdentifier")
        }
        guard matches.count == 1 else {
            throw DMPFailure(
                .preconditionFailed, "multiple-matches",
                "\(matches.count) DocumentReferences have the identifier \(identifier); a conditional update needs exactly one"
            )
        }
        if let ifMatch {
            let expected = DMPResponses.etag(document.versionID)
            let given = ifMatch.trimmingCharacters(in: .whitespaces)
            guard given == expected || given == "\"\(document.versionID)\"" || given == "*" else {
                throw DMPFailure(
                    .preconditionFailed, "conflict",
                    "If-Match is \(given) but DocumentReference/\(document.id) is at version \(expected)")
            }
        }
        let isAuthor = DMPAccess.isAuthor(principal, of: document)
        let isPatient = DMPAccess.isPatient(principal, of: document)
        guard isAuthor || isPatient else {
            throw .forbidden(
                "Only the author of DocumentReference/\(document.id) (or its patient, for securityLabel) may change it")
        }

        let patched: DMPJSON.Object
        switch patch {
        case .jsonPatch(let operations):
            patched = try DMPJSONPatch.apply(operations, to: document.resource)
        case .fhirPathPatch(let operations):
            patched = try DMPFHIRPathPatch.apply(operations, to: document.resource)
        }
        let disallowed = Self.changedElements(from: document.resource, to: patched)
        guard disallowed.isEmpty else {
            throw DMPFailure(
                .methodNotAllowed,
                issues: [
                    DMPIssue(
                        code: "not-supported",
                        diagnostics:
                            "Only status, securityLabel and the isArchived extension may change; the patch changes \(disallowed.joined(separator: ", "))",
                        expression: disallowed.map { "DocumentReference.\($0)" })
                ])
        }
        let statusChanged = patched["status"] != document.resource["status"]
        let archivedChanged = Self.isArchived(patched) != Self.isArchived(document.resource)
        if !isAuthor, statusChanged || archivedChanged {
            throw .forbidden("The patient may change only the securityLabel of DocumentReference/\(document.id)")
        }
        let status = patched["status"]?.stringValue ?? ""
        guard Self.patchableStatuses.contains(status) else {
            throw DMPFailure(
                .unprocessableContent, "invalid",
                "DocumentReference.status must be current, superseded or entered-in-error, got \"\(status)\"",
                expression: "DocumentReference.status")
        }
        document.versionID += 1
        document.resource = Self.stamped(
            patched, id: document.id, versionID: document.versionID, lastUpdated: nowInstant)
        if status == "entered-in-error" {
            document.removal = .enteredInError
        }
        documents[document.id] = document
        return document
    }

    /// Deletes a document (`DELETE DocumentReference/<id>`): gone from every read and search, its Binary too.
    /// - Throws: ``DMPFailure`` `404` absent or hidden, `410` already deleted, `403` not its author.
    func delete(_ id: String, by principal: MockPrincipal) async throws(DMPFailure) {
        var document = try readDocument(id, by: principal)
        guard DMPAccess.isAuthor(principal, of: document) else {
            throw .forbidden("Only the author of DocumentReference/\(id) may delete it")
        }
        document.versionID += 1
        document.resource = Self.stamped(
            document.resource, id: id, versionID: document.versionID, lastUpdated: nowInstant)
        document.removal = .deleted
        documents[id] = document
        await announce(Self.updateEvent, document)
    }

    /// Whether a resource carries the is-archived extension set to `true`.
    static func isArchived(_ resource: DMPJSON.Object) -> Bool {
        (resource["extension"]?.arrayValue ?? []).contains {
            $0["url"]?.stringValue == isArchivedURL && $0["valueBoolean"]?.boolValue == true
        }
    }

    /// The top-level elements that differ, other than `status`, `securityLabel`, `meta` and the is-archived
    /// extension.
    static func changedElements(from old: DMPJSON.Object, to new: DMPJSON.Object) -> [String] {
        func comparable(_ resource: DMPJSON.Object) -> DMPJSON.Object {
            var resource = resource
            resource["status"] = nil
            resource["securityLabel"] = nil
            resource["meta"] = nil
            let extensions = (resource["extension"]?.arrayValue ?? []).filter {
                $0["url"]?.stringValue != isArchivedURL
            }
            resource["extension"] = extensions.isEmpty ? nil : .array(extensions)
            return resource
        }
        let before = comparable(old)
        let after = comparable(new)
        return Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
    }
}
