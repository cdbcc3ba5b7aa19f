/// udata's JSON for resources, datasets and organization references, built for one request's server address.
///
/// Members are written in API v2's order; API v1 sorts every object's keys (``OrderedJSON/sortedKeys()``), as
/// Flask does, which gives exactly the recorded v1 key order.
struct CatalogueRenderer: Sendable {
    /// The server root as the client reached it, such as `http://127.0.0.1:49152`.
    let root: String
    /// The size and checksum of each resource's file, by resource id.
    let digests: [String: FileDigest]

    /// `<root>/data`.
    var serviceRoot: String { root + "/data" }

    /// A resource object (v2 member order).
    func resource(_ resource: CatalogueResource) -> OrderedJSON {
        let digest = digests[resource.id]
        let modified = HTTPDate.udataTimestamp(millisecondsSince1970: resource.lastModified)
        let created = HTTPDate.udataTimestamp(millisecondsSince1970: resource.createdAt)
        let checksum: OrderedJSON =
            digest.map {
                .object([
                    OrderedJSON.Member("type", .string(resource.checksumKind.rawValue)),
                    OrderedJSON.Member("value", .string($0.checksum)),
                ])
            } ?? .null
        var extras: [OrderedJSON.Member] = []
        if let digest {
            extras = [
                OrderedJSON.Member("analysis:checksum", .string(digest.checksum)),
                OrderedJSON.Member("analysis:content-length", .int(digest.size)),
                OrderedJSON.Member(
                    "analysis:last-modified-at",
                    .string(HTTPDate.udataTimestamp(millisecondsSince1970: resource.lastModified / 1000 * 1000))),
                OrderedJSON.Member("analysis:last-modified-detection", .string("last-modified-header")),
                OrderedJSON.Member(
                    "analysis:mime-type", .string(resource.format == "csv" ? "text/plain" : resource.mime)),
                OrderedJSON.Member("check:available", .bool(true)),
                OrderedJSON.Member("check:date", .string(modified)),
                OrderedJSON.Member("check:headers:content-type", .string(resource.mime)),
                OrderedJSON.Member("check:status", .int(200)),
                OrderedJSON.Member("check:timeout", .bool(false)),
            ]
        }
        return .object([
            OrderedJSON.Member("id", .string(resource.id)),
            OrderedJSON.Member("title", .string(resource.title)),
            OrderedJSON.Member("description", .optional(resource.description)),
            OrderedJSON.Member("filetype", .string(resource.filetype)),
            OrderedJSON.Member("type", .string(resource.type)),
            OrderedJSON.Member("format", .string(resource.format)),
            OrderedJSON.Member("url", .string(fileURL(resource))),
            OrderedJSON.Member("latest", .string(latestURL(resource))),
            OrderedJSON.Member("checksum", checksum),
            OrderedJSON.Member("filesize", digest.map { .int($0.size) } ?? .null),
            OrderedJSON.Member("mime", .string(resource.mime)),
            OrderedJSON.Member("created_at", .string(created)),
            OrderedJSON.Member("last_modified", .string(modified)),
            OrderedJSON.Member("metrics", .object([OrderedJSON.Member("views", .int(resource.views))])),
            OrderedJSON.Member("harvest", .null),
            OrderedJSON.Member("geopf", .null),
            OrderedJSON.Member("extras", .object(extras)),
            OrderedJSON.Member(
                "preview_url",
                resource.isTabular ? .string("\(serviceRoot)/tabular/api/resources/\(resource.id)/") : .null),
            OrderedJSON.Member(
                "schema",
                .object([
                    OrderedJSON.Member("name", .null), OrderedJSON.Member("version", .null),
                    OrderedJSON.Member("url", .null),
                ])),
            OrderedJSON.Member(
                "internal",
                .object([
                    OrderedJSON.Member("created_at_internal", .string(created)),
                    OrderedJSON.Member("last_modified_internal", .string(modified)),
                ])),
        ])
    }

    /// The file's URL (the timestamped "static" URL).
    func fileURL(_ resource: CatalogueResource) -> String {
        "\(serviceRoot)/\(resource.path)"
    }

    /// The stable `latest` URL, which redirects to the file.
    func latestURL(_ resource: CatalogueResource) -> String {
        "\(serviceRoot)/api/1/datasets/r/\(resource.id)"
    }

    /// An organization as embedded in datasets, reuses and dataservices (v2 member order).
    func organizationReference(_ organization: CatalogueOrganization) -> OrderedJSON {
        .object([
            OrderedJSON.Member("badges", badges(organization)),
            OrderedJSON.Member("name", .string(organization.name)),
            OrderedJSON.Member("acronym", .optional(organization.acronym)),
            OrderedJSON.Member("slug", .string(organization.slug)),
            OrderedJSON.Member("logo", .null),
            OrderedJSON.Member("logo_thumbnail", .null),
            OrderedJSON.Member("page", .null),
            OrderedJSON.Member(
                "permissions",
                .object([
                    OrderedJSON.Member("edit", .bool(false)), OrderedJSON.Member("delete", .bool(false)),
                    OrderedJSON.Member("members", .bool(false)), OrderedJSON.Member("harvest", .bool(false)),
                    OrderedJSON.Member("private", .bool(false)),
                ])),
            OrderedJSON.Member("uri", .string("\(serviceRoot)/api/1/organizations/\(organization.slug)/")),
            OrderedJSON.Member("id", .string(organization.id)),
            OrderedJSON.Member("class", .string("Organization")),
        ])
    }

    /// `[{"kind": …}]`.
    func badges(_ organization: CatalogueOrganization) -> OrderedJSON {
        .array(organization.badges.map { .object([OrderedJSON.Member("kind", .string($0))]) })
    }

    /// A page object: `data`, `next_page`, `page`, `page_size`, `previous_page`, `total`.
    static func page(
        _ data: [OrderedJSON], page: Int, pageSize: Int, total: Int, next: String?, previous: String?
    ) -> OrderedJSON {
        .object([
            OrderedJSON.Member("data", .array(data)),
            OrderedJSON.Member("next_page", .optional(next)),
            OrderedJSON.Member("previous_page", .optional(previous)),
            OrderedJSON.Member("page", .int(page)),
            OrderedJSON.Member("page_size", .int(pageSize)),
            OrderedJSON.Member("total", .int(total)),
        ])
    }
}
