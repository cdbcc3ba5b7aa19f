import Foundation
import HTTPTypes
import SanteCore

/// What a publication committed: the response entries and the documents to announce.
struct DMPPublishResult: Sendable {
    /// One `transaction-response` entry per request entry, in order.
    var responseEntries: [JSONValue]
    /// The DocumentReferences created.
    var created: [DMPStoredDocument]
    /// The DocumentReferences superseded.
    var updated: [DMPStoredDocument]
}

extension DMPServiceState {
    static let documentEvent = "dmp.document.stored"
    static let updateEvent = "dmp.document.updated"

    /// Checks a submission against what is stored and who sends it, then stores it whole, or nothing.
    /// - Parameters:
    ///   - submission: The checked entries.
    ///   - principal: Who sends it.
    ///   - representation: Whether response entries carry the stored resources.
    /// - Returns: The response entries and the documents created and updated.
    /// - Throws: ``DMPFailure``: `403` (a patient publishing for another patient, a patient replacing), `404`
    ///   (replaced document absent or hidden), `409` (duplicate `masterIdentifier`, replaced document not current).
    func publish(_ submission: DMPSubmission, by principal: MockPrincipal, representation: Bool)
        async throws(DMPFailure) -> DMPPublishResult
    {
        let result = try commit(submission, by: principal, representation: representation)
        for document in result.created {
            await announce(Self.documentEvent, document)
        }
        for document in result.updated {
            await announce(Self.updateEvent, document)
        }
        return result
    }

