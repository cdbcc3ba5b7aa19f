extension DMPClient {
    /// What a publication did.
    public enum PublishOutcome: Sendable, Hashable {
        /// The DMP stored the document now; the entry is the stored resource (with its id and version).
        case created(DMPDocumentEntry)
        /// The DMP already stored this document (same unique id, same size and SHA-1), from an earlier
        /// attempt whose answer was lost or from another sender: nothing new was stored.
        case alreadyStored(DMPDocumentEntry)

        /// The stored document entry, whichever the case.
        public var document: DMPDocumentEntry {
            switch self {
            case .created(let entry), .alreadyStored(let entry): entry
            }
        }

        /// Whether this call created the document.
        public var isCreated: Bool {
            if case .created = self { return true }
            return false
        }
    }
}
