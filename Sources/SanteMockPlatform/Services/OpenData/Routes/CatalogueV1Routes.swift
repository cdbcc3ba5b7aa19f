import HTTPTypes
import Hummingbird
import NIOCore

/// The data.gouv.fr API v1 under `/data/api/1`: site, datasets (list with `q`, `tag`, `organization`, `sort`,
/// paging), one dataset by id or slug, one resource, the `latest` redirect, organizations, reuses, dataservices,
/// and `me` (the only call that needs the API key).
enum CatalogueV1Routes {
    static func register(on api: RouterGroup<MockRequestContext>, environment: OpenDataEnvironment) {
        api.get("1/site") { request, _ in
            UdataResponses.json(
                CatalogueRenderer(root: environment.root(request), digests: [:]).site(), request: request)
        }
        api.get("1/me") { request, _ in
            guard request.headers[UdataResponses.apiKeyHeader] != nil else {
                return UdataResponses.unauthorized(
                    "The server could not verify that you are authorized to access the URL requested. You either "
                        + "supplied the wrong credentials (e.g. a bad password), or your browser doesn't understand "
                        + "how to supply the credentials required.")
            }
            return UdataResponses.json(
                CatalogueRenderer(root: environment.root(request), digests: [:]).currentUser(), request: request)
        }
        api.get("1/datasets") { request, _ in
            await datasetList(request, environment: environment)
        }
        api.get("1/datasets/community_resources") { request, _ in
            emptyPage(request, environment: environment)
        }
        api.get("1/datasets/r/:resource") { request, context in
            let id = context.parameters.get("resource") ?? ""
            guard let found = HealthCatalogue.resource(id) else {
                return UdataResponses.notFound("/api/1/datasets/r/\(id)")
            }
            let location = CatalogueRenderer(root: environment.root(request), digests: [:]).fileURL(found.resource)
            return redirect(to: location)
        }
        api.get("1/datasets/:dataset") { request, context in
            let key = context.parameters.get("dataset") ?? ""
            guard let dataset = HealthCatalogue.dataset(key) else {
                return UdataResponses.notFound("/api/1/datasets/\(key)/")
            }
            let renderer = await environment.renderer(request, datasets: [dataset])
            return UdataResponses.json(renderer.datasetV1(dataset), request: request)
        }
        api.get("1/datasets/:dataset/resources/:resource") { request, context in
            let key = context.parameters.get("dataset") ?? ""
            let id = context.parameters.get("resource") ?? ""
            guard let dataset = HealthCatalogue.dataset(key),
                let resource = dataset.resources.first(where: { $0.id == id })
            else {
                return UdataResponses.notFound("/api/1/datasets/\(key)/resources/\(id)/")
            }
            let renderer = await environment.renderer(request, resources: [resource])
            return UdataResponses.json(renderer.resource(resource).sortedKeys(), request: request)
        }
        registerOrganizations(on: api, environment: environment)
        registerReusesAndDataservices(on: api, environment: environment)
    }

    private static func registerOrganizations(on api: RouterGroup<MockRequestContext>, environment: OpenDataEnvironment)
    {
        api.get("1/organizations") { request, _ in
            let renderer = CatalogueRenderer(root: environment.root(request), digests: [:])
            return list(
                request, environment: environment, path: "/api/1/organizations/",
                items: HealthCatalogue.organizations.map(renderer.organization))
        }
        api.get("1/organizations/:organization") { request, context in
            let key = context.parameters.get("organization") ?? ""
            guard let organization = HealthCatalogue.organization(key) else {
                return UdataResponses.notFound("/api/1/organizations/\(key)/")
            }
            let renderer = CatalogueRenderer(root: environment.root(request), digests: [:])
            return UdataResponses.json(renderer.organization(organization), request: request)
        }
        api.get("1/organizations/:organization/datasets") { request, context in
            let key = context.parameters.get("organization") ?? ""
            guard let organization = HealthCatalogue.organization(key) else {
                return UdataResponses.notFound("/api/1/organizations/\(key)/datasets/")
            }
            let datasets = HealthCatalogue.datasets.filter { $0.organization.id == organization.id }
            let renderer = await environment.renderer(request, datasets: datasets)
            return list(
                request, environment: environment, path: "/api/1/organizations/\(key)/datasets/",
                items: datasets.map(renderer.datasetV1))
        }
    }

