public import Foundation
import HTTPTypes
public import SanteCore
public import SanteHTTP

/// The Annuaire Santé FHIR API (version 2): health professionals, their activities, structures and
/// services.
///
/// Every request carries the `ESANTE-API-KEY` header from ``apiKeyProvider``. Searches are
/// `PagedSequence`s that follow the server's `next` links (`…/_page?id=…`); nothing is fetched until you
/// iterate. `_count` defaults to 100 and is clamped to 200, as ANS advises. A `429` (the gateway allows
/// about 1,000 requests a minute) is retried by the pipeline's retry policy, honouring `Retry-After`.
/// Errors carry the server's `OperationOutcome` (``OpenDataError/operationOutcome``).
///
/// ```swift
/// let annuaire = AnnuaireSanteClient(
///     http: try platform.httpClient(for: .annuaire), apiKeyProvider: OpenDataStaticAPIKey(key))
/// let doctor = try await annuaire.practitioner(rpps: RPPS("10102727017"))
/// for try await role in annuaire.practitionerRoles(AnnuairePractitionerRoleQuery(practitioner: doctor?.id)) { … }
/// ```
public struct AnnuaireSanteClient: Sendable {
    /// The pipeline, based at the FHIR endpoint (`…/fhir/v2`).
    public let http: SanteHTTPClient
    /// Where the `ESANTE-API-KEY` comes from.
    public let apiKeyProvider: any OpenDataAPIKeyProvider
    /// The page size used when a query does not set one (clamped to 1…200).
    public let defaultCount: Int

    let requester: OpenDataRequester

    /// Creates a client.
    /// - Parameters:
    ///   - http: The pipeline, based at `https://gateway.api.esante.gouv.fr/fhir/v2` (see
    ///     ``SanteOpenData/annuaireProductionURL``) or a mock platform's `/annuaire/fhir/v2`.
    ///   - apiKeyProvider: Where the `ESANTE-API-KEY` comes from.
    ///   - defaultCount: The page size when a query sets none (default 100).
    public init(http: SanteHTTPClient, apiKeyProvider: any OpenDataAPIKeyProvider, defaultCount: Int = 100) {
        self.http = http
        self.apiKeyProvider = apiKeyProvider
        self.defaultCount = min(max(defaultCount, 1), AnnuaireSearchOptions.maximumCount)
        self.requester = OpenDataRequester(http: http)
    }

    // MARK: - Practitioners

    /// The professional with an RPPS number.
    /// - Parameter rpps: The RPPS number.
    /// - Returns: The professional, or `nil` when the directory has none.
    /// - Throws: ``OpenDataError`` (`.unauthorized` for a bad key).
    public func practitioner(rpps: RPPS) async throws -> AnnuairePractitioner? {
        var query = AnnuairePractitionerQuery.rpps(rpps)
        query.options.count = 1
        return try await first(of: practitioners(query))
    }

    /// A professional by logical id (`GET Practitioner/{id}`).
    /// - Parameter id: The id.
    /// - Returns: The professional.
    /// - Throws: ``OpenDataError`` (`.notFound`).
    public func practitioner(id: String) async throws -> AnnuairePractitioner {
        try await read(AnnuairePractitioner.self, id: id, operation: "annuaire.practitioner")
    }

    /// Professionals matching a query, page after page.
    /// - Parameter query: The search.
    /// - Returns: The professionals, fetched lazily.
    public func practitioners(_ query: AnnuairePractitionerQuery) -> PagedSequence<AnnuairePractitioner, URL> {
        search(
            AnnuairePractitioner.self, query.queryItems(defaultCount: defaultCount), operation: "annuaire.practitioners"
        )
    }

    /// Activities matching a query, page after page.
    /// - Parameter query: The search.
    /// - Returns: The activities, fetched lazily.
    public func practitionerRoles(_ query: AnnuairePractitionerRoleQuery) -> PagedSequence<
        AnnuairePractitionerRole, URL
    > {
        search(
            AnnuairePractitionerRole.self, query.queryItems(defaultCount: defaultCount),
            operation: "annuaire.practitionerRoles")
    }

    // MARK: - Organizations and services

    /// A structure by logical id (`GET Organization/{id}`).
    /// - Parameter id: The id.
    /// - Returns: The structure.
    /// - Throws: ``OpenDataError`` (`.notFound`).
    public func organization(id: String) async throws -> AnnuaireOrganization {
        try await read(AnnuaireOrganization.self, id: id, operation: "annuaire.organization")
    }

