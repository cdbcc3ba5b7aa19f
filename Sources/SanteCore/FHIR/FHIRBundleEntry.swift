extension FHIRBundle {
    /// One entry of a Bundle: a resource, and/or the request or response that goes with it.
    public struct Entry: FHIRBackboneElement {
        /// The element's `id`.
        public var id: String?
        /// The element's extensions.
        public var `extension`: [FHIRExtension]
        /// Extensions that change the meaning of the entry.
        public var modifierExtension: [FHIRExtension]
        /// Links about this entry.
        public var link: [Link]
        /// The absolute URL of the resource, or a `urn:uuid:` inside a transaction.
        public var fullUrl: FHIRURI?
        /// The resource, kept as JSON; decode it with ``AnyFHIRResource/decode(as:)``.
        public var resource: AnyFHIRResource?
        /// Why the entry is in a search result.
        public var search: Search?
        /// The request to perform, in a transaction or batch.
        public var request: Request?
        /// The result of the request, in a transaction or batch response.
        public var response: Response?
        /// Members not modelled here.
        public var additionalMembers: [String: JSONValue] = [:]

        /// Creates an entry.
        ///
        /// - Parameters:
        ///   - fullUrl: The absolute URL of the resource, or a `urn:uuid:`.
        ///   - resource: The resource.
        ///   - search: Why the entry is in a search result.
        ///   - request: The request to perform.
        ///   - response: The result of the request.
        public init(
            fullUrl: FHIRURI? = nil,
            resource: AnyFHIRResource? = nil,
            search: Search? = nil,
            request: Request? = nil,
            response: Response? = nil
        ) {
            self.fullUrl = fullUrl
            self.resource = resource
            self.search = search
            self.request = request
            self.response = response
            self.link = []
            self.extension = []
            self.modifierExtension = []
        }

        /// Decodes the entry, keeping unknown members.
        public init(from decoder: any Decoder) throws {
            var object = try FHIRObjectDecoder(decoder)
            id = try object.optional("id")
            `extension` = try object.array("extension")
            modifierExtension = try object.array("modifierExtension")
            link = try object.array("link")
            fullUrl = try object.optional("fullUrl")
            resource = try object.optional("resource")
            search = try object.optional("search")
            request = try object.optional("request")
            response = try object.optional("response")
            additionalMembers = try object.remainingMembers()
        }

        /// Encodes the entry and its kept members.
        public func encode(to encoder: any Encoder) throws {
            var object = FHIRObjectEncoder(encoder)
            try object.encode(id, "id")
            try object.encode(`extension`, "extension")
            try object.encode(modifierExtension, "modifierExtension")
            try object.encode(link, "link")
            try object.encode(fullUrl, "fullUrl")
            try object.encode(resource, "resource")
            try object.encode(search, "search")
            try object.encode(request, "request")
            try object.encode(response, "response")
            try object.finish(with: additionalMembers)
        }
    }
}
