public import SanteCore

/// A FHIR R4 `DocumentReference` as PDSm (IHE MHD Comprehensive) uses it: the metadata of one document
/// entry of the DMP.
///
/// Every element the DMP client reads is modelled; every other member (`docStatus`, `context.encounter`,
/// unknown members, `_field` siblings) is kept in ``additionalMembers`` and written back unchanged, so
/// decoding then encoding loses nothing. Most code uses the domain view ``DMPDocumentEntry`` instead.
public struct PDSmDocumentReference: FHIRDomainResource {
    /// `"DocumentReference"`.
    public static let resourceType = "DocumentReference"

    /// The logical id on the server (XDS `entryUUID`).
    public var id: FHIRID?
    /// The resource's metadata (`versionId`, `lastUpdated`, profiles).
    public var meta: FHIRMeta?
    /// The human-readable narrative.
    public var text: FHIRNarrative?
    /// Resources contained inline (authors, the source patient), referenced as `#id`.
    public var contained: [AnyFHIRResource]
    /// The resource's extensions (such as `pdsm-ext-is-archived`).
    public var `extension`: [FHIRExtension]
    /// Modifier extensions.
    public var modifierExtension: [FHIRExtension]
    /// The document's unique id set by its producer (XDS `uniqueId`).
    public var masterIdentifier: FHIRIdentifier?
    /// Other identifiers (XDS `logicalID`, sometimes `entryUUID`).
    public var identifier: [FHIRIdentifier]
    /// `current`, `superseded` or `entered-in-error`.
    public var status: FHIRCode?
    /// The kind of document (XDS `typeCode`).
    public var type: FHIRCodeableConcept?
    /// The class of document (XDS `classCode`).
    public var category: [FHIRCodeableConcept]
    /// The patient.
    public var subject: FHIRReference?
    /// When the document was created (XDS `creationTime`).
    public var date: FHIRDateTime?
    /// Who wrote the document.
    public var author: [FHIRReference]
    /// Who attested the document (XDS `legalAuthenticator`).
    public var authenticator: FHIRReference?
    /// The organisation that maintains the document.
    public var custodian: FHIRReference?
    /// Relationships to other documents (`replaces`, `appends`, `transforms`, `signs`).
    public var relatesTo: [RelatesTo]
    /// A human-readable description (XDS `comments`).
    public var description: String?
    /// Confidentiality and visibility labels (XDS `confidentialityCode`).
    public var securityLabel: [FHIRCodeableConcept]
    /// The document's content: where it is, its format.
    public var content: [Content]
    /// The clinical context: the act's period, the facility, the practice setting.
    public var context: Context?
    /// Members not modelled here.
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates an empty document reference.
    public init() {
        contained = []
        `extension` = []
        modifierExtension = []
        identifier = []
        category = []
        author = []
        relatesTo = []
        securityLabel = []
        content = []
    }

    /// Decodes the resource, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try FHIRObjectDecoder(decoder)
        try object.resourceType(expected: Self.resourceType)
        id = try object.optional("id")
        meta = try object.optional("meta")
        text = try object.optional("text")
        contained = try object.array("contained")
        `extension` = try object.array("extension")
        modifierExtension = try object.array("modifierExtension")
        masterIdentifier = try object.optional("masterIdentifier")
        identifier = try object.array("identifier")
        status = try object.optional("status")
        type = try object.optional("type")
        category = try object.array("category")
        subject = try object.optional("subject")
        date = try object.optional("date")
        author = try object.array("author")
        authenticator = try object.optional("authenticator")
        custodian = try object.optional("custodian")
        relatesTo = try object.array("relatesTo")
        description = try object.optional("description")
        securityLabel = try object.array("securityLabel")
        content = try object.array("content")
        context = try object.optional("context")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the resource and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(Self.resourceType, "resourceType")
        try object.encode(id, "id")
        try object.encode(meta, "meta")
        try object.encode(text, "text")
        try object.encode(contained, "contained")
        try object.encode(`extension`, "extension")
        try object.encode(modifierExtension, "modifierExtension")
        try object.encode(masterIdentifier, "masterIdentifier")
        try object.encode(identifier, "identifier")
        try object.encode(status, "status")
        try object.encode(type, "type")
        try object.encode(category, "category")
        try object.encode(subject, "subject")
        try object.encode(date, "date")
        try object.encode(author, "author")
        try object.encode(authenticator, "authenticator")
        try object.encode(custodian, "custodian")
        try object.encode(relatesTo, "relatesTo")
        try object.encode(description, "description")
        try object.encode(securityLabel, "securityLabel")
        try object.encode(content, "content")
        try object.encode(context, "context")
        try object.finish(with: additionalMembers)
    }
}
