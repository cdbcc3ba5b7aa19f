public import Foundation
public import SanteCore

extension DataGouvClient {
    /// The catalogue's datasets (`GET /api/1/datasets/`), page after page.
    /// - Parameters:
    ///   - query: Filters, search text (`q`), sort and page size.
    ///   - fields: A field mask for each page (`next_page` is kept automatically).
    /// - Returns: The datasets, fetched lazily.
    public func datasets(
        _ query: DataGouvQuery = DataGouvQuery(),
        fields: DataGouvFieldMask? = nil
    ) -> PagedSequence<DataGouvDataset, URL> {
        paged(
            DataGouvDataset.self, "api/1/datasets/", query: query.queryItems, fields: fields,
            operation: "datagouv.datasets")
    }

    /// The first page of a dataset listing, with its `total`.
    /// - Parameters:
    ///   - query: Filters, search text, sort and page size.
    ///   - fields: A field mask.
    /// - Returns: The page.
    /// - Throws: ``OpenDataError`` (`.badRequest` for a page size of zero, with ``OpenDataAPIErrorBody/fieldErrors``).
    public func datasetsPage(
        _ query: DataGouvQuery = DataGouvQuery(),
        fields: DataGouvFieldMask? = nil
    ) async throws -> DataGouvPage<DataGouvDataset> {
        try await get(
            DataGouvPage<DataGouvDataset>.self, "api/1/datasets/", query: query.queryItems, fields: fields,
            operation: "datagouv.datasets")
    }

    /// Full-text search through API v2 (`GET /api/2/datasets/search/`), page after page.
    /// - Parameters:
    ///   - text: The search text.
    ///   - query: Other filters, sort and page size (its ``DataGouvQuery/text`` is replaced by `text`).
    ///   - fields: A field mask.
    /// - Returns: The matching datasets, fetched lazily.
    public func searchDatasets(
        _ text: String,
        query: DataGouvQuery = DataGouvQuery(),
        fields: DataGouvFieldMask? = nil
    ) -> PagedSequence<DataGouvDataset, URL> {
        var query = query
        query.text = text
        return paged(
            DataGouvDataset.self, "api/2/datasets/search/", query: query.queryItems, fields: fields,
            operation: "datagouv.searchDatasets")
    }

    /// One dataset with all its resources (`GET /api/1/datasets/{id or slug}/`).
    /// - Parameters:
    ///   - idOrSlug: The id (preferred: slugs change) or the slug.
    ///   - fields: A field mask.
    /// - Returns: The dataset.
    /// - Throws: ``OpenDataError``: `.notFound`, `.gone` for a deleted dataset, `.invalidInput` for an empty id.
    public func dataset(_ idOrSlug: String, fields: DataGouvFieldMask? = nil) async throws -> DataGouvDataset {
        let operation = "datagouv.dataset"
        let segment = try Self.pathSegment(idOrSlug, operation: operation)
        return try await get(DataGouvDataset.self, "api/1/datasets/\(segment)/", fields: fields, operation: operation)
    }

    /// One dataset through API v2 (`GET /api/2/datasets/{id or slug}/`): its resources are a link
    /// (``DataGouvDataset/resourcesLink``) to read with ``resources(ofDataset:type:text:pageSize:)``.
    /// - Parameters:
    ///   - idOrSlug: The id or the slug.
    ///   - fields: A field mask.
    /// - Returns: The dataset, without its resources.
    /// - Throws: ``OpenDataError``.
    public func datasetSummary(_ idOrSlug: String, fields: DataGouvFieldMask? = nil) async throws -> DataGouvDataset {
        let operation = "datagouv.datasetSummary"
        let segment = try Self.pathSegment(idOrSlug, operation: operation)
        return try await get(DataGouvDataset.self, "api/2/datasets/\(segment)/", fields: fields, operation: operation)
    }

    /// A dataset's resources, page after page (API v2, `GET /api/2/datasets/{id}/resources/`): the way to
    /// read datasets with thousands of resources.
    /// - Parameters:
    ///   - idOrSlug: The dataset's id or slug.
    ///   - type: Only resources of this type (`main`, `documentation`, …).
    ///   - text: Only resources matching this text.
    ///   - pageSize: Resources per page (the server's default is 50).
    /// - Returns: The resources, fetched lazily.
    public func resources(
        ofDataset idOrSlug: String,
        type: String? = nil,
        text: String? = nil,
        pageSize: Int? = nil
    ) -> PagedSequence<DataGouvResource, URL> {
        let operation = "datagouv.resources"
        let segment = (try? Self.pathSegment(idOrSlug, operation: operation)) ?? ""
        var items: [URLQueryItem] = []
        if let pageSize { items.append(URLQueryItem(name: "page_size", value: String(pageSize))) }
        if let type { items.append(URLQueryItem(name: "type", value: type)) }
        if let text { items.append(URLQueryItem(name: "q", value: text)) }
        guard !segment.isEmpty else {
            return PagedSequence { _ in
                throw OpenDataError(reason: .invalidInput, message: "the dataset id is empty", operation: operation)
            }
        }
        return paged(
            DataGouvResource.self, "api/2/datasets/\(segment)/resources/", query: items, fields: nil,
            operation: operation)
    }

    /// One resource and the id of its dataset (API v2, `GET /api/2/datasets/resources/{id}/`).
    /// - Parameter id: The resource's UUID.
    /// - Returns: The resource, with ``DataGouvResource/datasetID`` set.
    /// - Throws: ``OpenDataError`` (`.notFound`).
    public func resource(_ id: String) async throws -> DataGouvResource {
        let operation = "datagouv.resource"
        let segment = try Self.pathSegment(id, operation: operation)
        let answer = try await get(
            DataGouvSpecificResource.self, "api/2/datasets/resources/\(segment)/", operation: operation)
        var resource = answer.resource
        resource.datasetID = resource.datasetID ?? answer.datasetID
        return resource
    }

    /// One resource of a dataset (API v1, `GET /api/1/datasets/{dataset}/resources/{id}/`).
    /// - Parameters:
    ///   - id: The resource's UUID.
    ///   - dataset: The dataset's id or slug.
    /// - Returns: The resource.
    /// - Throws: ``OpenDataError`` (`.notFound`).
    public func resource(_ id: String, inDataset dataset: String) async throws -> DataGouvResource {
        let operation = "datagouv.resource"
        let datasetSegment = try Self.pathSegment(dataset, operation: operation)
        let segment = try Self.pathSegment(id, operation: operation)
        var resource = try await get(
            DataGouvResource.self, "api/1/datasets/\(datasetSegment)/resources/\(segment)/", operation: operation)
        if resource.datasetID == nil { resource.datasetID = dataset }
        return resource
    }
}
