public import SanteCore

/// A submission set: the batch one ITI-65 publication sends (FHIR `List` with code `submissionset`).
///
/// Like ``DMPDocumentEntry``, a view over the ``resource`` it wraps: nothing unmodelled is lost.
public struct DMPSubmissionSet: Hashable, Sendable {
    /// The FHIR resource, complete.
    public var resource: PDSmList

    /// Wraps a resource.
    /// - Parameter resource: The List.
    public init(resource: PDSmList) {
        self.resource = resource
    }

    /// An empty submission set (`code` = `submissionset`, `status` = `current`, `mode` = `working`).
    public init() {
        var list = PDSmList()
        list.meta = FHIRMeta(profile: [PDSmURLs.submissionSetProfile])
        list.code = ListMapping.listTypeConcept("submissionset")
        list.status = "current"
        list.mode = "working"
        self.init(resource: list)
    }

    /// Whether the resource is a submission set (`code` = `submissionset`).
    public var isSubmissionSet: Bool { ListMapping.code(of: resource) == "submissionset" }

    /// The entry UUID: the logical id on the server.
    public var id: String? { resource.id }

    /// The unique id (`identifier` with `use` = `usual`).
    public var uniqueId: FHIRIdentifier? {
        get { ListMapping.identifier("usual", in: resource) }
        set {
            guard newValue != uniqueId else { return }
            ListMapping.setIdentifier(newValue, use: "usual", in: &resource)
        }
    }

    /// The source id: the OID of the sending system (`ihe-sourceId`).
    public var sourceId: FHIRIdentifier? {
        get {
            if case .identifier(let identifier) = ListMapping.extensionValue(PDSmURLs.sourceIdExtension, in: resource) {
                return identifier
            }
            return nil
        }
        set {
            guard newValue != sourceId else { return }
            ListMapping.setExtension(PDSmURLs.sourceIdExtension, value: newValue.map { .identifier($0) }, in: &resource)
        }
    }

    /// The kind of content of the batch (`ihe-designationType`, JDV_J59 for the DMP).
    public var designationType: FHIRCodeableConcept? {
        get {
            if case .codeableConcept(let concept) = ListMapping.extensionValue(
                PDSmURLs.designationTypeExtension, in: resource)
            {
                return concept
            }
            return nil
        }
        set {
            guard newValue != designationType else { return }
            ListMapping.setExtension(
                PDSmURLs.designationTypeExtension, value: newValue.map { .codeableConcept($0) }, in: &resource)
        }
    }

    /// When the batch was submitted (`List.date`).
    public var submissionTime: FHIRDateTime? {
        get { resource.date }
        set { resource.date = newValue }
    }

    /// The title.
    public var title: String? {
        get { resource.title }
        set { resource.title = newValue }
    }

    /// The patient.
    public var patient: INS? {
        get { PatientReference.ins(in: resource.subject, contained: resource.contained) }
        set {
            guard newValue?.fhirSearchToken != patient?.fhirSearchToken else { return }
            resource.subject = newValue.map(PatientReference.logicalReference(for:))
        }
    }

    /// The author of the batch (`List.source`, a contained resource).
    public var author: DMPAuthor? {
        get { resource.source.map { AuthorMapping.author(for: $0, contained: resource.contained) } }
        set {
            guard newValue != author else { return }
            var carrier = PDSmDocumentReference()
            carrier.contained = resource.contained
            AuthorMapping.setAuthors(newValue.map { [$0] } ?? [], on: &carrier)
            resource.contained = carrier.contained
            resource.source = carrier.author.first
        }
    }

    /// The references of the members (documents, folders).
    public var memberReferences: [String] {
        get { resource.entry.compactMap { $0.item?.reference } }
        set {
            guard newValue != memberReferences else { return }
            resource.entry = newValue.map { PDSmList.Entry(item: FHIRReference(reference: $0)) }
        }
    }

    /// Whether the submission set is archived (`pdsm-ext-is-archived`).
    public var isArchived: Bool {
        ListMapping.extensionValue(PDSmURLs.isArchivedExtension, in: resource)?.booleanValue ?? false
    }
}
