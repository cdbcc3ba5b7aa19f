import Hummingbird

/// Open data under `/data`: the data.gouv.fr catalogue API (v1 and v2), the tabular API, and the dataset files
/// (data.gouv.fr static files and Vite Ma Dose files), all generated from the platform seed.
///
/// | Route | What |
/// |---|---|
/// | `GET /data/api/1/site/` | Site metadata |
/// | `GET /data/api/1/datasets/` | Datasets: `q`, `tag`, `organization`, `sort`, `page`, `page_size` |
/// | `GET /data/api/1/datasets/{id or slug}/` | One dataset with its resources |
/// | `GET /data/api/1/datasets/{id}/resources/{rid}/` | One resource |
/// | `GET /data/api/1/datasets/r/{rid}` | `302` to the file |
/// | `GET /data/api/1/organizations/`, `…/{id or slug}/`, `…/{id}/datasets/` | Organizations |
/// | `GET /data/api/1/reuses/`, `…/{id or slug}/` | Reuses |
/// | `GET /data/api/1/dataservices/`, `…/{id or slug}/` | Dataservices |
/// | `GET /data/api/1/me/` | The API key's user (``MockDataGouvAPI/apiKey``) |
/// | `GET /data/api/2/datasets/{id or slug}/` | A dataset, resources as a link |
/// | `GET /data/api/2/datasets/{id}/resources/` | Its resources, paginated (`page_size` 50) |
/// | `GET /data/api/2/datasets/resources/{rid}/` | A resource and its `dataset_id` |
/// | `GET /data/tabular/api/resources/{rid}/`, `…/profile/`, `…/data/` | Tabular API |
/// | `GET/HEAD /data/files/…`, `/data/vitemadose/{name}` | Files (ETag, 304, Range) |
enum OpenDataService {
    /// Registers the service's routes on `group`, whose paths are relative to the service prefix.
    /// - Parameters:
    ///   - group: The route group of the service prefix.
    ///   - state: The service's state.
    ///   - scale: The size of the generated benchmark files.
    static func registerRoutes(
        on group: RouterGroup<MockRequestContext>, state: OpenDataServiceState, scale: OpenDataScale = .small
    ) {
        let environment = OpenDataEnvironment(
            store: OpenDataStore(seed: state.environment.seed, scale: scale), address: state.environment.address)
        FileRoutes.register(on: group, environment: environment)
        TabularRoutes.register(on: group, environment: environment)
        let api = group.group("api").add(middleware: UdataAPIKeyMiddleware())
        CatalogueV1Routes.register(on: api, environment: environment)
        CatalogueV2Routes.register(on: api, environment: environment)
        api.get("**") { request, _ in
            UdataResponses.notFound(request.path(removingPrefix: MockService.openData.pathPrefix))
        }
    }
}
