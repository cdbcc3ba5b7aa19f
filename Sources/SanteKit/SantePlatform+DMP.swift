public import SanteDMP
public import SanteHTTP

extension SantePlatform {
    /// A DMP document client for this platform's environment, transport, logger, accounting and clock.
    ///
    /// ```swift
    /// let dmp = try platform.dmp(
    ///     tokenProvider: ClosureTokenProvider { try await session.validAccessToken() },
    ///     sourceID: "urn:oid:1.2.250.1.999.1")
    /// let outcome = try await dmp.publish(publication)
    /// ```
    ///
    /// Access tokens are sent to the DMP's origin only.
    /// - Parameters:
    ///   - tokenProvider: Where access tokens come from (a Pro Santé Connect session for a professional).
    ///   - sourceID: The OID of the sending software, as a URI such as `urn:oid:1.2.250.1.999.1`.
    ///   - configure: The DMP choices (delete encoding, page size, searches by POST). The pipeline (retry,
    ///     timeout, logging, accounting) follows the platform.
    /// - Returns: The client.
    /// - Throws: ``SantePlatformError`` when the environment has no DMP endpoint or the pipeline cannot be
    ///   built.
    public func dmp(
        tokenProvider: any TokenProvider,
        sourceID: String,
        configure: (inout DMPClientConfiguration) -> Void = { _ in }
    ) throws -> DMPClient {
        let http = try httpClient(for: .dmp, tokenProvider: tokenProvider)
        var configuration = DMPClientConfiguration(
            baseURL: http.baseURL, tokenProvider: tokenProvider, sourceID: sourceID, retryPolicy: retryPolicy,
            timeout: timeout, appProduct: appProduct, clock: clock)
        configure(&configuration)
        return DMPClient(configuration: configuration, httpClient: http)
    }
}
