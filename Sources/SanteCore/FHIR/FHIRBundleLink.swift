extension FHIRBundle {
    /// A link of a Bundle or of one entry, such as the `next` page of a search.
    public struct Link: FHIRBackboneElement {
        /// The element's `id`.
        public var id: String?
        /// The element's extensions.
        public var `extension`: [FHIRExtension]
        /// Extensions that change the meaning of the link.
        public var modifierExtension: [FHIRExtension]
        /// The relation, such as `self`, `next`, `previous`, `first` or `last`.
        public var relation: String
        /// The target URL.
        public var url: FHIRURI
        /// Members not modelled here.
        public var additionalMembers: [String: JSONValue] = [:]

        /// Creates a link.
        ///
        /// - Parameters:
        ///   - relation: The relation, such as `next`.
        ///   - url: The target URL.
        public init(relation: String, url: FHIRURI) {
            self.relation = relation
            self.url = url
            self.extension = []
            self.modifierExtension = []
        }

        /// Decodes the link, keeping unknown members.
        public init(from decoder: any Decoder) throws {
            var object = try FHIRObjectDecoder(decoder)
            id = try object.optional("id")
            `extension` = try object.array("extension")
            modifierExtension = try object.array("modifierExtension")
            relation = try object.required("relation")
            url = try object.required("url")
            additionalMembers = try object.remainingMembers()
        }

        /// Encodes the link and its kept members.
        public func encode(to encoder: any Encoder) throws {
            var object = FHIRObjectEncoder(encoder)
            try object.encode(id, "id")
            try object.encode(`extension`, "extension")
            try object.encode(modifierExtension, "modifierExtension")
            try object.encode(relation, "relation")
            try object.encode(url, "url")
            try object.finish(with: additionalMembers)
        }
    }
}
