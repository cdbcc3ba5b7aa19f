import ArgumentParser
import Foundation
import SanteKit

/// `sante data datasets`: the catalogue's datasets, searched and listed.
struct DataDatasets: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasets",
        abstract: "List the catalogue's datasets, optionally matching a search.",
        discussion: """
            --base-url names a udata server's root, the part before /api/1 (such as https://www.data.gouv.fr).
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var source: DataSourceOptions

    @Option(name: .long, help: "Full-text search (the catalogue's `q`).")
    var query: String?

    @Option(name: .long, help: "Only datasets with this tag; repeatable.")
    var tag: [String] = []

    @Option(name: .long, help: "Only datasets of this organization (id).")
    var organization: String?

    @Option(name: .long, help: "Sort key: title, created, last_update, reuses, followers or views; '-' for descending.")
    var sort: String?

    @Option(name: .long, help: "The most datasets shown (default 20).")
    var limit: Int = 20

    func validate() throws {
        guard (1...1000).contains(limit) else {
            throw ArgumentParser.ValidationError("--limit must be between 1 and 1000, got \(limit)")
        }
    }

    func run() async throws {
        let listing = try await DataContext.with(global: options, source: source, baseURLKind: .catalogue) { context in
            do {
                return try await fetch(context.catalogue())
            } catch {
                throw DataFailure.exitError(for: error, action: "datasets")
            }
        }
        if options.json {
            try Terminal.json(listing)
        } else {
            print(listing)
        }
    }

    private func fetch(_ catalogue: DataGouvClient) async throws -> DatasetListing {
        let dataGouvQuery = DataGouvQuery(
            text: query, sort: sort, pageSize: min(limit, 100), tags: tag, organization: organization)
        let first = try await catalogue.datasetsPage(dataGouvQuery)
        var datasets = first.data.prefix(limit).map(DatasetSummary.init)
        if datasets.count < limit, first.nextPage != nil {
            datasets = []
            for try await dataset in catalogue.datasets(dataGouvQuery) {
                datasets.append(DatasetSummary(dataset))
                if datasets.count == limit { break }
            }
        }
        let total = first.total
        return DatasetListing(query: query, total: total ?? datasets.count, datasets: datasets)
    }

    private func print(_ listing: DatasetListing) {
        let what = listing.query.map { "matching \"\($0)\"" } ?? "in the catalogue"
        let shown = listing.datasets.count < listing.total ? ", \(listing.datasets.count) shown" : ""
        Terminal.result("\(listing.total) dataset\(listing.total == 1 ? "" : "s") \(what)\(shown)")
        for dataset in listing.datasets {
            Terminal.result("")
            Terminal.result("\(dataset.id)  \(dataset.title)")
            var facts: [String] = []
            if let organization = dataset.organization { facts.append(organization) }
            if let frequency = dataset.frequency { facts.append(frequency) }
            facts.append("updated \(dataset.lastUpdate ?? "?")")
            facts.append("\(dataset.resources) resource\(dataset.resources == 1 ? "" : "s")")
            Terminal.result("  " + facts.joined(separator: " · "))
            if let slug = dataset.slug { Terminal.result("  slug: \(slug)") }
        }
    }
}

/// What `sante data datasets --json` prints.
struct DatasetListing: Codable {
    /// The search text, if any.
    let query: String?
    /// How many datasets match (the catalogue's `total`).
    let total: Int
    /// The datasets shown.
    let datasets: [DatasetSummary]
}

/// One dataset of a listing.
struct DatasetSummary: Codable {
    let id: String
    let slug: String?
    let title: String
    let organization: String?
    let frequency: String?
    let lastUpdate: String?
    let tags: [String]
    /// The number of resources (from API v1's list, or API v2's link).
    let resources: Int

    init(_ dataset: DataGouvDataset) {
        id = dataset.id
        slug = dataset.slug
        title = dataset.title ?? dataset.id
        organization = dataset.organization?.name
        frequency = dataset.frequency
        lastUpdate = dataset.lastUpdate.map { DataFormatting.day($0) }
        tags = dataset.tags
        resources = dataset.resourcesLink?.total ?? dataset.resources.count
    }
}