    private func commit(_ submission: DMPSubmission, by principal: MockPrincipal, representation: Bool)
        throws(DMPFailure) -> DMPPublishResult
    {
        // 1. Who may publish what.
        var seenMasters: [DMPIdentifier: Int] = [:]
        if case .patient(let ins) = principal {
            for entry in submission.entries {
                if case .list(let list) = entry, let patient = list.patient, patient.value != ins {
                    throw .forbidden("A patient may publish only to their own record: a List names another patient")
                }
            }
        }
        for (index, document) in submission.documents.enumerated() {
            if case .patient(let ins) = principal, document.patient.value != ins {
                throw .forbidden("A patient may publish only to their own record: a document names another patient")
            }
            if let stored = self.document(withMasterIdentifier: document.masterIdentifier) {
                throw duplicate(document.masterIdentifier, existing: "DocumentReference/\(stored.id)")
            }
            if let other = seenMasters[document.masterIdentifier] {
                throw duplicate(document.masterIdentifier, existing: "document \(other + 1) of the same request")
            }
            seenMasters[document.masterIdentifier] = index
        }
        // 2. Replacements: the target must exist, be visible and current; only professionals replace.
        var supersededIDs: [String] = []
        for entry in submission.entries {
            switch entry {
            case .document(let document):
                if let target = document.replacedID { supersededIDs.append(target) }
            case .patch(let patch):
                guard patch.status == "superseded" else {
                    throw DMPFailure(
                        .unprocessableContent, "not-supported",
                        "A PATCH entry may only set DocumentReference.status to superseded, got \(patch.status)",
                        expression: "DocumentReference.status")
                }
                supersededIDs.append(patch.targetID)
            default:
                break
            }
        }
        var uniqueTargets: [String] = []
        for target in supersededIDs where !uniqueTargets.contains(target) {
            uniqueTargets.append(target)
        }
        for target in uniqueTargets {
            guard case .professional = principal else {
                throw .forbidden("Only a professional may replace a document")
            }
            guard let stored = documents[target], DMPAccess.canSee(stored, principal) else {
                throw DMPFailure(
                    .notFound, "not-found", "The replaced document DocumentReference/\(target) is not known",
                    expression: "DocumentReference.relatesTo.target")
            }
            guard stored.status == "current" else {
                throw DMPFailure(
                    .conflict, "conflict",
                    "The replaced document DocumentReference/\(target) is \(stored.status), not current",
                    expression: "DocumentReference.relatesTo.target")
            }
        }

        // 3. Ids and references.
        let now = nowInstant
        let base = serviceBase
        var references: [String: String] = [:]
        var ids: [Int: String] = [:]
        for (index, entry) in submission.entries.enumerated() {
            let id = newID()
            ids[index] = id
            switch entry {
            case .document(let document):
                if let url = document.fullURL { references[url] = "DocumentReference/\(id)" }
            case .binary(let binary):
                if let url = binary.fullURL { references[url] = "Binary/\(id)" }
            case .list(let list):
                if let url = list.fullURL { references[url] = "List/\(id)" }
            case .patch, .other:
                break
            }
        }
        var binaryIDs: [String: String] = [:]
        for (index, entry) in submission.entries.enumerated() {
            if case .binary(let binary) = entry, let url = binary.fullURL, let id = ids[index] {
                binaryIDs[url] = id
            }
        }
        var documentOfBinary: [String: String] = [:]
        for (index, entry) in submission.entries.enumerated() {
            if case .document(let document) = entry, let url = document.binaryFullURL, let binaryID = binaryIDs[url] {
                documentOfBinary[binaryID] = ids[index]
            }
        }

        // 4. Store.
        var responseEntries: [JSONValue] = []
        var created: [DMPStoredDocument] = []
        var updated: [DMPStoredDocument] = []
        var firstPatient = submission.documents.first?.patient
        for (index, entry) in submission.entries.enumerated() {
            let id = ids[index] ?? newID()
            switch entry {
            case .document(let document):
                var binaryID = document.binaryFullURL.flatMap { binaryIDs[$0] }
                if let inline = document.inlineContent {
                    let inlineID = newID()
                    binaries[inlineID] = DMPStoredBinary(
                        id: inlineID, contentType: inline.contentType, data: inline.data, documentID: id,
                        lastUpdated: now)
                    binaryID = inlineID
                }
                var resource = Self.rewritingReferences(in: document.resource, with: references)
                resource = Self.stamped(resource, id: id, versionID: 1, lastUpdated: now)
                if let binaryID {
                    resource = Self.settingAttachmentURL(in: resource, to: "\(base)/Binary/\(binaryID)")
                }
                let stored = DMPStoredDocument(
                    id: id, resource: resource, versionID: 1, patient: document.patient,
                    masterIdentifier: document.masterIdentifier, authorIDs: document.authorIDs, binaryID: binaryID)
                documents[id] = stored
                documentOrder.append(id)
                created.append(stored)
                firstPatient = firstPatient ?? document.patient
                responseEntries.append(
                    Self.responseEntry(
                        status: "201 Created", type: "DocumentReference", id: id, versionID: 1, lastModified: now,
                        resource: representation ? stored.json : nil))
            case .binary(let binary):
                binaries[id] = DMPStoredBinary(
                    id: id, contentType: binary.contentType, data: binary.data,
                    documentID: documentOfBinary[id], lastUpdated: now)
                let resource: JSONValue = [
                    "resourceType": "Binary", "id": .string(id), "contentType": .string(binary.contentType),
                ]
                responseEntries.append(
                    Self.responseEntry(
                        status: "201 Created", type: "Binary", id: id, versionID: 1, lastModified: now,
                        resource: representation ? resource : nil))
            case .list(let list):
                var resource = Self.rewritingReferences(in: list.resource, with: references)
                resource = Self.stamped(resource, id: id, versionID: 1, lastUpdated: now)
                let stored = DMPStoredList(id: id, resource: resource, patient: list.patient ?? firstPatient)
                lists[id] = stored
                listOrder.append(id)
                responseEntries.append(
                    Self.responseEntry(
                        status: "201 Created", type: "List", id: id, versionID: 1, lastModified: now,
                        resource: representation ? .object(resource) : nil))
            case .patch(let patch):
                let changed = supersede(patch.targetID, at: now)
                if let changed { updated.append(changed) }
                let version = documents[patch.targetID]?.versionID ?? 1
                responseEntries.append(
                    Self.responseEntry(
                        status: "200 OK", type: "DocumentReference", id: patch.targetID, versionID: version,
                        lastModified: now, resource: representation ? documents[patch.targetID]?.json : nil))
            case .other(let resourceType):
                responseEntries.append([
                    "response": ["status": "200 OK", "outcome": .string("\(resourceType) not stored")]
                ])
            }
        }
        // A `replaces` without its PATCH entry: the server supersedes the target itself (as ITI-105 does).
        for target in uniqueTargets where documents[target]?.status == "current" {
            if let changed = supersede(target, at: now) { updated.append(changed) }
        }
        return DMPPublishResult(responseEntries: responseEntries, created: created, updated: updated)
    }

