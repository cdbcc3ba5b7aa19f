import Crypto
import Foundation
import HTTPTypes
import SanteCore

/// A publication checked for everything that does not depend on what is stored: the entries of an ITI-65
/// transaction Bundle (or the one DocumentReference of an ITI-105 simplified publish), in request order.
struct DMPSubmission: Sendable {
    /// A DocumentReference to create.
    struct Document: Sendable {
        /// The Bundle's `fullUrl`, such as `urn:uuid:…`.
        var fullURL: String?
        /// The resource as submitted.
        var resource: DMPJSON.Object
        /// The patient's INS.
        var patient: DMPIdentifier
        /// The `masterIdentifier`.
        var masterIdentifier: DMPIdentifier
        /// The authors' identifiers.
        var authorIDs: Set<String>
        /// The `fullUrl` of the Binary entry holding the content, or `nil` for inline content.
        var binaryFullURL: String?
        /// The content of a simplified publish (`attachment.data`).
        var inlineContent: DMPSubmission.Binary?
        /// The id of the DocumentReference this one `replaces`, if any.
        var replacedID: String?
    }

    /// A Binary to store.
    struct Binary: Sendable {
        /// The Bundle's `fullUrl`.
        var fullURL: String?
        /// The `contentType`.
        var contentType: String
        /// The decoded bytes.
        var data: Data
    }

    /// A List to store (submission set or folder).
    struct List: Sendable {
        /// The Bundle's `fullUrl`.
        var fullURL: String?
        /// The resource as submitted.
        var resource: DMPJSON.Object
        /// The patient's INS, when the List names one.
        var patient: DMPIdentifier?
    }

    /// A PATCH entry: the status change of a replaced document.
    struct StatusPatch: Sendable {
        /// The id of the DocumentReference to patch.
        var targetID: String
        /// The new status.
        var status: String
    }

    /// One entry of the request.
    enum Entry: Sendable {
        /// A DocumentReference to create.
        case document(Document)
        /// A Binary to store.
        case binary(Binary)
        /// A SubmissionSet or Folder to store.
        case list(List)
        /// The status change of a replaced document.
        case patch(StatusPatch)
        /// An entry read but not stored (a Patient the documents point to).
        case other(resourceType: String)
    }

    /// The entries, in request order.
    var entries: [Entry]

    /// The documents of the submission.
    var documents: [Document] {
        entries.compactMap { if case .document(let document) = $0 { document } else { nil } }
    }

    static let submissionSetCode = "submissionset"
    static let folderCode = "folder"
    static let listTypesSystem = "https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes"

    /// The base64 SHA-1 of bytes, as `attachment.hash` carries it.
    static func sha1(_ data: Data) -> String {
        Data(Insecure.SHA1.hash(data: data)).base64EncodedString()
    }

