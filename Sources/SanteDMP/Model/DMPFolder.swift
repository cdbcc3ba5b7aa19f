public import SanteCore

/// A folder: a group of documents about one subject (FHIR `List` with code `folder`).
///
/// Like ``DMPDocumentEntry``, a view over the ``resource`` it wraps: nothing unmodelled is lost.
public struct DMPFolder: Hashable, Sendable {
    /// The FHIR resource, complete.
    public var resource: PDSmList

    /// Wraps a resource.
    /// - Parameter resource: The List.
    public init(resource: PDSmList) {
        self.resource = resource
    }

    /// Whether the resource is a folder (`code` = `folder`).
    public var isFolder: Bool { ListMapping.code(of: resource) == "folder" }

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

    /// The title.
    public var title: String? {
        get { resource.title }
        set { resource.title = newValue }
    }

    /// The kind of content (`ihe-designationType`, 1..1 for a folder).
    public var designationType: FHIRCodeableConcept? {
        if case .codeableConcept(let concept) = ListMapping.extensionValue(
            PDSmURLs.designationTypeExtension, in: resource)
        {
            return concept
        }
        return nil
    }

    /// When the folder last changed (`List.date`).
    public var lastUpdateTime: FHIRDateTime? { resource.date }

    /// The patient.
    public var patient: INS? { PatientReference.ins(in: resource.subject, contained: resource.contained) }

    /// The references of the documents in the folder.
    public var memberReferences: [String] { resource.entry.compactMap { $0.item?.reference } }

    /// Whether the folder is archived (`pdsm-ext-is-archived`).
    public var isArchived: Bool {
        ListMapping.extensionValue(PDSmURLs.isArchivedExtension, in: resource)?.booleanValue ?? false
    }
}
