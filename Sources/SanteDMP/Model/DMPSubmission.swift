public import SanteCore

/// An ITI-65 "Provide Document Bundle": a submission set, its documents, their contents (Binary) and
/// folders, as one FHIR `transaction` Bundle.
///
/// Decoding a Bundle keeps every entry and every member; ``bundle()`` writes it back exactly.
public struct DMPSubmission: Hashable, Sendable {
    /// One entry of the transaction.
    public enum Entry: Hashable, Sendable {
        /// The submission set.
        case submissionSet(DMPSubmissionSet)
        /// A document entry.
        case document(DMPDocumentEntry)
        /// A folder.
        case folder(DMPFolder)
        /// Any other resource (a Binary, a PATCH `Parameters`…), kept as JSON.
        case other(AnyFHIRResource)
        /// An entry without a resource (such as a transaction-response entry).
        case empty
    }

    /// The Bundle's members other than entries' resources (kept so the Bundle round-trips).
    public var bundleShell: FHIRBundle
    /// The entries' resources, in the Bundle's order (entry `fullUrl` and `request` stay in
    /// ``bundleShell``).
    public var entries: [Entry]

    /// Reads a transaction Bundle.
    /// - Parameter bundle: The Bundle.
    /// - Throws: ``DMPError`` with reason ``DMPError/Reason/decoding`` when a DocumentReference or List
    ///   does not decode.
    public init(bundle: FHIRBundle) throws(DMPError) {
        bundleShell = bundle
        entries = []
        for (index, entry) in bundle.entry.enumerated() {
            guard let resource = entry.resource else {
                entries.append(.empty)
                continue
            }
            do {
                entries.append(try Self.entry(for: resource))
            } catch {
                var failure = DMPError.wrap(error, operation: "dmp.decode")
                failure.message = "entry[\(index)]: " + failure.message
                throw failure
            }
        }
    }

    /// Creates a submission from parts (see ``DMPPublication`` for the usual way).
    /// - Parameters:
    ///   - bundle: The Bundle shell: type, entries with `fullUrl` and `request`.
    ///   - entries: The resources, one per Bundle entry.
    public init(bundleShell bundle: FHIRBundle, entries: [Entry]) {
        self.bundleShell = bundle
        self.entries = entries
    }

    /// The submission set, when there is one.
    public var submissionSet: DMPSubmissionSet? {
        for case .submissionSet(let set) in entries { return set }
        return nil
    }

    /// The document entries.
    public var documents: [DMPDocumentEntry] {
        entries.compactMap { if case .document(let document) = $0 { document } else { nil } }
    }

    /// The folders.
    public var folders: [DMPFolder] {
        entries.compactMap { if case .folder(let folder) = $0 { folder } else { nil } }
    }

    /// The Bundle, with each entry's resource written from ``entries``.
    /// - Returns: The Bundle.
    /// - Throws: ``DMPError`` when a resource cannot be written.
    public func bundle() throws(DMPError) -> FHIRBundle {
        var bundle = bundleShell
        for (index, entry) in entries.enumerated() where index < bundle.entry.count {
            do {
                switch entry {
                case .submissionSet(let set): bundle.entry[index].resource = try AnyFHIRResource(set.resource)
                case .document(let document): bundle.entry[index].resource = try AnyFHIRResource(document.resource)
                case .folder(let folder): bundle.entry[index].resource = try AnyFHIRResource(folder.resource)
                case .other(let resource): bundle.entry[index].resource = resource
                case .empty: bundle.entry[index].resource = nil
                }
            } catch {
                throw DMPError.wrap(error, operation: "dmp.encode")
            }
        }
        return bundle
    }

    static func entry(for resource: AnyFHIRResource) throws -> Entry {
        switch resource.resourceType {
        case PDSmDocumentReference.resourceType:
            return .document(DMPDocumentEntry(resource: try resource.decode(as: PDSmDocumentReference.self)))
        case PDSmList.resourceType:
            let list = try resource.decode(as: PDSmList.self)
            if ListMapping.code(of: list) == "folder" { return .folder(DMPFolder(resource: list)) }
            return .submissionSet(DMPSubmissionSet(resource: list))
        default:
            return .other(resource)
        }
    }
}
