import Foundation
import SanteCore

/// The PDSm rules a DocumentReference must follow to be stored, and what the mock reads from it
/// (the patient's INS, the authors' identifiers).
enum DMPDocumentRules {
    /// The INS systems: NIR, NIA, test and demo (`urn:oid:1.2.250.1.213.1.4.8` to `.11`).
    static let insSystems = Set(INS.System.known.map(\.urn))

    /// The issues of a DocumentReference submitted for creation (PDSm 3.1.1 Comprehensive, reference section 4).
    /// - Parameters:
    ///   - document: The DocumentReference.
    ///   - bundlePatients: The Patient resources of the Bundle, by `fullUrl`.
    ///   - label: How diagnostics name the document, such as `"Bundle.entry[1] (DocumentReference)"`.
    ///   - requireSizeAndHash: Whether `attachment.size` and `.hash` must be given (they are computed for a
    ///     simplified publish).
    /// - Returns: The issues (empty when valid) and the patient's INS when one was found.
    static func issues(
        of document: DMPJSON.Object, bundlePatients: [String: JSONValue], label: String, requireSizeAndHash: Bool
    ) -> (issues: [DMPIssue], patient: DMPIdentifier?) {
        var issues: [DMPIssue] = []
        func require(_ present: Bool, _ path: String, _ what: String) {
            if !present {
                issues.append(
                    .error(
                        "required", "\(label): \(path) is required (\(what))", expression: "DocumentReference.\(path)"))
            }
        }
        let json = JSONValue.object(document)
        require(DMPIdentifier(document["masterIdentifier"]) != nil, "masterIdentifier", "the document's uniqueId")
        if let status = document["status"]?.stringValue {
            if status != "current" {
                issues.append(
                    .error(
                        "invalid", "\(label): status must be \"current\" for a new document, got \"\(status)\"",
                        expression: "DocumentReference.status"))
            }
        } else {
            require(false, "status", "\"current\"")
        }
        require(!DMPJSON.codings(document["type"]).isEmpty, "type", "the document type, JDV_J66")
        require(!DMPJSON.codings(document["category"]).isEmpty, "category", "the document class, JDV_J57")
        require(document["subject"] != nil, "subject", "the patient, by INS")
        require(document["date"]?.dmpNonEmptyString != nil, "date", "the creation time")
        require(!(document["author"]?.arrayValue ?? []).isEmpty, "author", "1..* authors")
        require(document["custodian"]?.objectValue != nil, "custodian", "1..1 in PDSm 3.1.1")
        require(
            json.dmpValue(at: "context", "period", "start")?.dmpNonEmptyString != nil, "context.period.start",
            "the service start time")

        let contents = document["content"]?.arrayValue ?? []
        require(!contents.isEmpty, "content", "1..* contents")
        for (index, content) in contents.enumerated() {
            let prefix = "content[\(index)].attachment"
            guard let attachment = content["attachment"] else {
                require(false, prefix, "the attachment")
                continue
            }
            require(attachment["contentType"]?.dmpNonEmptyString != nil, "\(prefix).contentType", "the MIME type")
            require(attachment["title"]?.dmpNonEmptyString != nil, "\(prefix).title", "the title")
            if requireSizeAndHash {
                require(attachment["size"]?.integerValue != nil, "\(prefix).size", "the size in bytes")
                require(attachment["hash"]?.dmpNonEmptyString != nil, "\(prefix).hash", "the base64 SHA-1")
            }
        }

        var patient: DMPIdentifier?
        if document["subject"] != nil {
            if let found = patientINS(of: document, bundlePatients: bundlePatients) {
                patient = found
                issues += insIssues(found, label: label)
            } else {
                issues.append(
                    .error(
                        "required",
                        "\(label): no INS found for the subject (an identifier with an INS system \(insSystems.sorted().joined(separator: ", ")))",
                        expression: "DocumentReference.subject.identifier"))
            }
        }
        return (issues, patient)
    }

