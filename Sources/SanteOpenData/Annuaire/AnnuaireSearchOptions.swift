public import Foundation

/// Settings every Annuaire Santé search shares: page size, delta synchronisation, includes.
public struct AnnuaireSearchOptions: Hashable, Sendable {
    /// The largest page size ANS advises (`_count`); larger pages have caused gateway errors.
    public static let maximumCount = 200

    /// Resources per page (`_count`), clamped to 1…200; `nil` uses the client's default (100).
    public var count: Int?
    /// Only resources changed since this instant (`_lastUpdated=ge…`), for delta synchronisation.
    public var lastUpdatedSince: Date?
    /// How the total is computed: `none`, `estimate` or `accurate` (`_total`).
    public var total: String?
    /// Referenced resources to include in the pages (`_include`, such as `PractitionerRole:organization`).
    public var includes: [String]
    /// Referring resources to include (`_revinclude`, such as `PractitionerRole:practitioner`).
    public var reverseIncludes: [String]
    /// Any other parameters, sent as given.
    public var additionalItems: [URLQueryItem]

    /// Creates options.
    /// - Parameters:
    ///   - count: Resources per page (1…200).
    ///   - lastUpdatedSince: Only resources changed since this instant.
    ///   - total: `none`, `estimate` or `accurate`.
    ///   - includes: `_include` values.
    ///   - reverseIncludes: `_revinclude` values.
    ///   - additionalItems: Other parameters.
    public init(
        count: Int? = nil,
        lastUpdatedSince: Date? = nil,
        total: String? = nil,
        includes: [String] = [],
        reverseIncludes: [String] = [],
        additionalItems: [URLQueryItem] = []
    ) {
        self.count = count
        self.lastUpdatedSince = lastUpdatedSince
        self.total = total
        self.includes = includes
        self.reverseIncludes = reverseIncludes
        self.additionalItems = additionalItems
    }

    /// The query items, with `defaultCount` when ``count`` is not set.
    func queryItems(defaultCount: Int) -> [URLQueryItem] {
        var items = [URLQueryItem(name: "_count", value: String(min(max(count ?? defaultCount, 1), Self.maximumCount)))]
        if let lastUpdatedSince {
            items.append(URLQueryItem(name: "_lastUpdated", value: "ge" + OpenDataTimestamp(lastUpdatedSince).rawValue))
        }
        if let total { items.append(URLQueryItem(name: "_total", value: total)) }
        items += includes.map { URLQueryItem(name: "_include", value: $0) }
        items += reverseIncludes.map { URLQueryItem(name: "_revinclude", value: $0) }
        return items + additionalItems
    }
}

/// Builds search parameters, skipping those not set.
struct SearchParameters {
    private(set) var items: [URLQueryItem] = []

    mutating func add(_ name: String, _ value: String?) {
        if let value { items.append(URLQueryItem(name: name, value: value)) }
    }

    mutating func add(_ name: String, _ value: Bool?) {
        add(name, value.map { $0 ? "true" : "false" })
    }
}