    /// Sets a document's status to `superseded` with a new version.
    private func supersede(_ id: String, at now: String) -> DMPStoredDocument? {
        guard var document = documents[id], document.status == "current" else { return nil }
        document.resource["status"] = "superseded"
        document.versionID += 1
        document.resource = Self.stamped(document.resource, id: id, versionID: document.versionID, lastUpdated: now)
        documents[id] = document
        return document
    }

    private func duplicate(_ identifier: DMPIdentifier, existing: String) -> DMPFailure {
        DMPFailure(
            .conflict, "duplicate",
            "A document with the masterIdentifier \(identifier) is already stored: \(existing)",
            expression: "DocumentReference.masterIdentifier")
    }

    /// One `transaction-response` entry.
    static func responseEntry(
        status: String, type: String, id: String, versionID: Int, lastModified: String, resource: JSONValue?
    ) -> JSONValue {
        var entry: DMPJSON.Object = [
            "response": [
                "status": .string(status),
                "location": .string("\(type)/\(id)/_history/\(versionID)"),
                "etag": .string(DMPResponses.etag(versionID)),
                "lastModified": .string(lastModified),
            ]
        ]
        if let resource, resource != .null { entry["resource"] = resource }
        return .object(entry)
    }

    /// The resource with its server `id` and `meta.versionId` / `meta.lastUpdated` (other `meta` members kept).
    static func stamped(_ resource: DMPJSON.Object, id: String, versionID: Int, lastUpdated: String) -> DMPJSON.Object {
        var resource = resource
        resource["id"] = .string(id)
        var meta = resource["meta"]?.objectValue ?? [:]
        meta["versionId"] = .string(String(versionID))
        meta["lastUpdated"] = .string(lastUpdated)
        resource["meta"] = .object(meta)
        return resource
    }

    /// The resource with every `reference` naming a Bundle `fullUrl` replaced by `Type/id`.
    static func rewritingReferences(in resource: DMPJSON.Object, with references: [String: String]) -> DMPJSON.Object {
        func rewrite(_ value: JSONValue) -> JSONValue {
            switch value {
            case .object(let object):
                var result: DMPJSON.Object = [:]
                for (key, member) in object {
                    if key == "reference", let text = member.stringValue, let target = references[text] {
                        result[key] = .string(target)
                    } else {
                        result[key] = rewrite(member)
                    }
                }
                return .object(result)
            case .array(let array):
                return .array(array.map(rewrite))
            default:
                return value
            }
        }
        return rewrite(.object(resource)).objectValue ?? resource
    }

    /// The DocumentReference with `content[0].attachment.url` set (and any inline `data` removed).
    static func settingAttachmentURL(in resource: DMPJSON.Object, to url: String) -> DMPJSON.Object {
        var resource = resource
        guard var contents = resource["content"]?.arrayValue, var first = contents.first?.objectValue,
            var attachment = first["attachment"]?.objectValue
        else { return resource }
        attachment["url"] = .string(url)
        attachment["data"] = nil
        first["attachment"] = .object(attachment)
        contents[0] = .object(first)
        resource["content"] = .array(contents)
        return resource
    }
}
