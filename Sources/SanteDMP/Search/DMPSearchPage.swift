public import Foundation
public import SanteCore

/// One page of search results, with what the server said about the search.
public struct DMPSearchPage<Item: Sendable & Hashable>: Sendable, Hashable {
    /// The matches on this page.
    public var items: [Item]
    /// The total number of matches, when the server gave it.
    public var total: Int?
    /// Warnings from the server (`OperationOutcome` entries with `search.mode = outcome`), such as an
    /// ignored parameter.
    public var warnings: [FHIROperationOutcome.Issue]
    /// The `next` link, followed as given.
    public var nextURL: URL?
    /// The raw Bundle.
    public var bundle: FHIRBundle

    /// Creates a page.
    /// - Parameters:
    ///   - items: The matches.
    ///   - total: The total number of matches.
    ///   - warnings: The server's warnings.
    ///   - nextURL: The `next` link.
    ///   - bundle: The raw Bundle.
    public init(
        items: [Item], total: Int?, warnings: [FHIROperationOutcome.Issue], nextURL: URL?, bundle: FHIRBundle
    ) {
        self.items = items
        self.total = total
        self.warnings = warnings
        self.nextURL = nextURL
        self.bundle = bundle
    }
}
