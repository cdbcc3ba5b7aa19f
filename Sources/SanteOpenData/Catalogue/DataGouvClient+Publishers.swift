public import Foundation
public import SanteCore

extension DataGouvClient {
    /// The catalogue's organizations (`GET /api/1/organizations/`), page after page.
    /// - Parameters:
    ///   - query: Search text, sort and page size.
    ///   - fields: A field mask for each page.
    /// - Returns: The organizations, fetched lazily.
    public func organizations(
        _ query: DataGouvQuery = DataGouvQuery(),
        fields: DataGouvFieldMask? = nil
    ) -> PagedSequence<DataGouvOrganization, URL> {
        paged(
            DataGouvOrganization.self, "api/1/organizations/", query: query.queryItems, fields: fields,
            operation: "datagouv.organizations")
    }

    /// One organization (`GET /api/1/organizations/{id or slug}/`).
    /// - Parameters:
    ///   - idOrSlug: The id or slug.
    ///   - fields: A field mask.
    /// - Returns: The organization.
    /// - Throws: ``OpenDataError`` (`.notFound`).
    public func organization(_ idOrSlug: String, fields: DataGouvFieldMask? = nil) async throws
        -> DataGouvOrganization
    {
        let operation = "datagouv.organization"
        let segment = try Self.pathSegment(idOrSlug, operation: operation)
        return try await get(
            DataGouvOrganization.self, "api/1/organizations/\(segment)/", fields: fields, operation: operation)
    }

    /// An organization's datasets (`GET /api/1/organizations/{id or slug}/datasets/`), page after page.
    /// - Parameters:
    ///   - idOrSlug: The organization's id or slug.
    ///   - query: Sort and page size.
    ///   - fields: A field mask for each page.
    /// - Returns: The datasets, fetched lazily.
    public func datasets(
        ofOrganization idOrSlug: String,
        query: DataGouvQuery = DataGouvQuery(),
        fields: DataGouvFieldMask? = nil
    ) -> PagedSequence<DataGouvDataset, URL> {
        let operation = "datagouv.organizationDatasets"
        guard let segment = try? Self.pathSegment(idOrSlug, operation: operation) else {
            return PagedSequence { _ in
                throw OpenDataError(
                    reason: .invalidInput, message: "the organization id is empty", operation: operation)
            }
        }
        return paged(
            DataGouvDataset.self, "api/1/organizations/\(segment)/datasets/", query: query.queryItems, fields: fields,
            operation: operation)
    }

    /// The catalogue's reuses (`GET /api/1/reuses/`), page after page.
    /// - Parameters:
    ///   - query: Search text, sort and page size.
    ///   - fields: A field mask for each page.
    /// - Returns: The reuses, fetched lazily.
    public func reuses(
        _ query: DataGouvQuery = DataGouvQuery(),
        fields: DataGouvFieldMask? = nil
    ) -> PagedSequence<DataGouvReuse, URL> {
        paged(
            DataGouvReuse.self, "api/1/reuses/", query: query.queryItems, fields: fields, operation: "datagouv.reuses")
    }

    /// One reuse (`GET /api/1/reuses/{id or slug}/`).
    /// - Parameters:
    ///   - idOrSlug: The id or slug.
    ///   - fields: A field mask.
    /// - Returns: The reuse.
    /// - Throws: ``OpenDataError`` (`.notFound`).
    public func reuse(_ idOrSlug: String, fields: DataGouvFieldMask? = nil) async throws -> DataGouvReuse {
        let operation = "datagouv.reuse"
        let segment = try Self.pathSegment(idOrSlug, operation: operation)
        return try await get(DataGouvReuse.self, "api/1/reuses/\(segment)/", fields: fields, operation: operation)
    }

    /// The catalogue's dataservices (`GET /api/1/dataservices/`), page after page.
    /// - Parameters:
    ///   - query: Search text, sort and page size.
    ///   - fields: A field mask for each page.
    /// - Returns: The dataservices, fetched lazily.
    public func dataservices(
        _ query: DataGouvQuery = DataGouvQuery(),
        fields: DataGouvFieldMask? = nil
    ) -> PagedSequence<DataGouvDataservice, URL> {
        paged(
            DataGouvDataservice.self, "api/1/dataservices/", query: query.queryItems, fields: fields,
            operation: "datagouv.dataservices")
    }

    /// One dataservice (`GET /api/1/dataservices/{id}/`).
    /// - Parameters:
    ///   - id: The id.
    ///   - fields: A field mask.
    /// - Returns: The dataservice.
    /// - Throws: ``OpenDataError`` (`.notFound`).
    public func dataservice(_ id: String, fields: DataGouvFieldMask? = nil) async throws -> DataGouvDataservice {
        let operation = "datagouv.dataservice"
        let segment = try Self.pathSegment(id, operation: operation)
        return try await get(
            DataGouvDataservice.self, "api/1/dataservices/\(segment)/", fields: fields, operation: operation)
    }
}
