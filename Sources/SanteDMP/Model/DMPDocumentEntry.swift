public import Foundation
public import SanteCore

/// One document of the DMP: its metadata (XDS DocumentEntry, FHIR PDSm `DocumentReference`) in domain
/// terms.
///
/// A `DMPDocumentEntry` is a view over the ``resource`` it wraps: every property reads from it and every
/// change writes into it, so what the domain does not model (extensions, contained resources,
/// narrative, unknown members) is kept exactly, and `DMPDocumentEntry(resource: r).resource == r`.
/// Setting a property to the value it already has changes nothing.
///
/// ```swift
/// for try await entry in client.findDocuments(DMPDocumentQuery(patient: ins)) {
///     print(entry.title ?? "", entry.type?.code ?? "", entry.securityLabels)
/// }
/// ```
public struct DMPDocumentEntry: Hashable, Sendable {
    /// The FHIR resource, complete.
    public var resource: PDSmDocumentReference

    /// Wraps a resource.
    /// - Parameter resource: The DocumentReference.
    public init(resource: PDSmDocumentReference) {
        self.resource = resource
    }

    /// Decodes a DocumentReference from FHIR JSON.
    /// - Parameter data: The JSON.
    /// - Throws: ``DMPError`` with reason ``DMPError/Reason/decoding``.
    public init(json data: Data) throws(DMPError) {
        do {
            self.init(resource: try FHIRJSON.decode(PDSmDocumentReference.self, from: data))
        } catch {
            throw DMPError.wrap(error, operation: "dmp.decode")
        }
    }

    /// The FHIR JSON of the resource (sorted keys).
    /// - Returns: The JSON bytes.
    /// - Throws: ``DMPError`` when the resource cannot be written.
    public func json() throws(DMPError) -> Data {
        do {
            return try FHIRJSON.encode(resource)
        } catch {
            throw DMPError.wrap(error, operation: "dmp.encode")
        }
    }

    // MARK: Identifiers

    /// The entry UUID: the resource's logical id on the server (changes with every metadata version).
    public var id: String? {
        get { resource.id }
        set { resource.id = newValue }
    }

    /// The metadata version (`meta.versionId`), sent back as `If-Match` when updating.
    public var versionId: String? { resource.meta?.versionId }

    /// When the server last changed the metadata (`meta.lastUpdated`).
    public var lastUpdated: FHIRInstant? { resource.meta?.lastUpdated }

    /// The document's unique id set by its producer (XDS `uniqueId`, FHIR `masterIdentifier`); it never
    /// changes, and the client de-duplicates publications on it.
    public var uniqueId: FHIRIdentifier? {
        get { resource.masterIdentifier }
        set {
            guard newValue != resource.masterIdentifier else { return }
            resource.masterIdentifier = newValue
        }
    }

    /// The logical identifiers (XDS `logicalID`, FHIR `identifier`): they change on replacement only.
    public var logicalIdentifiers: [FHIRIdentifier] {
        get { resource.identifier }
        set {
            guard newValue != resource.identifier else { return }
            resource.identifier = newValue
        }
    }

    /// The patient, read from `subject` (logical reference, conditional reference or contained
    /// Patient). Its qualification status is not carried by the resource: it reads as `nil`.
    /// Setting it writes the logical reference `{"identifier": {system, value}}` PDSm expects.
    public var patient: INS? {
        get { PatientReference.ins(in: resource.subject, contained: resource.contained) }
        set {
            guard newValue?.fhirSearchToken != patient?.fhirSearchToken else { return }
            resource.subject = newValue.map(PatientReference.logicalReference(for:))
        }
    }

    // MARK: Status

    /// The status: ``DMPDocumentStatus/current`` or ``DMPDocumentStatus/superseded``.
    public var status: DMPDocumentStatus? {
        get { resource.status.map(DMPDocumentStatus.init(rawValue:)) }
        set {
            guard newValue != status else { return }
            resource.status = newValue?.rawValue
        }
    }