    private static func registerReusesAndDataservices(
        on api: RouterGroup<MockRequestContext>, environment: OpenDataEnvironment
    ) {
        api.get("1/reuses") { request, _ in
            let datasets = HealthCatalogue.reuses.flatMap(\.datasetSlugs).compactMap(HealthCatalogue.dataset)
            let renderer = await environment.renderer(request, datasets: datasets)
            return list(
                request, environment: environment, path: "/api/1/reuses/",
                items: HealthCatalogue.reuses.map(renderer.reuse))
        }
        api.get("1/reuses/:reuse") { request, context in
            let key = context.parameters.get("reuse") ?? ""
            guard let reuse = HealthCatalogue.reuses.first(where: { $0.id == key || $0.slug == key }) else {
                return UdataResponses.notFound("/api/1/reuses/\(key)/")
            }
            let renderer = await environment.renderer(
                request, datasets: reuse.datasetSlugs.compactMap(HealthCatalogue.dataset))
            return UdataResponses.json(renderer.reuse(reuse), request: request)
        }
        api.get("1/dataservices") { request, _ in
            let renderer = CatalogueRenderer(root: environment.root(request), digests: [:])
            return list(
                request, environment: environment, path: "/api/1/dataservices/",
                items: HealthCatalogue.dataservices.map(renderer.dataservice))
        }
        api.get("1/dataservices/:dataservice") { request, context in
            let key = context.parameters.get("dataservice") ?? ""
            guard let service = HealthCatalogue.dataservices.first(where: { $0.id == key || $0.slug == key }) else {
                return UdataResponses.notFound("/api/1/dataservices/\(key)/")
            }
            let renderer = CatalogueRenderer(root: environment.root(request), digests: [:])
            return UdataResponses.json(renderer.dataservice(service), request: request)
        }
    }

    /// `GET /api/1/datasets/`.
    private static func datasetList(_ request: Request, environment: OpenDataEnvironment) async -> Response {
        let query = QueryString(request.uri.query)
        var datasets = HealthCatalogue.datasets
        if let q = query.first("q"), !q.trimmingSpaces().isEmpty {
            let words = CatalogueText.words(q)
            datasets = datasets.filter { $0.matches(search: words) }
        }
        for tag in query.all("tag") {
            datasets = datasets.filter { $0.tags.contains(tag) }
        }
        if let organization = query.first("organization") {
            datasets = datasets.filter { $0.organization.id == organization || $0.organization.slug == organization }
        }
        if query.first("dataservice") != nil {
            datasets = []
        }
        if let sort = query.first("sort"), !sort.isEmpty {
            guard let sorted = sortDatasets(datasets, by: sort) else {
                return UdataResponses.invalidArgument(
                    "sort",
                    "The field to sort on, can be prefixed with '-' to reverse the order \(sort) is not a "
                        + "valid choice")
            }
            datasets = sorted
        }
        let paging: UdataPaging
        switch UdataPaging.parse(query, defaultPageSize: 20) {
        case .success(let value): paging = value
        case .failure(let error): return UdataResponses.invalidArgument(error.name, error.detail)
        }
        let onPage = paging.slice(datasets)
        let renderer = await environment.renderer(request, datasets: onPage)
        let url = "\(environment.root(request))/data/api/1/datasets/"
        let links = paging.v1Links(url: url, query: query, total: datasets.count)
        let page = CatalogueRenderer.page(
            onPage.map(renderer.datasetV1), page: paging.page, pageSize: paging.pageSize, total: datasets.count,
            next: links.next, previous: links.previous)
        return UdataResponses.json(page.sortedKeys(), request: request)
    }

    /// A page of already-rendered objects.
    private static func list(
        _ request: Request, environment: OpenDataEnvironment, path: String, items: [OrderedJSON]
    ) -> Response {
        let query = QueryString(request.uri.query)
        let paging: UdataPaging
        switch UdataPaging.parse(query, defaultPageSize: 20) {
        case .success(let value): paging = value
        case .failure(let error): return UdataResponses.invalidArgument(error.name, error.detail)
        }
        let links = paging.v1Links(url: "\(environment.root(request))/data\(path)", query: query, total: items.count)
        let page = CatalogueRenderer.page(
            paging.slice(items), page: paging.page, pageSize: paging.pageSize, total: items.count, next: links.next,
            previous: links.previous)
        return UdataResponses.json(page.sortedKeys(), request: request)
    }

    private static func emptyPage(_ request: Request, environment: OpenDataEnvironment) -> Response {
        list(request, environment: environment, path: "/api/1/datasets/community_resources/", items: [])
    }

    private static func sortDatasets(_ datasets: [CatalogueDataset], by sort: String) -> [CatalogueDataset]? {
        let descending = sort.hasPrefix("-")
        let field = descending ? String(sort.dropFirst()) : sort
        let ordered: [CatalogueDataset]
        switch field {
        case "title": ordered = datasets.sorted { $0.title < $1.title }
        case "created": ordered = datasets.sorted { $0.createdAt < $1.createdAt }
        case "last_update": ordered = datasets.sorted { $0.lastUpdate < $1.lastUpdate }
        case "reuses": ordered = datasets.sorted { $0.reuses < $1.reuses }
        case "followers": ordered = datasets.sorted { $0.followers < $1.followers }
        case "views": ordered = datasets.sorted { $0.views < $1.views }
        default: return nil
        }
        return descending ? ordered.reversed() : ordered
    }

    /// Flask's redirect: `302`, `Location`, and a short HTML body.
    static func redirect(to location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.contentType] = "text/html; charset=utf-8"
        let html = """
            <!doctype html>
            <html lang=en>
            <title>Redirecting...</title>
            <h1>Redirecting...</h1>
            <p>You should be redirected automatically to the target URL: <a href="\(location)">\(location)</a>. \
            If not, click the link.

            """
        return Response(status: .found, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}
