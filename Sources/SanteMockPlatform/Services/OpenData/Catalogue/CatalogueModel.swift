import Foundation

/// A dataset of the mock catalogue (the fields the mock varies; the rest of udata's dataset object is fixed).
struct CatalogueDataset: Sendable {
    let id: String
    let slug: String
    let title: String
    let acronym: String?
    let description: String
    let organization: CatalogueOrganization
    let frequency: String
    let tags: [String]
    /// Milliseconds since 1970.
    let createdAt: Int64
    /// Milliseconds since 1970 (udata's `last_modified`, the metadata's).
    let lastModified: Int64
    let temporalCoverage: (start: String, end: String)?
    let views: Int
    let downloads: Int
    let followers: Int
    let reuses: Int
    let discussions: Int
    let resources: [CatalogueResource]

    /// udata's `last_update`: the latest change of a resource.
    var lastUpdate: Int64 { resources.map(\.lastModified).max() ?? lastModified }

    /// Whether the text search `q` matches: every word of the query (accents and case ignored) is a word of the
    /// title, acronym, description, slug, tags or organization name.
    func matches(search words: [String]) -> Bool {
        let haystack = Set(
            CatalogueText.words(
                [title, acronym ?? "", description, slug, tags.joined(separator: " "), organization.name]
                    .joined(separator: " ")))
        return words.allSatisfy { haystack.contains($0) }
    }
}

/// A resource (a file) of a dataset.
struct CatalogueResource: Sendable {
    let id: String
    let title: String
    let description: String?
    let file: OpenDataFile
    /// The file's path under the service prefix, such as `files/<slug>/20230713-135038/vacsi-fra.csv`.
    let path: String
    let format: String
    let mime: String
    /// `main`, `documentation`, `update`, `api`, `code` or `other`.
    let type: String
    /// `file` (uploaded) or `remote`.
    let filetype: String
    let checksumKind: ChecksumKind
    /// Milliseconds since 1970.
    let createdAt: Int64
    /// Milliseconds since 1970; also the file's `Last-Modified`.
    let lastModified: Int64
    let views: Int
    /// Whether the tabular API serves the file (and the resource has a `preview_url`).
    let isTabular: Bool
}

/// An organization (a producer).
struct CatalogueOrganization: Sendable {
    let id: String
    let name: String
    let acronym: String?
    let slug: String
    let description: String
    let businessNumber: String?
    let badges: [String]
    let createdAt: Int64
    let lastModified: Int64
}

/// A reuse (an application or visualisation built on datasets).
struct CatalogueReuse: Sendable {
    let id: String
    let slug: String
    let title: String
    let description: String
    let type: String
    let topic: String
    let url: String
    let datasetSlugs: [String]
    let organization: CatalogueOrganization
    let tags: [String]
    let createdAt: Int64
    let lastModified: Int64
    let views: Int
}

/// A dataservice (an API), whose base URL may be one of the mock's own services.
struct CatalogueDataservice: Sendable {
    let id: String
    let slug: String
    let title: String
    let acronym: String?
    let description: String
    let organization: CatalogueOrganization
    /// The API's base path on the mock server, such as `/annuaire/fhir/v2`.
    let basePath: String
    let technicalDocumentationURL: String?
    let accessType: String
    let rateLimiting: String?
    let availability: Double?
    let tags: [String]
    let createdAt: Int64
}

/// Text folding for the catalogue search.
enum CatalogueText {
    /// Lower case, without accents.
    static func fold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
    }

    /// The words of a search query, folded.
    static func words(_ query: String) -> [String] {
        fold(query).split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// Milliseconds since 1970 of a UTC date and time.
    static func milliseconds(
        _ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0,
        _ millisecond: Int = 0
    ) -> Int64 {
        let days = HTTPDate.daysSince1970(year: year, month: month, day: day)
        return (days * 86_400 + Int64(hour * 3600 + minute * 60 + second)) * 1000 + Int64(millisecond)
    }
}