    /// Whether the document is archived (the `pdsm-ext-is-archived` extension; absent means `false`).
    public var isArchived: Bool {
        get { resource.firstExtension(url: PDSmURLs.isArchivedExtension)?.value?.booleanValue ?? false }
        set {
            guard newValue != isArchived else { return }
            if let index = resource.extension.firstIndex(where: { $0.url == PDSmURLs.isArchivedExtension }) {
                resource.extension[index].value = .boolean(newValue)
            } else {
                resource.extension.append(FHIRExtension(url: PDSmURLs.isArchivedExtension, value: .boolean(newValue)))
            }
        }
    }

    /// The relationships to other documents (`relatesTo`), such as the document this one replaces.
    public var relationships: [DMPRelationship] {
        get {
            resource.relatesTo.compactMap { element in
                guard let code = element.code, let target = element.target else { return nil }
                return DMPRelationship(DMPRelationship.Kind(rawValue: code), target: target)
            }
        }
        set {
            guard newValue != relationships else { return }
            resource.relatesTo = newValue.map {
                PDSmDocumentReference.RelatesTo(code: $0.kind.rawValue, target: $0.target)
            }
        }
    }

    // MARK: Codes

    /// The document type (XDS `typeCode`).
    public var type: DMPDocumentType? {
        get { resource.type.flatMap(DMPDocumentType.init(concept:)) }
        set {
            guard !Self.sameCode(newValue, type) else { return }
            resource.type = newValue?.codeableConcept
        }
    }

    /// The document class (XDS `classCode`, FHIR `category`).
    public var documentClass: DMPDocumentClass? {
        get { resource.category.lazy.compactMap(DMPDocumentClass.init(concept:)).first }
        set {
            guard !Self.sameCode(newValue, documentClass) else { return }
            resource.category = newValue.map { [$0.codeableConcept] } ?? []
        }
    }

    /// The format of the content (XDS `formatCode`).
    public var format: DMPDocumentFormat? {
        get { resource.content.first?.format.flatMap(DMPDocumentFormat.init(coding:)) }
        set {
            guard !Self.sameCode(newValue, format) else { return }
            updateContent { $0.format = newValue?.coding }
        }
    }

    /// The kind of facility (XDS `healthcareFacilityTypeCode`).
    public var facilityType: DMPFacilityType? {
        get { resource.context?.facilityType.flatMap(DMPFacilityType.init(concept:)) }
        set {
            guard !Self.sameCode(newValue, facilityType) else { return }
            updateContext { $0.facilityType = newValue?.codeableConcept }
        }
    }

    /// The practice setting (XDS `practiceSettingCode`).
    public var practiceSetting: DMPPracticeSetting? {
        get { resource.context?.practiceSetting.flatMap(DMPPracticeSetting.init(concept:)) }
        set {
            guard !Self.sameCode(newValue, practiceSetting) else { return }
            updateContext { $0.practiceSetting = newValue?.codeableConcept }
        }
    }

    /// The confidentiality and visibility labels, as a set (every coding of every `securityLabel`).
    ///
    /// Setting it keeps the labels that stay, in their order and form, and appends the new ones.
    public var securityLabels: Set<DMPSecurityLabel> {
        get {
            Set(resource.securityLabel.flatMap { $0.coding.compactMap(DMPSecurityLabel.init(coding:)) })
        }
        set {
            guard newValue != securityLabels else { return }
            resource.securityLabel = Self.securityLabelElements(newValue, keeping: resource.securityLabel)
        }
    }

    /// Whether the document is hidden from an audience (it carries the audience's TRE_A07 label).
    /// - Parameter audience: The audience.
    /// - Returns: `true` when hidden.
    public func isHidden(from audience: DMPVisibilityAudience) -> Bool {
        securityLabels.contains(audience.label)
    }

    // MARK: People

    /// The authors (contained Practitioner, PractitionerRole or Organization, or references elsewhere).
    public var authors: [DMPAuthor] {
        get { AuthorMapping.authors(of: resource) }
        set {
            guard newValue != authors else { return }
            AuthorMapping.setAuthors(newValue, on: &resource)
        }
    }