    /// The issues of an INS value: an invalid control key or a malformed value.
    static func insIssues(_ ins: DMPIdentifier, label: String) -> [DMPIssue] {
        let diagnostics = NIR(ins.value).diagnostics
        guard !diagnostics.isEmpty else { return [] }
        let expression = "DocumentReference.subject.identifier.value"
        if diagnostics.allSatisfy({ if case .invalidKey = $0 { true } else { false } }) {
            let details = diagnostics.map(\.description).joined(separator: "; ")
            return [
                .error(
                    "invalid", "\(label): the INS has an invalid INS key (\(details))",
                    expression: expression)
            ]
        }
        let details = diagnostics.map(\.description).joined(separator: "; ")
        return [.error("invalid", "\(label): the INS is malformed (\(details))", expression: expression)]
    }

    /// The patient's INS: `subject.identifier`, or the INS identifier of the Patient `subject.reference` points
    /// to (`#id` contained, a `urn:uuid` of the Bundle, or a conditional `Patient?identifier=system|value`).
    static func patientINS(of resource: DMPJSON.Object, bundlePatients: [String: JSONValue]) -> DMPIdentifier? {
        guard let subject = resource["subject"] else { return nil }
        if let identifier = DMPIdentifier(subject["identifier"]) {
            return identifier
        }
        guard let reference = subject["reference"]?.stringValue else { return nil }
        if reference.hasPrefix("#") {
            let containedID = String(reference.dropFirst())
            let patient = (resource["contained"]?.arrayValue ?? []).first { $0["id"]?.stringValue == containedID }
            return insIdentifier(in: patient)
        }
        if let patient = bundlePatients[reference] {
            return insIdentifier(in: patient)
        }
        if reference.hasPrefix("Patient?") {
            let query = QueryString(String(reference.dropFirst("Patient?".count)))
            for token in query.all("identifier") {
                let parts = token.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
                if parts.count == 2, insSystems.contains(String(parts[0])), !parts[1].isEmpty {
                    return DMPIdentifier(system: String(parts[0]), value: String(parts[1]))
                }
            }
        }
        return nil
    }

    /// The first identifier with an INS system of a Patient resource.
    static func insIdentifier(in patient: JSONValue?) -> DMPIdentifier? {
        for identifier in patient?["identifier"]?.arrayValue ?? [] {
            if let system = identifier["system"]?.stringValue, insSystems.contains(system),
                let found = DMPIdentifier(identifier)
            {
                return found
            }
        }
        return nil
    }

    /// The identifier values of the authors: logical `author[].identifier`, and the identifiers of contained
    /// Practitioner / PractitionerRole authors (with the Practitioner a contained PractitionerRole points to).
    static func authorIDs(of resource: DMPJSON.Object) -> Set<String> {
        let contained = resource["contained"]?.arrayValue ?? []
        func containedResource(_ reference: String?) -> JSONValue? {
            guard let reference, reference.hasPrefix("#") else { return nil }
            return contained.first { $0["id"]?.stringValue == String(reference.dropFirst()) }
        }
        func identifiers(of value: JSONValue?) -> [String] {
            (value?["identifier"]?.arrayValue ?? []).compactMap { $0["value"]?.stringValue }
        }
        var ids: Set<String> = []
        for author in resource["author"]?.arrayValue ?? [] {
            if let value = author.dmpValue(at: "identifier", "value")?.stringValue {
                ids.insert(value)
            }
            guard let target = containedResource(author["reference"]?.stringValue) else { continue }
            ids.formUnion(identifiers(of: target))
            if let practitioner = containedResource(target.dmpValue(at: "practitioner", "reference")?.stringValue) {
                ids.formUnion(identifiers(of: practitioner))
            }
            if let value = target.dmpValue(at: "practitioner", "identifier", "value")?.stringValue {
                ids.insert(value)
            }
        }
        return ids
    }
}
