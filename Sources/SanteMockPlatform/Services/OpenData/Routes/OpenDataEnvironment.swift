import Foundation
import Hummingbird

/// What the open-data routes share: the platform's generated content and the server's address.
struct OpenDataEnvironment: Sendable {
    /// The generated files.
    let store: OpenDataStore
    /// The address the server listens on (a fallback when a request names no host).
    let address: MockServerAddress

    /// The server root as the client reached it.
    func root(_ request: Request) -> String {
        request.serverRoot(fallback: address.baseURL)
    }

    /// A renderer for `request` that knows the size and checksum of `resources`.
    func renderer(_ request: Request, resources: [CatalogueResource]) async -> CatalogueRenderer {
        var digests: [String: FileDigest] = [:]
        for resource in resources {
            digests[resource.id] = await store.digest(resource.file, checksum: resource.checksumKind)
        }
        return CatalogueRenderer(root: root(request), digests: digests)
    }

    /// A renderer for the resources of `datasets`.
    func renderer(_ request: Request, datasets: [CatalogueDataset]) async -> CatalogueRenderer {
        await renderer(request, resources: datasets.flatMap(\.resources))
    }
}
