public import SanteCore

/// A FHIR R4 `List` as PDSm uses it: a submission set (`code` = `submissionset`) or a folder
/// (`code` = `folder`).
///
/// Unmodelled members are kept in ``additionalMembers`` and written back unchanged. Most code uses the
/// domain views ``DMPSubmissionSet`` and ``DMPFolder``.
public struct PDSmList: FHIRDomainResource {
    /// `"List"`.
    public static let resourceType = "List"

    /// The logical id on the server (XDS `entryUUID`).
    public var id: FHIRID?
    /// The resource's metadata.
    public var meta: FHIRMeta?
    /// The human-readable narrative.
    public var text: FHIRNarrative?
    /// Resources contained inline (the source author, the source patient).
    public var contained: [AnyFHIRResource]
    /// The extensions (`ihe-designationType`, `ihe-sourceId`, `pdsm-ext-is-archived`…).
    public var `extension`: [FHIRExtension]
    /// Modifier extensions.
    public var modifierExtension: [FHIRExtension]
    /// The unique id (`use` = `usual`) and the entry UUID (`use` = `official`).
    public var identifier: [FHIRIdentifier]
    /// `current`, `retired` or `entered-in-error`.
    public var status: FHIRCode?
    /// `working`, `snapshot` or `changes`.
    public var mode: FHIRCode?
    /// The title.
    public var title: String?
    /// `submissionset` or `folder` (MHDlistTypes).
    public var code: FHIRCodeableConcept?
    /// The patient.
    public var subject: FHIRReference?
    /// Submission time (submission set) or last update time (folder).
    public var date: FHIRDateTime?
    /// The author of the submission set.
    public var source: FHIRReference?
    /// The members of the list.
    public var entry: [Entry]
    /// Members not modelled here (`note`, `orderedBy`…).
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates an empty list.
    public init() {
        contained = []
        `extension` = []
        modifierExtension = []
        identifier = []
        entry = []
    }

    /// `List.entry`: one member of the list.
    public struct Entry: FHIRBackboneElement {
        /// The element's `id`.
        public var id: String?
        /// The element's extensions.
        public var `extension`: [FHIRExtension]
        /// Modifier extensions.
        public var modifierExtension: [FHIRExtension]
        /// The member (a DocumentReference or a folder List).
        public var item: FHIRReference?
        /// Members not modelled here (`flag`, `deleted`, `date`).
        public var additionalMembers: [String: JSONValue] = [:]

        /// Creates an entry.
        /// - Parameter item: The member.
        public init(item: FHIRReference?) {
            self.item = item
            `extension` = []
            modifierExtension = []
        }

        /// Decodes the entry, keeping unknown members.
        public init(from decoder: any Decoder) throws {
            var object = try FHIRObjectDecoder(decoder)
            id = try object.optional("id")
            `extension` = try object.array("extension")
            modifierExtension = try object.array("modifierExtension")
            item = try object.optional("item")
            additionalMembers = try object.remainingMembers()
        }

        /// Encodes the entry and its kept members.
        public func encode(to encoder: any Encoder) throws {
            var object = FHIRObjectEncoder(encoder)
            try object.encode(id, "id")
            try object.encode(`extension`, "extension")
            try object.encode(modifierExtension, "modifierExtension")
            try object.encode(item, "item")
            try object.finish(with: additionalMembers)
        }
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
        identifier = try object.array("identifier")
        status = try object.optional("status")
        mode = try object.optional("mode")
        title = try object.optional("title")
        code = try object.optional("code")
        subject = try object.optional("subject")
        date = try object.optional("date")
        source = try object.optional("source")
        entry = try object.array("entry")
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
        try object.encode(identifier, "identifier")
        try object.encode(status, "status")
        try object.encode(mode, "mode")
        try object.encode(title, "title")
        try object.encode(code, "code")
        try object.encode(subject, "subject")
        try object.encode(date, "date")
        try object.encode(source, "source")
        try object.encode(entry, "entry")
        try object.finish(with: additionalMembers)
    }
}
