import HTTPTypes
import Hummingbird
import NIOCore

/// The tabular API under `/data/tabular/api` (api-tabular's shapes): `resources/{id}/` (metadata and links),
/// `resources/{id}/profile/` (csv-detective's profile) and `resources/{id}/data/` (filtered, sorted, paginated
/// rows, with absolute `links.next` and `links.prev`). Only resources with a `preview_url` are served; others get
/// `404: Not Found` as text, as aiohttp answers.
enum TabularRoutes {
    static func register(on group: RouterGroup<MockRequestContext>, environment: OpenDataEnvironment) {
        group.get("tabular/api/resources/:resource") { request, context in
            guard let (_, resource, _) = await table(context, environment) else { return notFound() }
            let base = "\(environment.root(request))/data/tabular/api/resources/\(resource.id)"
            let renderer = CatalogueRenderer(root: environment.root(request), digests: [:])
            return UdataResponses.raw(
                .object([
                    OrderedJSON.Member(
                        "created_at", .string(HTTPDate.udataTimestamp(millisecondsSince1970: resource.lastModified))),
                    OrderedJSON.Member("url", .string(renderer.fileURL(resource))),
                    OrderedJSON.Member(
                        "links",
                        .array(
                            ["profile", "data", "swagger"].map { relation in
                                .object([
                                    OrderedJSON.Member("href", .string("\(base)/\(relation)/")),
                                    OrderedJSON.Member("type", .string("GET")),
                                    OrderedJSON.Member("rel", .string(relation)),
                                ])
                            })),
                ]))
        }
        group.get("tabular/api/resources/:resource/profile") { _, context in
            guard let (dataset, _, table) = await table(context, environment) else { return notFound() }
            return UdataResponses.raw(profile(table, datasetID: dataset.id))
        }
        group.get("tabular/api/resources/:resource/data") { request, context in
            guard let (_, resource, table) = await table(context, environment) else { return notFound() }
            return data(request, resource: resource, table: table, environment: environment)
        }
    }

    private static func table(
        _ context: MockRequestContext, _ environment: OpenDataEnvironment
    ) async -> (CatalogueDataset, CatalogueResource, TabularTable)? {
        guard let found = HealthCatalogue.resource(context.parameters.get("resource") ?? ""),
            found.resource.isTabular, let table = await environment.store.table(found.resource.file)
        else {
            return nil
        }
        return (found.dataset, found.resource, table)
    }

    private static func data(
        _ request: Request, resource: CatalogueResource, table: TabularTable, environment: OpenDataEnvironment
    ) -> Response {
        let query = QueryString(request.uri.query)
        let parsed: TabularQuery
        do {
            parsed = try TabularQuery(query, table: table, resourceID: resource.id)
        } catch {
            return invalid(error.detail)
        }
        let matching = parsed.matchingRows(of: table)
        let start = (parsed.page - 1) * parsed.pageSize
        let pageRows =
            start < matching.count ? Array(matching[start..<min(matching.count, start + parsed.pageSize)]) : []
        let columns = parsed.selectedColumns ?? Array(table.columns.indices)
        let data = pageRows.map { index -> OrderedJSON in
            var members: [OrderedJSON.Member] = []
            if parsed.selectedColumns == nil {
                members.append(OrderedJSON.Member("__id", .int(index + 1)))
            }
            for column in columns {
                members.append(OrderedJSON.Member(table.columns[column].name, table.rows[index][column].json))
            }
            return .object(members)
        }
        let root = environment.root(request)
        let base = "\(root)/data/tabular/api/resources/\(resource.id)"
        let kept = query.arguments.filter { !$0.name.hasPrefix("page") }.map(\.raw)
        func link(_ page: Int) -> String {
            "\(root)\(request.uri.path)?"
                + (kept + ["page=\(page)", "page_size=\(parsed.pageSize)"]).joined(separator: "&")
        }
        return UdataResponses.raw(
            .object([
                OrderedJSON.Member("data", .array(data)),
                OrderedJSON.Member(
                    "links",
                    .object([
                        OrderedJSON.Member("profile", .string("\(base)/profile/")),
                        OrderedJSON.Member("swagger", .string("\(base)/swagger/")),
                        OrderedJSON.Member(
                            "next", start + parsed.pageSize < matching.count ? .string(link(parsed.page + 1)) : .null),
                        OrderedJSON.Member("prev", parsed.page > 1 ? .string(link(parsed.page - 1)) : .null),
                    ])),
                OrderedJSON.Member(
                    "meta",
                    .object([
                        OrderedJSON.Member("page", .int(parsed.page)),
                        OrderedJSON.Member("page_size", .int(parsed.pageSize)),
                        OrderedJSON.Member("total", .int(matching.count)),
                    ])),
            ]))
    }

    /// The csv-detective profile of a table.
    static func profile(_ table: TabularTable, datasetID: String) -> OrderedJSON {
        let columns = table.columns.map { column in
            OrderedJSON.Member(
                column.name,
                .object([
                    OrderedJSON.Member("score", .number(1.0)),
                    OrderedJSON.Member("format", .string(column.type.rawValue)),
                    OrderedJSON.Member("python_type", .string(column.type.rawValue)),
                ]))
        }
        return .object([
            OrderedJSON.Member(
                "profile",
                .object([
                    OrderedJSON.Member("header", .strings(table.columns.map(\.name))),
                    OrderedJSON.Member("columns", .object(columns)),
                    OrderedJSON.Member("encoding", .string("utf-8")),
                    OrderedJSON.Member("separator", .string(String(UnicodeScalar(table.separator)))),
                    OrderedJSON.Member("header_row_idx", .int(0)),
                    OrderedJSON.Member("total_lines", .int(table.rows.count)),
                    OrderedJSON.Member("nb_duplicates", .int(0)),
                    OrderedJSON.Member("heading_columns", .int(0)),
                    OrderedJSON.Member("trailing_columns", .int(0)),
                ])),
            OrderedJSON.Member("deleted_at", .null),
            OrderedJSON.Member("dataset_id", .string(datasetID)),
            OrderedJSON.Member("indexes", .null),
        ])
    }

    /// api-tabular's `400`: `{"errors": [{"code": null, "title": "Invalid query string", "detail": …}]}`.
    private static func invalid(_ detail: String) -> Response {
        UdataResponses.raw(
            .object([
                OrderedJSON.Member(
                    "errors",
                    .array([
                        .object([
                            OrderedJSON.Member("code", .null),
                            OrderedJSON.Member("title", .string("Invalid query string")),
                            OrderedJSON.Member("detail", .string(detail)),
                        ])
                    ]))
            ]), status: .badRequest)
    }

    /// aiohttp's `404`.
    private static func notFound() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(
            status: .notFound, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: "404: Not Found")))
    }
}