    /// The organisation that keeps the document (`custodian`, 1..1 in PDSm).
    public var custodian: DMPOrganization? {
        get { resource.custodian.flatMap { DMPOrganization(reference: $0, in: resource.contained) } }
        set {
            guard newValue != custodian else { return }
            resource.custodian = newValue?.logicalReference
        }
    }

    // MARK: Dates

    /// When the document was created (XDS `creationTime`, FHIR `date`); not the submission time.
    public var creationTime: FHIRDateTime? {
        get { resource.date }
        set { resource.date = newValue }
    }

    /// When the documented act took place (XDS `serviceStartTime` / `serviceStopTime`, FHIR
    /// `context.period`).
    public var servicePeriod: FHIRPeriod? {
        get { resource.context?.period }
        set {
            guard newValue != servicePeriod else { return }
            updateContext { $0.period = newValue }
        }
    }

    // MARK: Content

    /// The title (`content.attachment.title`).
    public var title: String? {
        get { attachment?.title }
        set {
            guard newValue != title else { return }
            updateAttachment { $0.title = newValue }
        }
    }

    /// A description of the document (XDS `comments`, FHIR `description`).
    public var comments: String? {
        get { resource.description }
        set { resource.description = newValue }
    }

    /// The language of the content, such as `fr-FR`.
    public var language: String? {
        get { attachment?.language }
        set {
            guard newValue != language else { return }
            updateAttachment { $0.language = newValue }
        }
    }

    /// The MIME type of the content.
    public var contentType: String? {
        get { attachment?.contentType }
        set {
            guard newValue != contentType else { return }
            updateAttachment { $0.contentType = newValue }
        }
    }

    /// The size of the content in bytes.
    public var size: Int? {
        get { attachment?.size }
        set {
            guard newValue != size else { return }
            updateAttachment { $0.size = newValue }
        }
    }

    /// The SHA-1 hash of the content, base64-encoded (as PDSm carries it).
    public var hash: String? {
        get { attachment?.hash?.rawValue }
        set {
            guard newValue != hash else { return }
            updateAttachment { $0.hash = newValue.map(FHIRBase64Binary.init(rawValue:)) }
        }
    }

    /// Where the content can be retrieved (`content.attachment.url`: absolute, or relative `Binary/<id>`).
    public var contentURL: String? {
        get { attachment?.url }
        set {
            guard newValue != contentURL else { return }
            updateAttachment { $0.url = newValue }
        }
    }

    /// The first attachment.
    public var attachment: FHIRAttachment? { resource.content.first?.attachment }

    // MARK: Helpers

    private static func sameCode<Value: DMPCodedValue>(_ lhs: Value?, _ rhs: Value?) -> Bool {
        lhs == rhs && lhs?.display == rhs?.display
    }

    private mutating func updateContent(_ change: (inout PDSmDocumentReference.Content) -> Void) {
        if resource.content.isEmpty {
            resource.content.append(PDSmDocumentReference.Content(attachment: nil))
        }
        change(&resource.content[0])
    }

    private mutating func updateAttachment(_ change: (inout FHIRAttachment) -> Void) {
        updateContent { content in
            var attachment = content.attachment ?? FHIRAttachment()
            change(&attachment)
            content.attachment = attachment
        }
    }

    private mutating func updateContext(_ change: (inout PDSmDocumentReference.Context) -> Void) {
        var context = resource.context ?? PDSmDocumentReference.Context()
        change(&context)
        resource.context = context
    }

    /// The `securityLabel` elements for a set: the kept codings in their place, then the new ones sorted.
    static func securityLabelElements(
        _ labels: Set<DMPSecurityLabel>, keeping existing: [FHIRCodeableConcept]
    ) -> [FHIRCodeableConcept] {
        var remaining = labels
        var result: [FHIRCodeableConcept] = []
        for var concept in existing {
            concept.coding = concept.coding.filter { coding in
                guard let label = DMPSecurityLabel(coding: coding) else { return false }
                return remaining.remove(label) != nil
            }
            if !concept.coding.isEmpty { result.append(concept) }
        }
        let added = remaining.sorted { ($0.system, $0.code) < ($1.system, $1.code) }
        result.append(contentsOf: added.map(\.codeableConcept))
        return result
    }
}
