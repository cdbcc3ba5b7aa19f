public import Foundation
import HTTPTypes
public import SanteCore
import SanteHTTP

extension DMPClient {
    /// Finds a patient's document entries (ITI-67), page after page, following the server's `next` links
    /// as given. Nothing is fetched until you iterate.
    ///
    /// - Parameter query: The search; its patient must be a qualified identity.
    /// - Returns: The entries, fetched lazily; iterating throws ``DMPError``.
    /// - Throws: ``DMPError`` with reason ``DMPError/Reason/unqualifiedIdentity`` at once, before any
    ///   request, when the patient's identity is not qualified.
    public func findDocuments(_ query: DMPDocumentQuery) throws(DMPError) -> PagedSequence<DMPDocumentEntry, URL> {
        let pages = try findDocumentPages(query)
        return PagedSequence { cursor in
            let page = try await pages.fetch(cursor)
            return Page(items: page.items, nextCursor: page.nextURL)
        }
    }

    /// Finds a patient's document entries (ITI-67) page by page, with the total and the server's warnings.
    /// - Parameter query: The search.
    /// - Returns: The pages, fetched lazily.
    /// - Throws: ``DMPError`` (``DMPError/Reason/unqualifiedIdentity``) before any request.
    public func findDocumentPages(_ query: DMPDocumentQuery) throws(DMPError) -> DMPSearchPages<DMPDocumentEntry> {
        try Self.checkPatient(query.patient, operation: "dmp.findDocuments")
        let items = query.queryItems(defaultCount: configuration.pageSize)
        let requester = self.requester
        let post = configuration.searchesWithPost
        return DMPSearchPages { cursor in
            try await requester.searchPage(
                "DocumentReference", items, cursor: cursor, post: post, operation: "dmp.findDocuments"
            ) { resource in
                DMPDocumentEntry(resource: try resource.decode(as: PDSmDocumentReference.self))
            }
        }
    }

    /// Finds a patient's submission sets (ITI-66), page after page.
    /// - Parameter query: The search (its ``DMPListQuery/kind`` is forced to submission sets).
    /// - Returns: The submission sets, fetched lazily.
    /// - Throws: ``DMPError`` (``DMPError/Reason/unqualifiedIdentity``) before any request.
    public func findSubmissionSets(_ query: DMPListQuery) throws(DMPError) -> PagedSequence<DMPSubmissionSet, URL> {
        var query = query
        query.kind = .submissionSet
        return try findLists(query, operation: "dmp.findSubmissionSets") { DMPSubmissionSet(resource: $0) }
    }

    /// Finds a patient's folders (ITI-66), page after page.
    /// - Parameter query: The search (its ``DMPListQuery/kind`` is forced to folders).
    /// - Returns: The folders, fetched lazily.
    /// - Throws: ``DMPError`` (``DMPError/Reason/unqualifiedIdentity``) before any request.
    public func findFolders(_ query: DMPListQuery) throws(DMPError) -> PagedSequence<DMPFolder, URL> {
        var query = query
        query.kind = .folder
        return try findLists(query, operation: "dmp.findFolders") { DMPFolder(resource: $0) }
    }

    private func findLists<Item: Sendable & Hashable>(
        _ query: DMPListQuery, operation: String, _ make: @escaping @Sendable (PDSmList) -> Item
    ) throws(DMPError) -> PagedSequence<Item, URL> {
        try Self.checkPatient(query.patient, operation: operation)
        let items = query.queryItems(defaultCount: configuration.pageSize)
        let requester = self.requester
        let post = configuration.searchesWithPost
        return PagedSequence { cursor in
            let page = try await requester.searchPage("List", items, cursor: cursor, post: post, operation: operation) {
                make(try $0.decode(as: PDSmList.self))
            }
            return Page(items: page.items, nextCursor: page.nextURL)
        }
    }

    /// The document entry with an id (`GET DocumentReference/<id>`).
    /// - Parameter id: The entry's id (entry UUID).
    /// - Returns: The entry.
    /// - Throws: ``DMPError``: ``DMPError/Reason/notFound`` when absent or hidden from the caller,
    ///   ``DMPError/Reason/gone`` when deleted.
    public func document(id: String) async throws(DMPError) -> DMPDocumentEntry {
        let operation = "dmp.readDocument"
        let request = try requester.request(
            .get, "DocumentReference/\(try Self.pathSegment(id, operation: operation))", operation: operation)
        let (_, resource) = try await requester.decode(
            PDSmDocumentReference.self, request, options: RequestOptions(operation: operation))
        return DMPDocumentEntry(resource: resource)
    }

