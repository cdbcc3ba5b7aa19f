public import Foundation
public import SanteCore
public import SanteHTTP

/// What a ``DMPClient`` needs: where the DMP's FHIR API is, where access tokens come from, and the
/// choices the specification leaves open.
///
/// ```swift
/// let configuration = DMPClientConfiguration(
///     baseURL: URL(string: "https://dmp.example.fr/fhir")!,
///     tokenProvider: ClosureTokenProvider { try await session.validAccessToken() },
///     sourceID: "urn:oid:1.2.250.1.999.1")
/// ```
public struct DMPClientConfiguration: Sendable {
    /// The FHIR base URL (PDSm), such as a mock platform's `…/dmp/fhir`.
    public var baseURL: URL
    /// Where the access tokens come from (a Pro Santé Connect session for a professional). They are sent
    /// to the base URL's origin only.
    public var tokenProvider: any TokenProvider
    /// The OID of the sending software (`ihe-sourceId` of every submission set), as a URI such as
    /// `urn:oid:1.2.250.1.999.1`.
    public var sourceID: String
    /// How ``DMPClient/delete(_:)`` is encoded (default ``DMPDeleteEncoding/supersede``).
    public var deleteEncoding: DMPDeleteEncoding
    /// The page size of searches (`_count`, 1…100; default 20).
    public var pageSize: Int
    /// Whether searches send their first page as `POST <type>/_search` with a form body instead of
    /// `GET <type>?…`, which keeps the patient's INS out of URLs (and so out of proxies' logs). Later
    /// pages follow the server's `next` links as given. Default `false`.
    public var searchesWithPost: Bool
    /// How requests are retried (POSTs only when nothing was sent).
    public var retryPolicy: RetryPolicy
    /// The time allowed for one request (default 60 s; large contents may need more).
    public var timeout: Duration?
    /// The application's `User-Agent` product token, such as `"MonCabinet/2.3"`.
    public var appProduct: String?
    /// The clock for submission times and back-off (default ``SystemClock``).
    public var clock: any SanteClock

    /// Creates a configuration.
    /// - Parameters:
    ///   - baseURL: The FHIR base URL.
    ///   - tokenProvider: Where access tokens come from.
    ///   - sourceID: The OID of the sending software, as a URI.
    ///   - deleteEncoding: How deletion is encoded (default ``DMPDeleteEncoding/supersede``).
    ///   - pageSize: The page size of searches (default 20, clamped to 1…100).
    ///   - searchesWithPost: Whether the first page of a search is a `POST <type>/_search` (default `false`).
    ///   - retryPolicy: How requests are retried.
    ///   - timeout: The time allowed for one request.
    ///   - appProduct: The application's `User-Agent` product token.
    ///   - clock: The clock.
    public init(
        baseURL: URL,
        tokenProvider: any TokenProvider,
        sourceID: String,
        deleteEncoding: DMPDeleteEncoding = .supersede,
        pageSize: Int = 20,
        searchesWithPost: Bool = false,
        retryPolicy: RetryPolicy = .default,
        timeout: Duration? = .seconds(60),
        appProduct: String? = nil,
        clock: any SanteClock = SystemClock()
    ) {
        self.baseURL = baseURL
        self.tokenProvider = tokenProvider
        self.sourceID = sourceID
        self.deleteEncoding = deleteEncoding
        self.pageSize = min(max(pageSize, 1), 100)
        self.searchesWithPost = searchesWithPost
        self.retryPolicy = retryPolicy
        self.timeout = timeout
        self.appProduct = appProduct
        self.clock = clock
    }
}
