import Foundation
import HTTPTypes
import SanteCore
public import SanteHTTP

/// The data.gouv.fr catalogue (udata API v1 and v2): datasets, resources, organizations, reuses and
/// dataservices.
///
/// Listings are `PagedSequence`s that fetch one page at a time, following the server's absolute
/// `next_page` links; nothing is fetched until you iterate, and breaking out of the loop stops fetching.
///
/// ```swift
/// let http = try platform.httpClient(for: .openData)          // based at https://www.data.gouv.fr
/// let catalogue = DataGouvClient(http: http)
/// for try await dataset in catalogue.datasets(DataGouvQuery(text: "vaccination", pageSize: 50)) {
///     print(dataset.title ?? dataset.id)
/// }
/// let vacsi = try await catalogue.dataset("6010206e7aa742eb447930f7")
/// ```
///
/// Reads are anonymous. The ``apiKeyProvider``'s key (`X-API-KEY`) is sent to the calls that need one
/// (``me()``), and to every call when ``sendsAPIKeyOnReads`` is set (to see private objects). Field masks
/// (`X-Fields`, see ``DataGouvFieldMask``) trim the answers. Every failure is an ``OpenDataError``.
public struct DataGouvClient: Sendable {
    /// The pipeline, based at the catalogue's root (the part before `/api/1`).
    public let http: SanteHTTPClient
    /// Where the API key comes from, if the caller has one.
    public let apiKeyProvider: (any OpenDataAPIKeyProvider)?
    /// Whether every request carries the API key (reads included), when a provider is set.
    public let sendsAPIKeyOnReads: Bool

    let requester: OpenDataRequester

    /// Creates a client.
    /// - Parameters:
    ///   - http: The pipeline, based at the catalogue's root, such as `https://www.data.gouv.fr` (see
    ///     ``SanteOpenData/dataGouvProductionURL``) or a mock platform's `/data`.
    ///   - apiKeyProvider: Where the `X-API-KEY` comes from, if any.
    ///   - sendsAPIKeyOnReads: Whether reads carry the key too (default `false`).
    public init(
        http: SanteHTTPClient,
        apiKeyProvider: (any OpenDataAPIKeyProvider)? = nil,
        sendsAPIKeyOnReads: Bool = false
    ) {
        self.http = http
        self.apiKeyProvider = apiKeyProvider
        self.sendsAPIKeyOnReads = sendsAPIKeyOnReads
        self.requester = OpenDataRequester(http: http)
    }

    /// The account the API key belongs to (`GET /api/1/me/`).
    /// - Returns: The user.
    /// - Throws: ``OpenDataError``: `.missingAPIKey` without a provider, `.unauthorized` for an invalid,
    ///   revoked or expired key (`apiError.message` says which).
    public func me() async throws -> DataGouvUser {
        try await get(DataGouvUser.self, "api/1/me/", operation: "datagouv.me", requiresAPIKey: true)
    }

    // MARK: - Shared plumbing

    /// Sends a GET and decodes the answer.
    func get<Value: Decodable>(
        _ type: Value.Type,
        _ path: String,
        query: [URLQueryItem] = [],
        fields: DataGouvFieldMask? = nil,
        operation: String,
        requiresAPIKey: Bool = false
    ) async throws -> Value {
        let headers = try await headers(fields: fields, operation: operation, requiresAPIKey: requiresAPIKey)
        return try await requester.get(type, path, query: query, headers: headers, operation: operation)
    }

    /// A listing that starts at `path` with `query` and follows `next_page`.
    func paged<Element: Codable & Sendable & Hashable>(
        _ type: Element.Type,
        _ path: String,
        query: [URLQueryItem],
        fields: DataGouvFieldMask?,
        operation: String
    ) -> PagedSequence<Element, URL> {
        let client = self
        let mask = fields?.keepingNextPage
        return PagedSequence { cursor in
            let target = cursor?.absoluteString ?? path
            let page = try await client.get(
                DataGouvPage<Element>.self, target, query: cursor == nil ? query : [], fields: mask,
                operation: operation)
            return page.asPage
        }
    }

    /// The header fields of a request: the field mask, and the API key when needed or configured.
    func headers(fields: DataGouvFieldMask?, operation: String, requiresAPIKey: Bool) async throws -> HTTPFields {
        var headers = HTTPFields()
        if let fields { headers[.fieldMask] = fields.rawValue }
        if requiresAPIKey || (sendsAPIKeyOnReads && apiKeyProvider != nil) {
            headers[.dataGouvAPIKey] = try await OpenDataRequester.apiKey(from: apiKeyProvider, operation: operation)
        }
        return headers
    }

    /// `id` percent-encoded for a path segment, refusing an empty one.
    static func pathSegment(_ id: String, operation: String) throws -> String {
        let trimmed = id.trimmingSpaces
        guard !trimmed.isEmpty,
            let encoded = trimmed.addingPercentEncoding(withAllowedCharacters: .urlPathSegmentAllowed)
        else {
            throw OpenDataError(reason: .invalidInput, message: "the id is empty", operation: operation)
        }
        return encoded
    }
}

extension CharacterSet {
    /// The characters left as they are in one path segment.
    static let urlPathSegmentAllowed: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove("/")
        return set
    }()
}
