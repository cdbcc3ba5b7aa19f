extension FHIRBundle.Entry {
    /// Why an entry is in a search result, and how well it matched.
    public struct Search: FHIRBackboneElement {
        /// The element's `id`.
        public var id: String?
        /// The element's extensions.
        public var `extension`: [FHIRExtension]
        /// Extensions that change the meaning of the element.
        public var modifierExtension: [FHIRExtension]
        /// `match`, `include` or `outcome`.
        public var mode: FHIRBundle.SearchEntryMode?
        /// The server's relevance score.
        public var score: Double?
        /// Members not modelled here.
        public var additionalMembers: [String: JSONValue] = [:]

        /// Creates search information.
        ///
        /// - Parameters:
        ///   - mode: `match`, `include` or `outcome`.
        ///   - score: The relevance score.
        public init(mode: FHIRBundle.SearchEntryMode? = nil, score: Double? = nil) {
            self.mode = mode
            self.score = score
            self.extension = []
            self.modifierExtension = []
        }

        /// Decodes the element, keeping unknown members.
        public init(from decoder: any Decoder) throws {
            var object = try FHIRObjectDecoder(decoder)
            id = try object.optional("id")
            `extension` = try object.array("extension")
            modifierExtension = try object.array("modifierExtension")
            mode = try object.optional("mode")
            score = try object.optional("score")
            additionalMembers = try object.remainingMembers()
        }

        /// Encodes the element and its kept members.
        public func encode(to encoder: any Encoder) throws {
            var object = FHIRObjectEncoder(encoder)
            try object.encode(id, "id")
            try object.encode(`extension`, "extension")
            try object.encode(modifierExtension, "modifierExtension")
            try object.encode(mode, "mode")
            try object.encode(score, "score")
            try object.finish(with: additionalMembers)
        }
    }

    /// The request an entry asks for in a transaction or batch.
    public struct Request: FHIRBackboneElement {
        /// The element's `id`.
        public var id: String?
        /// The element's extensions.
        public var `extension`: [FHIRExtension]
        /// Extensions that change the meaning of the element.
        public var modifierExtension: [FHIRExtension]
        /// The HTTP method.
        public var method: FHIRBundle.HTTPVerb
        /// The URL relative to the server base, such as `"DocumentReference"` or `"List?identifier=…"`.
        public var url: FHIRURI
        /// `If-None-Match` for a cache-aware read.
        public var ifNoneMatch: String?
        /// `If-Modified-Since` for a cache-aware read.
        public var ifModifiedSince: FHIRInstant?
        /// `If-Match` for a version-aware update.
        public var ifMatch: String?
        /// `If-None-Exist` for a conditional create.
        public var ifNoneExist: String?
        /// Members not modelled here.
        public var additionalMembers: [String: JSONValue] = [:]

        /// Creates a request.
        ///
        /// - Parameters:
        ///   - method: The HTTP method.
        ///   - url: The URL relative to the server base.
        ///   - ifNoneExist: `If-None-Exist` for a conditional create.
        ///   - ifMatch: `If-Match` for a version-aware update.
        public init(method: FHIRBundle.HTTPVerb, url: FHIRURI, ifNoneExist: String? = nil, ifMatch: String? = nil) {
            self.method = method
            self.url = url
            self.ifNoneExist = ifNoneExist
            self.ifMatch = ifMatch
            self.extension = []
            self.modifierExtension = []
        }

        /// Decodes the element, keeping unknown members.
        public init(from decoder: any Decoder) throws {
            var object = try FHIRObjectDecoder(decoder)
            id = try object.optional("id")
            `extension` = try object.array("extension")
            modifierExtension = try object.array("modifierExtension")
            method = try object.required("method")
            url = try object.required("url")
            ifNoneMatch = try object.optional("ifNoneMatch")
            ifModifiedSince = try object.optional("ifModifiedSince")
            ifMatch = try object.optional("ifMatch")
            ifNoneExist = try object.optional("ifNoneExist")
            additionalMembers = try object.remainingMembers()
        }

        /// Encodes the element and its kept members.
        public func encode(to encoder: any Encoder) throws {
            var object = FHIRObjectEncoder(encoder)
            try object.encode(id, "id")
            try object.encode(`extension`, "extension")
            try object.encode(modifierExtension, "modifierExtension")
            try object.encode(method, "method")
            try object.encode(url, "url")
            try object.encode(ifNoneMatch, "ifNoneMatch")
            try object.encode(ifModifiedSince, "ifModifiedSince")
            try object.encode(ifMatch, "ifMatch")
            try object.encode(ifNoneExist, "ifNoneExist")
            try object.finish(with: additionalMembers)
        }
    }

    /// The result of an entry's request in a transaction or batch response.
    public struct Response: FHIRBackboneElement {
        /// The element's `id`.
        public var id: String?
        /// The element's extensions.
        public var `extension`: [FHIRExtension]
        /// Extensions that change the meaning of the element.
        public var modifierExtension: [FHIRExtension]
        /// The HTTP status, starting with the three-digit code, such as `"201 Created"`.
        public var status: String
        /// Where the created or updated resource lives, such as `"DocumentReference/1/_history/1"`.
        public var location: FHIRURI?
        /// The ETag of the resource.
        public var etag: String?
        /// When the resource was last modified.
        public var lastModified: FHIRInstant?
        /// An `OperationOutcome` with hints and warnings, or errors in a batch.
        public var outcome: AnyFHIRResource?
        /// Members not modelled here.
        public var additionalMembers: [String: JSONValue] = [:]

        /// Creates a response.
        ///
        /// - Parameters:
        ///   - status: The HTTP status, such as `"201 Created"`.
        ///   - location: Where the resource lives.
        ///   - etag: The ETag.
        ///   - lastModified: When the resource was last modified.
        ///   - outcome: An `OperationOutcome`.
        public init(
            status: String,
            location: FHIRURI? = nil,
            etag: String? = nil,
            lastModified: FHIRInstant? = nil,
            outcome: AnyFHIRResource? = nil
        ) {
            self.status = status
            self.location = location
            self.etag = etag
            self.lastModified = lastModified
            self.outcome = outcome
            self.extension = []
            self.modifierExtension = []
        }

        /// The three-digit HTTP status code at the start of ``status``, when there is one.
        public var statusCode: Int? {
            let digits = status.prefix { $0.isASCII && $0.isNumber }
            return digits.count == 3 ? Int(digits) : nil
        }

        /// Decodes the element, keeping unknown members.
        public init(from decoder: any Decoder) throws {
            var object = try FHIRObjectDecoder(decoder)
            id = try object.optional("id")
            `extension` = try object.array("extension")
            modifierExtension = try object.array("modifierExtension")
            status = try object.required("status")
            location = try object.optional("location")
            etag = try object.optional("etag")
            lastModified = try object.optional("lastModified")
            outcome = try object.optional("outcome")
            additionalMembers = try object.remainingMembers()
        }

        /// Encodes the element and its kept members.
        public func encode(to encoder: any Encoder) throws {
            var object = FHIRObjectEncoder(encoder)
            try object.encode(id, "id")
            try object.encode(`extension`, "extension")
            try object.encode(modifierExtension, "modifierExtension")
            try object.encode(status, "status")
            try object.encode(location, "location")
            try object.encode(etag, "etag")
            try object.encode(lastModified, "lastModified")
            try object.encode(outcome, "outcome")
            try object.finish(with: additionalMembers)
        }
    }
}
