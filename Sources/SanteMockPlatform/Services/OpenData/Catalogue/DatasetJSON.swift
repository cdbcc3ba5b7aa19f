extension CatalogueRenderer {
    /// A dataset as API v1 writes it: every resource embedded, keys sorted.
    func datasetV1(_ dataset: CatalogueDataset) -> OrderedJSON {
        var members = datasetMembers(dataset)
        members.append(OrderedJSON.Member("resources", .array(dataset.resources.map(resource))))
        members.append(OrderedJSON.Member("schema", .null))
        return OrderedJSON.object(members).sortedKeys()
    }

    /// A dataset as API v2 writes it: `resources` and `community_resources` are links to paginated lists.
    func datasetV2(_ dataset: CatalogueDataset) -> OrderedJSON {
        var members = datasetMembers(dataset)
        let resources = OrderedJSON.object([
            OrderedJSON.Member("rel", .string("subsection")),
            OrderedJSON.Member(
                "href", .string("\(serviceRoot)/api/2/datasets/\(dataset.id)/resources/?page=1&page_size=50")),
            OrderedJSON.Member("type", .string("GET")),
            OrderedJSON.Member("total", .int(dataset.resources.count)),
        ])
        let community = OrderedJSON.object([
            OrderedJSON.Member("rel", .string("subsection")),
            OrderedJSON.Member(
                "href",
                .string(
                    "\(serviceRoot)/api/1/datasets/community_resources/?dataset=\(dataset.id)&page=1&page_size=50")),
            OrderedJSON.Member("type", .string("GET")),
            OrderedJSON.Member("total", .int(0)),
        ])
        if let index = members.firstIndex(where: { $0.key == "badges" }) {
            members.insert(OrderedJSON.Member("community_resources", community), at: index + 1)
            members.insert(OrderedJSON.Member("resources", resources), at: index + 1)
        }
        return .object(members)
    }

    /// The members both versions share, in v2 order.
    private func datasetMembers(_ dataset: CatalogueDataset) -> [OrderedJSON.Member] {
        let created = HTTPDate.udataTimestamp(millisecondsSince1970: dataset.createdAt)
        let modified = HTTPDate.udataTimestamp(millisecondsSince1970: dataset.lastModified)
        let temporal: OrderedJSON =
            dataset.temporalCoverage.map {
                .object([OrderedJSON.Member("start", .string($0.start)), OrderedJSON.Member("end", .string($0.end))])
            } ?? .null
        return [
            OrderedJSON.Member("id", .string(dataset.id)),
            OrderedJSON.Member("title", .string(dataset.title)),
            OrderedJSON.Member("acronym", .optional(dataset.acronym)),
            OrderedJSON.Member("slug", .string(dataset.slug)),
            OrderedJSON.Member("description", .string(dataset.description)),
            OrderedJSON.Member("description_short", .null),
            OrderedJSON.Member("created_at", .string(created)),
            OrderedJSON.Member("last_modified", .string(modified)),
            OrderedJSON.Member("deleted", .null),
            OrderedJSON.Member("private", .bool(false)),
            OrderedJSON.Member("tags", .strings(dataset.tags)),
            OrderedJSON.Member("badges", .array([])),
            OrderedJSON.Member("frequency", .string(dataset.frequency)),
            OrderedJSON.Member("frequency_date", .null),
            OrderedJSON.Member("extras", .object([])),
            OrderedJSON.Member(
                "metrics",
                .object([
                    OrderedJSON.Member("discussions", .int(dataset.discussions)),
                    OrderedJSON.Member("discussions_open", .int(0)),
                    OrderedJSON.Member("reuses", .int(dataset.reuses)),
                    OrderedJSON.Member("reuses_by_months", .int(0)),
                    OrderedJSON.Member("dataservices", .int(0)),
                    OrderedJSON.Member("followers", .int(dataset.followers)),
                    OrderedJSON.Member("followers_by_months", .int(0)),
                    OrderedJSON.Member("views", .int(dataset.views)),
                    OrderedJSON.Member("resources_downloads", .int(dataset.downloads)),
                ])),
            OrderedJSON.Member("organization", organizationReference(dataset.organization)),
            OrderedJSON.Member("owner", .null),
            OrderedJSON.Member("temporal_coverage", temporal),
            OrderedJSON.Member("spatial", .null),
            OrderedJSON.Member("license", .string("lov2")),
            OrderedJSON.Member("access_type", .string("open")),
            OrderedJSON.Member("access_audiences", .array([])),
            OrderedJSON.Member("access_type_reason_category", .null),
            OrderedJSON.Member("access_type_reason", .null),
            OrderedJSON.Member("authorization_request_url", .null),
            OrderedJSON.Member("uri", .string("\(serviceRoot)/api/1/datasets/\(dataset.slug)/")),
            OrderedJSON.Member("page", .null),
            OrderedJSON.Member(
                "last_update", .string(HTTPDate.udataTimestamp(millisecondsSince1970: dataset.lastUpdate))),
            OrderedJSON.Member("archived", .null),
            OrderedJSON.Member("doi", .null),
            OrderedJSON.Member("quality", quality(dataset)),
            OrderedJSON.Member("harvest", .null),
            OrderedJSON.Member("geopf", .null),
            OrderedJSON.Member(
                "internal",
                .object([
                    OrderedJSON.Member("created_at_internal", .string(created)),
                    OrderedJSON.Member("last_modified_internal", .string(modified)),
                ])),
            OrderedJSON.Member("contact_points", .array([])),
            OrderedJSON.Member("featured", .bool(false)),
            OrderedJSON.Member(
                "permissions",
                .object([
                    OrderedJSON.Member("delete", .bool(false)), OrderedJSON.Member("edit", .bool(false)),
                    OrderedJSON.Member("edit_resources", .bool(false)),
                ])),
        ]
    }

    private func quality(_ dataset: CatalogueDataset) -> OrderedJSON {
        let temporal = dataset.temporalCoverage != nil
        let checks: [(String, Bool)] = [
            ("license", true), ("temporal_coverage", temporal), ("spatial", false), ("update_frequency", true),
            ("dataset_description_quality", true), ("has_resources", true), ("has_open_format", true),
            ("all_resources_available", true), ("resources_documentation", false),
            ("update_fulfilled_in_time", false),
        ]
        let passed = checks.filter(\.1).count
        var members = checks.map { OrderedJSON.Member($0.0, .bool($0.1)) }
        members.append(OrderedJSON.Member("score", .number(Double(passed - 1) / 9)))
        return .object(members)
    }
}
