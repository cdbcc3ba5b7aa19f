extension FHIRBundle {
    /// What a Bundle is for (FHIR `BundleType`).
    public struct BundleType: FHIRCodeValue {
        /// The code's string form.
        public let rawValue: String

        /// Creates a Bundle type from its code.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// A FHIR document: a Composition first, then the resources it references.
        public static let document = BundleType(rawValue: "document")
        /// A message: a MessageHeader first.
        public static let message = BundleType(rawValue: "message")
        /// A transaction: every entry succeeds or none does.
        public static let transaction = BundleType(rawValue: "transaction")
        /// The response to a transaction.
        public static let transactionResponse = BundleType(rawValue: "transaction-response")
        /// A batch: entries succeed or fail one by one.
        public static let batch = BundleType(rawValue: "batch")
        /// The response to a batch.
        public static let batchResponse = BundleType(rawValue: "batch-response")
        /// A history of versions.
        public static let history = BundleType(rawValue: "history")
        /// A page of search results.
        public static let searchset = BundleType(rawValue: "searchset")
        /// Any set of resources.
        public static let collection = BundleType(rawValue: "collection")
    }

    /// Why an entry is in a search result (FHIR `SearchEntryMode`).
    public struct SearchEntryMode: FHIRCodeValue {
        /// The code's string form.
        public let rawValue: String

        /// Creates a search entry mode from its code.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The resource matched the search.
        public static let match = SearchEntryMode(rawValue: "match")
        /// The resource was included (`_include`, `_revinclude`).
        public static let include = SearchEntryMode(rawValue: "include")
        /// An OperationOutcome about the search.
        public static let outcome = SearchEntryMode(rawValue: "outcome")
    }

    /// The HTTP method of a transaction or batch entry (FHIR `HTTPVerb`).
    public struct HTTPVerb: FHIRCodeValue {
        /// The code's string form.
        public let rawValue: String

        /// Creates an HTTP verb from its code.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// `GET`.
        public static let get = HTTPVerb(rawValue: "GET")
        /// `HEAD`.
        public static let head = HTTPVerb(rawValue: "HEAD")
        /// `POST`.
        public static let post = HTTPVerb(rawValue: "POST")
        /// `PUT`.
        public static let put = HTTPVerb(rawValue: "PUT")
        /// `DELETE`.
        public static let delete = HTTPVerb(rawValue: "DELETE")
        /// `PATCH`.
        public static let patch = HTTPVerb(rawValue: "PATCH")
    }
}