    /// The structure with a FINESS number.
    /// - Parameter finess: The FINESS number.
    /// - Returns: The structure, or `nil`.
    /// - Throws: ``OpenDataError``.
    public func organization(finess: FINESS) async throws -> AnnuaireOrganization? {
        var query = AnnuaireOrganizationQuery.finess(finess)
        query.options.count = 1
        return try await first(of: organizations(query))
    }

    /// The structure with a SIRET number.
    /// - Parameter siret: The SIRET number.
    /// - Returns: The structure, or `nil`.
    /// - Throws: ``OpenDataError``.
    public func organization(siret: SIRET) async throws -> AnnuaireOrganization? {
        var query = AnnuaireOrganizationQuery.siret(siret)
        query.options.count = 1
        return try await first(of: organizations(query))
    }

    /// Structures matching a query, page after page.
    /// - Parameter query: The search.
    /// - Returns: The structures, fetched lazily.
    public func organizations(_ query: AnnuaireOrganizationQuery) -> PagedSequence<AnnuaireOrganization, URL> {
        search(
            AnnuaireOrganization.self, query.queryItems(defaultCount: defaultCount), operation: "annuaire.organizations"
        )
    }

    /// Services matching a query, page after page.
    /// - Parameter query: The search.
    /// - Returns: The services, fetched lazily.
    public func healthcareServices(_ query: AnnuaireHealthcareServiceQuery) -> PagedSequence<
        AnnuaireHealthcareService, URL
    > {
        search(
            AnnuaireHealthcareService.self, query.queryItems(defaultCount: defaultCount),
            operation: "annuaire.healthcareServices")
    }

    /// The raw search pages of any resource type (with `_include` entries, `total`, links), page after page.
    /// - Parameters:
    ///   - resourceType: The resource type, such as `PractitionerRole`.
    ///   - parameters: The search parameters (`_count` is added when absent).
    /// - Returns: The Bundles, fetched lazily.
    public func searchBundles(_ resourceType: String, parameters: [URLQueryItem]) -> PagedSequence<FHIRBundle, URL> {
        var items = parameters
        if !items.contains(where: { $0.name == "_count" }) {
            items.append(URLQueryItem(name: "_count", value: String(defaultCount)))
        }
        let client = self
        let operation = "annuaire.search"
        let parameters = items
        return PagedSequence { cursor in
            let bundle = try await client.bundle(resourceType, parameters, cursor: cursor, operation: operation)
            return Page(items: [bundle], nextCursor: bundle.nextURL)
        }
    }

    // MARK: - Plumbing

    private func search<Resource: FHIRResource>(
        _ type: Resource.Type,
        _ items: [URLQueryItem],
        operation: String
    ) -> PagedSequence<Resource, URL> {
        let client = self
        return PagedSequence { cursor in
            let bundle = try await client.bundle(Resource.resourceType, items, cursor: cursor, operation: operation)
            do {
                return Page(items: try bundle.resources(of: type), nextCursor: bundle.nextURL)
            } catch {
                throw OpenDataError.wrap(error, operation: operation)
            }
        }
    }

    private func bundle(_ resourceType: String, _ items: [URLQueryItem], cursor: URL?, operation: String) async throws
        -> FHIRBundle
    {
        let headers = try await headers(operation: operation)
        if let cursor {
            return try await requester.get(
                FHIRBundle.self, cursor.absoluteString, headers: headers, operation: operation,
                decoder: FHIRJSON.decoder())
        }
        return try await requester.get(
            FHIRBundle.self, resourceType, query: items, headers: headers, operation: operation,
            decoder: FHIRJSON.decoder())
    }

    private func read<Resource: FHIRResource>(_ type: Resource.Type, id: String, operation: String) async throws
        -> Resource
    {
        let segment = try DataGouvClient.pathSegment(id, operation: operation)
        return try await requester.get(
            type, "\(Resource.resourceType)/\(segment)", headers: try await headers(operation: operation),
            operation: operation, decoder: FHIRJSON.decoder())
    }

    private func first<Resource: Sendable>(of sequence: PagedSequence<Resource, URL>) async throws -> Resource? {
        do {
            for try await resource in sequence { return resource }
            return nil
        } catch {
            throw OpenDataError.wrap(error, operation: "annuaire.search")
        }
    }

    private func headers(operation: String) async throws -> HTTPFields {
        var headers = HTTPFields()
        headers[.accept] = "application/fhir+json"
        headers[.esanteAPIKey] = try await OpenDataRequester.apiKey(from: apiKeyProvider, operation: operation)
        return headers
    }
}
