import Hummingbird

/// The data.gouv.fr API v2 under `/data/api/2`: a dataset without its resources (a link to them instead), its
/// resources paginated (`page`, `page_size` defaulting to 50, `type`, `q`), and one resource with its `dataset_id`.
enum CatalogueV2Routes {
    static func register(on api: RouterGroup<MockRequestContext>, environment: OpenDataEnvironment) {
        api.get("2/datasets/resources/:resource") { request, context in
            let id = context.parameters.get("resource") ?? ""
            guard let found = HealthCatalogue.resource(id) else {
                return UdataResponses.notFound("/api/2/datasets/resources/\(id)/")
            }
            let renderer = await environment.renderer(request, resources: [found.resource])
            return UdataResponses.json(
                .object([
                    OrderedJSON.Member("resource", renderer.resource(found.resource)),
                    OrderedJSON.Member("dataset_id", .string(found.dataset.id)),
                ]), request: request)
        }
        api.get("2/datasets/:dataset") { request, context in
            let key = context.parameters.get("dataset") ?? ""
            guard let dataset = HealthCatalogue.dataset(key) else {
                return UdataResponses.notFound("/api/2/datasets/\(key)/")
            }
            let renderer = CatalogueRenderer(root: environment.root(request), digests: [:])
            return UdataResponses.json(renderer.datasetV2(dataset), request: request)
        }
        api.get("2/datasets/:dataset/resources") { request, context in
            let key = context.parameters.get("dataset") ?? ""
            guard let dataset = HealthCatalogue.dataset(key) else {
                return UdataResponses.notFound("/api/2/datasets/\(key)/resources/")
            }
            return await resources(of: dataset, request: request, environment: environment)
        }
    }

    private static func resources(
        of dataset: CatalogueDataset, request: Request, environment: OpenDataEnvironment
    ) async -> Response {
        let query = QueryString(request.uri.query)
        var resources = dataset.resources
        if let type = query.first("type"), !type.isEmpty {
            resources = resources.filter { $0.type == type }
        }
        if let q = query.first("q"), !q.trimmingSpaces().isEmpty {
            let words = CatalogueText.words(q)
            resources = resources.filter { resource in
                let title = Set(CatalogueText.words(resource.title))
                return words.allSatisfy { title.contains($0) }
            }
        }
        let paging: UdataPaging
        switch UdataPaging.parse(query, defaultPageSize: 50) {
        case .success(let value): paging = value
        case .failure(let error): return UdataResponses.invalidArgument(error.name, error.detail)
        }
        let onPage = paging.slice(resources)
        let renderer = await environment.renderer(request, resources: onPage)
        let url = "\(environment.root(request))/data/api/2/datasets/\(dataset.id)/resources/"
        let links = paging.v2Links(url: url, query: query, total: resources.count)
        let page = OrderedJSON.object([
            OrderedJSON.Member("data", .array(onPage.map(renderer.resource))),
            OrderedJSON.Member("next_page", .optional(links.next)),
            OrderedJSON.Member("previous_page", .optional(links.previous)),
            OrderedJSON.Member("page", .int(paging.page)),
            OrderedJSON.Member("page_size", .int(paging.pageSize)),
            OrderedJSON.Member("total", .int(resources.count)),
        ])
        return UdataResponses.json(page, request: request)
    }
}
