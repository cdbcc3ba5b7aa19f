import Foundation
public import SanteCore

extension DMPDocumentEntry {
    /// The issues that stop this entry from being published: every PDSm-required field that is
    /// missing or invalid, each named by its FHIR path.
    ///
    /// Checked: `masterIdentifier` (system and value), `status` (`current`), `type`, `category`,
    /// `subject` (an INS with a valid key), `date`, `author` (1..*, contained references resolved),
    /// `custodian`, `content` with `attachment.contentType`, `size`, `hash` (SHA-1, base64), `title` and
    /// a `url` or inline `data`, `context.period.start`, and at most 4 `securityLabel`s.
    /// - Parameter requiresContentLocation: Whether `attachment.url` or `attachment.data` must be set
    ///   (true when publishing).
    /// - Returns: The issues; empty when the entry can be published.
    public func validationIssues(requiresContentLocation: Bool = true) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        func missing(_ field: String, _ what: String) {
            issues.append(ValidationIssue(field: field, reason: "\(what) is required"))
        }
        let resource = self.resource
        if let master = resource.masterIdentifier {
            if (master.system ?? "").isEmpty { missing("DocumentReference.masterIdentifier.system", "the system") }
            if (master.value ?? "").isEmpty { missing("DocumentReference.masterIdentifier.value", "the unique id") }
        } else {
            missing("DocumentReference.masterIdentifier", "the unique id (masterIdentifier)")
        }
        switch resource.status {
        case nil: missing("DocumentReference.status", "the status")
        case "current": break
        case let other?:
            issues.append(
                ValidationIssue(field: "DocumentReference.status", reason: "must be current to publish, not \(other)"))
        }
        if type == nil { missing("DocumentReference.type", "the document type (a coding with system and code)") }
        if documentClass == nil {
            missing("DocumentReference.category", "the document class (a coding with system and code)")
        }
        if let patient {
            for issue in patient.validationIssues(field: "DocumentReference.subject.identifier.value") {
                issues.append(issue)
            }
        } else {
            missing("DocumentReference.subject", "the patient's INS")
        }
        if resource.date == nil { missing("DocumentReference.date", "the creation time") }
        if resource.author.isEmpty {
            missing("DocumentReference.author", "at least one author")
        } else {
            for (index, reference) in resource.author.enumerated() {
                guard let target = reference.reference, target.hasPrefix("#") else {
                    if reference.reference == nil && reference.identifier == nil {
                        issues.append(
                            ValidationIssue(
                                field: "DocumentReference.author[\(index)]", reason: "the author reference is empty"))
                    }
                    continue
                }
                if resource.containedResource(target) == nil {
                    issues.append(
                        ValidationIssue(
                            field: "DocumentReference.author[\(index)].reference",
                            reason: "\(target) does not match a contained resource"))
                }
            }
        }
        if resource.custodian == nil { missing("DocumentReference.custodian", "the custodian organisation") }
        if let attachment = resource.content.first?.attachment {
            let path = "DocumentReference.content[0].attachment"
            if (attachment.contentType ?? "").isEmpty { missing("\(path).contentType", "the MIME type") }
            if let size = attachment.size {
                if size < 0 { issues.append(ValidationIssue(field: "\(path).size", reason: "must not be negative")) }
            } else {
                missing("\(path).size", "the size")
            }
            if let hash = attachment.hash {
                let bytes = try? hash.data
                if bytes?.count != 20 {
                    issues.append(
                        ValidationIssue(field: "\(path).hash", reason: "must be a base64 SHA-1 digest (20 bytes)"))
                }
            } else {
                missing("\(path).hash", "the SHA-1 hash")
            }
            if (attachment.title ?? "").isEmpty { missing("\(path).title", "the title") }
            if requiresContentLocation && attachment.url == nil && attachment.data == nil {
                missing("\(path).url", "the content's location (url) or inline data")
            }
        } else {
            missing("DocumentReference.content[0].attachment", "the content attachment")
        }
        if resource.context?.period?.start == nil {
            missing("DocumentReference.context.period.start", "the service start time")
        }
        if resource.securityLabel.count > 4 {
            issues.append(
                ValidationIssue(field: "DocumentReference.securityLabel", reason: "at most 4 labels are allowed"))
        }
        return issues
    }

    /// Checks the entry before publishing.
    /// - Parameter requiresContentLocation: Whether `attachment.url` or `attachment.data` must be set.
    /// - Throws: ``DMPError`` with reason ``DMPError/Reason/validationFailed`` listing every issue.
    public func validate(requiresContentLocation: Bool = true) throws(DMPError) {
        let issues = validationIssues(requiresContentLocation: requiresContentLocation)
        guard issues.isEmpty else {
            throw DMPError(
                reason: .validationFailed,
                message: "the document entry is not valid for PDSm (\(issues.count) issue(s))",
                operation: "dmp.validate", validationIssues: issues)
        }
    }
}