    /// Reads an ITI-65 transaction Bundle.
    /// - Throws: ``DMPFailure`` `422` naming every failing field.
    init(transaction bundle: DMPJSON.Object) throws(DMPFailure) {
        guard bundle["resourceType"]?.stringValue == "Bundle" else {
            throw DMPFailure(
                .unprocessableContent, "invalid",
                "The body must be a Bundle, got \(bundle["resourceType"]?.stringValue ?? "no resourceType")",
                expression: "Bundle")
        }
        guard bundle["type"]?.stringValue == "transaction" else {
            throw DMPFailure(
                .unprocessableContent, "invalid",
                "Bundle.type must be \"transaction\", got \"\(bundle["type"]?.stringValue ?? "")\"",
                expression: "Bundle.type")
        }
        let rawEntries = bundle["entry"]?.arrayValue ?? []
        var patients: [String: JSONValue] = [:]
        for entry in rawEntries where entry.dmpValue(at: "resource", "resourceType")?.stringValue == "Patient" {
            if let fullURL = entry["fullUrl"]?.stringValue, let resource = entry["resource"] {
                patients[fullURL] = resource
            }
        }

        var issues: [DMPIssue] = []
        var entries: [Entry] = []
        var binaries: [String: Binary] = [:]
        var submissionSets = 0
        for (index, entry) in rawEntries.enumerated() {
            let label = "Bundle.entry[\(index)]"
            guard let resource = entry["resource"]?.objectValue else {
                issues.append(.error("required", "\(label).resource is required", expression: "\(label).resource"))
                continue
            }
            let fullURL = entry["fullUrl"]?.stringValue
            let method = entry.dmpValue(at: "request", "method")?.stringValue?.uppercased()
            let resourceType = resource["resourceType"]?.stringValue ?? ""
            if method == "PATCH" {
                do {
                    let url = entry.dmpValue(at: "request", "url")?.stringValue ?? ""
                    entries.append(.patch(try Self.statusPatch(url: url, parameters: resource, label: label)))
                } catch {
                    issues += error.issues
                }
                continue
            }
            switch resourceType {
            case "DocumentReference":
                let checked = DMPDocumentRules.issues(
                    of: resource, bundlePatients: patients, label: "\(label) (DocumentReference)",
                    requireSizeAndHash: true)
                issues += checked.issues
                guard checked.issues.isEmpty, let patient = checked.patient,
                    let master = DMPIdentifier(resource["masterIdentifier"])
                else {
                    entries.append(.other(resourceType: resourceType))
                    continue
                }
                let url = JSONValue.object(resource).dmpValue(at: "content", "0", "attachment", "url")?.stringValue
                entries.append(
                    .document(
                        Document(
                            fullURL: fullURL, resource: resource, patient: patient, masterIdentifier: master,
                            authorIDs: DMPDocumentRules.authorIDs(of: resource), binaryFullURL: url,
                            replacedID: Self.replacedID(of: resource))))
            case "Binary":
                guard let contentType = resource["contentType"]?.dmpNonEmptyString else {
                    issues.append(
                        .error(
                            "required", "\(label) (Binary): contentType is required", expression: "Binary.contentType"))
                    continue
                }
                guard let encoded = resource["data"]?.stringValue,
                    let data = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters)
                else {
                    issues.append(
                        .error(
                            "required", "\(label) (Binary): data is required, in base64", expression: "Binary.data"))
                    continue
                }
                let binary = Binary(fullURL: fullURL, contentType: contentType, data: data)
                if let fullURL { binaries[fullURL] = binary }
                entries.append(.binary(binary))
            case "List":
                let codes = DMPJSON.codings(resource["code"]).compactMap(\.code)
                if codes.contains(Self.submissionSetCode) {
                    submissionSets += 1
                } else if !codes.contains(Self.folderCode) {
                    issues.append(
                        .error(
                            "invalid",
                            "\(label) (List): code must be \(Self.listTypesSystem)#submissionset or #folder",
                            expression: "List.code"))
                }
                let patient = DMPDocumentRules.patientINS(of: resource, bundlePatients: patients)
                entries.append(.list(List(fullURL: fullURL, resource: resource, patient: patient)))
            case "Patient":
                entries.append(.other(resourceType: resourceType))
            default:
                issues.append(
                    .error(
                        "not-supported",
                        "\(label): a \(resourceType.isEmpty ? "resource without resourceType" : resourceType) cannot be published (expected List, DocumentReference, Binary or a PATCH)",
                        expression: "\(label).resource"))
            }
        }
        if submissionSets != 1 {
            issues.append(
                .error(
                    "invariant", "A transaction must contain exactly 1 SubmissionSet List, found \(submissionSets)",
                    expression: "Bundle.entry"))
        }
        let documentCount = rawEntries.filter {
            $0.dmpValue(at: "resource", "resourceType")?.stringValue == "DocumentReference"
        }
        .count
        if documentCount == 0 {
            issues.append(
                .error(
                    "invariant", "A transaction must contain at least 1 DocumentReference", expression: "Bundle.entry"))
        }
        // Each document's content must be one of the Bundle's Binaries, of the declared size and hash.
        for entry in entries {
            guard case .document(let document) = entry else { continue }
            let label = "DocumentReference \(document.masterIdentifier.value)"
            guard let url = document.binaryFullURL, let binary = binaries[url] else {
                issues.append(
                    .error(
                        "invalid",
                        "\(label): content[0].attachment.url must be the fullUrl of a Binary entry of the Bundle, got \(document.binaryFullURL ?? "nothing")",
                        expression: "DocumentReference.content[0].attachment.url"))
                continue
            }
            issues += Self.contentIssues(of: document.resource, binary: binary, label: label)
        }
        guard issues.isEmpty else {
            throw DMPFailure(.unprocessableContent, issues: issues)
        }
        self.entries = entries
    }

    /// Reads the DocumentReference of an ITI-105 simplified publish (content inline in `attachment.data`).
    /// - Throws: ``DMPFailure`` `422` naming every failing field.
    init(simplified resource: DMPJSON.Object) throws(DMPFailure) {
        guard resource["resourceType"]?.stringValue == "DocumentReference" else {
            throw DMPFailure(
                .unprocessableContent, "invalid", "The body must be a DocumentReference",
                expression: "DocumentReference")
        }
        let label = "DocumentReference"
        var checked = DMPDocumentRules.issues(
            of: resource, bundlePatients: [:], label: label, requireSizeAndHash: false)
        let json = JSONValue.object(resource)
        let attachment = json.dmpValue(at: "content", "0", "attachment")
        var binary: Binary?
        if let encoded = attachment?["data"]?.stringValue {
            if let data = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) {
                binary = Binary(
                    fullURL: nil, contentType: attachment?["contentType"]?.stringValue ?? "application/octet-stream",
                    data: data)
            } else {
                checked.issues.append(
                    .error(
                        "invalid", "\(label): content[0].attachment.data is not base64",
                        expression: "DocumentReference.content[0].attachment.data"))
            }
        } else {
            checked.issues.append(
                .error(
                    "required", "\(label): content[0].attachment.data is required (the content, in base64)",
                    expression: "DocumentReference.content[0].attachment.data"))
        }
        if let binary {
            checked.issues += Self.contentIssues(of: resource, binary: binary, label: label)
        }
        guard checked.issues.isEmpty, let patient = checked.patient,
            let master = DMPIdentifier(resource["masterIdentifier"]),
            let binary
        else {
            throw DMPFailure(.unprocessableContent, issues: checked.issues)
        }
        // The size and hash, when absent, are the content's.
        var stored = resource
        if var contents = stored["content"]?.arrayValue, var first = contents.first?.objectValue,
            var attachmentObject = first["attachment"]?.objectValue
        {
            attachmentObject["data"] = nil
            attachmentObject["size"] = attachmentObject["size"] ?? .integer(Int64(binary.data.count))
            attachmentObject["hash"] = attachmentObject["hash"] ?? .string(Self.sha1(binary.data))
            first["attachment"] = .object(attachmentObject)
            contents[0] = .object(first)
            stored["content"] = .array(contents)
        }
        self.entries = [
            .document(
                Document(
                    fullURL: nil, resource: stored, patient: patient, masterIdentifier: master,
                    authorIDs: DMPDocumentRules.authorIDs(of: resource), binaryFullURL: nil, inlineContent: binary,
                    replacedID: Self.replacedID(of: resource)))
        ]
    }

    /// The size and hash issues of a document's first content against its bytes.
    static func contentIssues(of resource: DMPJSON.Object, binary: Binary, label: String) -> [DMPIssue] {
        var issues: [DMPIssue] = []
        let attachment = JSONValue.object(resource).dmpValue(at: "content", "0", "attachment")
        if let size = attachment?["size"]?.integerValue, size != Int64(binary.data.count) {
            issues.append(
                .error(
                    "invalid",
                    "\(label): content[0].attachment.size is \(size) but the content has \(binary.data.count) bytes",
                    expression: "DocumentReference.content[0].attachment.size"))
        }
        if let hash = attachment?["hash"]?.stringValue {
            let actual = sha1(binary.data)
            if hash != actual {
                issues.append(
                    .error(
                        "invalid",
                        "\(label): content[0].attachment.hash is \(hash) but the SHA-1 of the content is \(actual)",
                        expression: "DocumentReference.content[0].attachment.hash"))
            }
        }
        return issues
    }

    /// The id of the DocumentReference a document `replaces` (`relatesTo[].target.reference`).
    static func replacedID(of resource: DMPJSON.Object) -> String? {
        for relation in resource["relatesTo"]?.arrayValue ?? [] where relation["code"]?.stringValue == "replaces" {
            if let reference = relation.dmpValue(at: "target", "reference")?.stringValue {
                return reference.split(separator: "/").last.map(String.init)
            }
        }
        return nil
    }

    /// Reads a PATCH entry: `DocumentReference/<id>` and FHIRPath Patch Parameters replacing the status.
    static func statusPatch(url: String, parameters: DMPJSON.Object, label: String) throws(DMPFailure) -> StatusPatch {
        let parts = url.split(separator: "/")
        guard parts.count == 2, parts[0] == "DocumentReference" else {
            throw DMPFailure(
                .unprocessableContent, "invalid",
                "\(label): a PATCH entry must target DocumentReference/<id>, got \"\(url)\"",
                expression: "\(label).request.url")
        }
        let operations = try DMPFHIRPathPatch.operations(parameters)
        guard operations.count == 1, let operation = operations.first, operation.type == "replace",
            operation.path == "DocumentReference.status", let status = operation.value?.stringValue
        else {
            throw DMPFailure(
                .unprocessableContent, "not-supported",
                "\(label): a PATCH entry of a transaction may only replace DocumentReference.status",
                expression: "\(label).resource")
        }
        return StatusPatch(targetID: String(parts[1]), status: status)
    }
}
