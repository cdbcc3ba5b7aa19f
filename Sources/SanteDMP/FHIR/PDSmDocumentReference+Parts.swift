public import SanteCore

extension PDSmDocumentReference {
    /// `DocumentReference.relatesTo`: a relationship to another document.
    public struct RelatesTo: FHIRBackboneElement {
        /// The element's `id`.
        public var id: String?
        /// The element's extensions.
        public var `extension`: [FHIRExtension]
        /// Modifier extensions.
        public var modifierExtension: [FHIRExtension]
        /// `replaces`, `transforms`, `signs` or `appends`.
        public var code: FHIRCode?
        /// The other document.
        public var target: FHIRReference?
        /// Members not modelled here.
        public var additionalMembers: [String: JSONValue] = [:]

        /// Creates a relationship.
        /// - Parameters:
        ///   - code: `replaces`, `transforms`, `signs` or `appends`.
        ///   - target: The other document.
        public init(code: FHIRCode?, target: FHIRReference?) {
            self.code = code
            self.target = target
            `extension` = []
            modifierExtension = []
        }

        /// Decodes the element, keeping unknown members.
        public init(from decoder: any Decoder) throws {
            var object = try FHIRObjectDecoder(decoder)
            id = try object.optional("id")
            `extension` = try object.array("extension")
            modifierExtension = try object.array("modifierExtension")
            code = try object.optional("code")
            target = try object.optional("target")
            additionalMembers = try object.remainingMembers()
        }

        /// Encodes the element and its kept members.
        public func encode(to encoder: any Encoder) throws {
            var object = FHIRObjectEncoder(encoder)
            try object.encode(id, "id")
            try object.encode(`extension`, "extension")
            try object.encode(modifierExtension, "modifierExtension")
            try object.encode(code, "code")
            try object.encode(target, "target")
            try object.finish(with: additionalMembers)
        }
    }

    /// `DocumentReference.content`: the document's attachment and format.
    public struct Content: FHIRBackboneElement {
        /// The element's `id`.
        public var id: String?
        /// The element's extensions.
        public var `extension`: [FHIRExtension]
        /// Modifier extensions.
        public var modifierExtension: [FHIRExtension]
        /// Where the content is, its MIME type, size, SHA-1 hash and title.
        public var attachment: FHIRAttachment?
        /// The format (XDS `formatCode`).
        public var format: FHIRCoding?
        /// Members not modelled here.
        public var additionalMembers: [String: JSONValue] = [:]

        /// Creates a content element.
        /// - Parameters:
        ///   - attachment: The attachment.
        ///   - format: The format.
        public init(attachment: FHIRAttachment?, format: FHIRCoding? = nil) {
            self.attachment = attachment
            self.format = format
            `extension` = []
            modifierExtension = []
        }

        /// Decodes the element, keeping unknown members.
        public init(from decoder: any Decoder) throws {
            var object = try FHIRObjectDecoder(decoder)
            id = try object.optional("id")
            `extension` = try object.array("extension")
            modifierExtension = try object.array("modifierExtension")
            attachment = try object.optional("attachment")
            format = try object.optional("format")
            additionalMembers = try object.remainingMembers()
        }

        /// Encodes the element and its kept members.
        public func encode(to encoder: any Encoder) throws {
            var object = FHIRObjectEncoder(encoder)
            try object.encode(id, "id")
            try object.encode(`extension`, "extension")
            try object.encode(modifierExtension, "modifierExtension")
            try object.encode(attachment, "attachment")
            try object.encode(format, "format")
            try object.finish(with: additionalMembers)
        }
    }

    /// `DocumentReference.context`: the clinical context of the document.
    public struct Context: FHIRBackboneElement {
        /// The element's `id`.
        public var id: String?
        /// The element's extensions.
        public var `extension`: [FHIRExtension]
        /// Modifier extensions.
        public var modifierExtension: [FHIRExtension]
        /// The main acts documented (XDS `eventCodeList`).
        public var event: [FHIRCodeableConcept]
        /// When the act took place (XDS `serviceStartTime` / `serviceStopTime`).
        public var period: FHIRPeriod?
        /// The kind of facility (XDS `healthcareFacilityTypeCode`).
        public var facilityType: FHIRCodeableConcept?
        /// The practice setting (XDS `practiceSettingCode`).
        public var practiceSetting: FHIRCodeableConcept?
        /// The patient as known by the source (XDS `sourcePatientId`).
        public var sourcePatientInfo: FHIRReference?
        /// Members not modelled here (`encounter`, `related`…).
        public var additionalMembers: [String: JSONValue] = [:]

        /// Creates an empty context.
        public init() {
            event = []
            `extension` = []
            modifierExtension = []
        }

        /// Decodes the element, keeping unknown members.
        public init(from decoder: any Decoder) throws {
            var object = try FHIRObjectDecoder(decoder)
            id = try object.optional("id")
            `extension` = try object.array("extension")
            modifierExtension = try object.array("modifierExtension")
            event = try object.array("event")
            period = try object.optional("period")
            facilityType = try object.optional("facilityType")
            practiceSetting = try object.optional("practiceSetting")
            sourcePatientInfo = try object.optional("sourcePatientInfo")
            additionalMembers = try object.remainingMembers()
        }

        /// Encodes the element and its kept members.
        public func encode(to encoder: any Encoder) throws {
            var object = FHIRObjectEncoder(encoder)
            try object.encode(id, "id")
            try object.encode(`extension`, "extension")
            try object.encode(modifierExtension, "modifierExtension")
            try object.encode(event, "event")
            try object.encode(period, "period")
            try object.encode(facilityType, "facilityType")
            try object.encode(practiceSetting, "practiceSetting")
            try object.encode(sourcePatientInfo, "sourcePatientInfo")
            try object.finish(with: additionalMembers)
        }
    }
}
