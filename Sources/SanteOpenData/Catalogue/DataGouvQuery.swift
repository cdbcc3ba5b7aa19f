public import Foundation

/// Filters and sorting for a data.gouv.fr listing (datasets, organizations, reuses, dataservices).
///
/// Only the members that are set are sent. Dataset-only filters (``tags``, ``organization``, ``format``…)
/// are ignored by the other listings' servers.
public struct DataGouvQuery: Hashable, Sendable {
    /// Full-text search (`q`).
    public var text: String?
    /// The sort key, such as `title`, `created`, `last_update`, `reuses`, `followers` or `views`; a leading
    /// `-` sorts in descending order (`-last_update`).
    public var sort: String?
    /// The number of items per page (the server's default is 20; it refuses zero or less with a 400).
    public var pageSize: Int?
    /// Datasets with every one of these tags (`tag`, repeated).
    public var tags: [String]
    /// Datasets of this organization (id).
    public var organization: String?
    /// Datasets with a resource of this format, such as `csv`.
    public var format: String?
    /// Datasets following this schema.
    public var schema: String?
    /// Datasets under this license id.
    public var license: String?
    /// Datasets covering this geographic zone.
    public var geozone: String?
    /// Objects with this badge.
    public var badge: String?
    /// Datasets of this topic.
    public var topic: String?
    /// Any other query items, sent as given.
    public var additionalItems: [URLQueryItem]

    /// Creates a query.
    /// - Parameters:
    ///   - text: Full-text search.
    ///   - sort: The sort key (`-` for descending).
    ///   - pageSize: Items per page.
    ///   - tags: Required tags.
    ///   - organization: An organization id.
    ///   - format: A resource format.
    ///   - schema: A schema name.
    ///   - license: A license id.
    ///   - geozone: A geographic zone id.
    ///   - badge: A badge kind.
    ///   - topic: A topic id.
    ///   - additionalItems: Other query items.
    public init(
        text: String? = nil,
        sort: String? = nil,
        pageSize: Int? = nil,
        tags: [String] = [],
        organization: String? = nil,
        format: String? = nil,
        schema: String? = nil,
        license: String? = nil,
        geozone: String? = nil,
        badge: String? = nil,
        topic: String? = nil,
        additionalItems: [URLQueryItem] = []
    ) {
        self.text = text
        self.sort = sort
        self.pageSize = pageSize
        self.tags = tags
        self.organization = organization
        self.format = format
        self.schema = schema
        self.license = license
        self.geozone = geozone
        self.badge = badge
        self.topic = topic
        self.additionalItems = additionalItems
    }

    /// The query items, in a stable order.
    public var queryItems: [URLQueryItem] {
        var items: [URLQueryItem] = []
        func add(_ name: String, _ value: String?) {
            if let value { items.append(URLQueryItem(name: name, value: value)) }
        }
        add("q", text)
        add("sort", sort)
        add("page_size", pageSize.map(String.init))
        for tag in tags { add("tag", tag) }
        add("organization", organization)
        add("format", format)
        add("schema", schema)
        add("license", license)
        add("geozone", geozone)
        add("badge", badge)
        add("topic", topic)
        return items + additionalItems
    }
}