    /// The document entry with a unique id (`masterIdentifier`), current or superseded.
    /// - Parameters:
    ///   - uniqueId: The unique id.
    ///   - patient: The patient's qualified INS.
    /// - Returns: The entry, or `nil` when the DMP has none visible to the caller.
    /// - Throws: ``DMPError``.
    public func document(uniqueId: FHIRIdentifier, patient: INS) async throws(DMPError) -> DMPDocumentEntry? {
        var query = DMPDocumentQuery(patient: patient, statuses: [.current, .superseded])
        query.identifiers = [uniqueId]
        let pages = try findDocumentPages(query)
        let page: DMPSearchPage<DMPDocumentEntry>
        do {
            page = try await pages.fetch(nil)
        } catch {
            throw DMPError.wrap(error, operation: "dmp.findDocuments")
        }
        // Only an exact match counts: a server that ignored `identifier` must not make another document pass
        // for this one.
        return page.items.first { $0.uniqueId?.system == uniqueId.system && $0.uniqueId?.value == uniqueId.value }
    }

    /// A submission set or folder by id (`GET List/<id>`).
    /// - Parameter id: The list's id.
    /// - Returns: The list.
    /// - Throws: ``DMPError``.
    public func list(id: String) async throws(DMPError) -> PDSmList {
        let operation = "dmp.readList"
        let request = try requester.request(
            .get, "List/\(try Self.pathSegment(id, operation: operation))", operation: operation)
        return try await requester.decode(PDSmList.self, request, options: RequestOptions(operation: operation)).1
    }

    /// A FHIR id checked for use as a path segment.
    static func pathSegment(_ id: String, operation: String) throws(DMPError) -> String {
        let allowed = id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
        guard !id.isEmpty, id.count <= 64, allowed else {
            throw DMPError(
                reason: .validationFailed, message: "the id is not a valid FHIR id", operation: operation,
                validationIssues: [ValidationIssue(field: "id", reason: "must be 1-64 of A-Z a-z 0-9 - .")])
        }
        return id
    }
}

/// Search pages fetched lazily, following `next` links as given.
public struct DMPSearchPages<Item: Sendable & Hashable>: AsyncSequence, Sendable {
    /// One page.
    public typealias Element = DMPSearchPage<Item>
    /// Fetches the page at a cursor (`nil` for the first).
    let fetch: @Sendable (URL?) async throws -> DMPSearchPage<Item>

    init(fetch: @escaping @Sendable (URL?) async throws -> DMPSearchPage<Item>) {
        self.fetch = fetch
    }

    /// Starts at the first page.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(fetch: fetch)
    }

    /// Iterates the pages.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let fetch: @Sendable (URL?) async throws -> DMPSearchPage<Item>
        var cursor: URL?
        var finished = false

        init(fetch: @escaping @Sendable (URL?) async throws -> DMPSearchPage<Item>) {
            self.fetch = fetch
        }

        /// The next page, or `nil` after the last.
        /// - Throws: ``DMPError``.
        public mutating func next() async throws -> DMPSearchPage<Item>? {
            guard !finished else { return nil }
            let page = try await fetch(cursor)
            if let next = page.nextURL, next != cursor {
                cursor = next
            } else {
                finished = true
            }
            return page
        }
    }
}

extension DMPRequester {
    /// Fetches one search page: the first from the parameters, the next ones from the `next` link.
    func searchPage<Item: Sendable & Hashable>(
        _ resourceType: String,
        _ items: [URLQueryItem],
        cursor: URL?,
        post: Bool,
        operation: String,
        _ make: (AnyFHIRResource) throws -> Item
    ) async throws(DMPError) -> DMPSearchPage<Item> {
        let request: HTTPRequest
        var body: HTTPBody?
        var options = RequestOptions(operation: operation)
        if let cursor {
            request = try self.request(.get, cursor.absoluteString, operation: operation)
        } else if post {
            var headers = HTTPFields()
            headers[.contentType] = "application/x-www-form-urlencoded"
            request = try self.request(.post, "\(resourceType)/_search", headers: headers, operation: operation)
            body = HTTPBody(FormEncoding.encode(items))
            // A search changes nothing on the server: repeating it is safe.
            options.retryEligibility = .always
        } else {
            request = try self.request(.get, resourceType, query: items, operation: operation)
        }
        let (_, bundle) = try await decode(FHIRBundle.self, request, body: body, options: options)
        var results: [Item] = []
        var warnings: [FHIROperationOutcome.Issue] = []
        for (index, entry) in bundle.entry.enumerated() {
            guard let resource = entry.resource else { continue }
            if resource.resourceType == FHIROperationOutcome.resourceType {
                if let outcome = try? resource.decode(as: FHIROperationOutcome.self) {
                    warnings.append(contentsOf: outcome.issue)
                }
                continue
            }
            guard resource.resourceType == resourceType, entry.search?.mode != .include else { continue }
            do {
                results.append(try make(resource))
            } catch {
                var failure = DMPError.wrap(error, operation: operation)
                failure.message = "entry[\(index)]: " + failure.message
                throw failure
            }
        }
        return DMPSearchPage(
            items: results, total: bundle.total, warnings: warnings, nextURL: bundle.nextURL, bundle: bundle)
    }
}
