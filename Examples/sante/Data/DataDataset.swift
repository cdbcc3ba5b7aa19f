import ArgumentParser
import Foundation
import SanteKit

/// `sante data dataset ID|SLUG`: one dataset and its resources.
struct DataDataset: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dataset",
        abstract: "Show one dataset and its resources (files), by id or slug.",
        discussion: """
            With --json, prints the dataset as the catalogue gives it (API v1, resources included). \
            --base-url names a udata server's root, the part before /api/1.
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var source: DataSourceOptions

    @Argument(help: "The dataset's id (preferred: slugs change) or slug.")
    var dataset: String

    func validate() throws {
        guard !dataset.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ArgumentParser.ValidationError("the dataset id must not be empty")
        }
    }

    func run() async throws {
        let found = try await DataContext.with(global: options, source: source, baseURLKind: .catalogue) { context in
            do {
                return try await context.catalogue().dataset(dataset)
            } catch let error as OpenDataError where error.reason == .notFound {
                throw OperationFailed(reason: "no dataset \"\(dataset)\" in the catalogue (HTTP 404) [not_found]")
            } catch let error as OpenDataError where error.reason == .gone {
                throw OperationFailed(reason: "the dataset \"\(dataset)\" was deleted (HTTP 410) [gone]")
            } catch {
                throw DataFailure.exitError(for: error, action: "dataset")
            }
        }
        if options.json {
            try Terminal.json(found)
        } else {
            Self.print(found)
        }
    }

    /// Prints a dataset as readable lines.
    static func print(_ dataset: DataGouvDataset) {
        let title = dataset.title ?? dataset.id
        Terminal.result(title + (dataset.acronym.map { " (\($0))" } ?? ""))
        func fact(_ name: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            Terminal.result("  " + DataFormatting.padded(name, 14) + value)
        }
        fact("id", dataset.id)
        fact("slug", dataset.slug)
        fact("organization", dataset.organization?.name)
        fact("frequency", dataset.frequency)
        fact("last update", dataset.lastUpdate.map { DataFormatting.day($0) })
        fact("license", dataset.license)
        if let coverage = dataset.temporalCoverage {
            fact("covers", "\(DataFormatting.day(coverage.start)) to \(DataFormatting.day(coverage.end))")
        }
        fact("tags", dataset.tags.joined(separator: ", "))
        fact("about", DataFormatting.firstLine(dataset.description))
        Terminal.result("")
        let resources = dataset.resources
        Terminal.result("Resources (\(resources.count))")
        for resource in resources {
            let size = resource.filesize.map(DataFormatting.bytes) ?? "size ?"
            let checksum = resource.checksum.map { $0.type } ?? "no checksum"
            Terminal.result(
                "  \(resource.id)  \(resource.title ?? "?")  \(resource.format ?? "?")  \(size)  \(checksum)"
                    + "  \(DataFormatting.day(resource.lastModified))")
        }
        if resources.isEmpty, let link = dataset.resourcesLink {
            Terminal.result("  \(link.total ?? 0) resources at \(link.href)")
        }
    }
}
