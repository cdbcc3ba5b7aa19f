public import SanteCore

extension MockPlatform {
    /// The DocumentReferences the mock DMP holds, in creation order, as stored (server `id`, `meta.versionId`,
    /// absolute `attachment.url`), whatever their visibility; documents entered in error or deleted are left out.
    ///
    /// For assertions in tests; clients read the DMP over HTTP under ``baseURL(for:)`` `.dmp`.
    /// - Returns: The stored DocumentReference JSON objects.
    public func storedDMPDocuments() async -> [JSONValue] {
        await services.dmp.liveDocuments().map(\.json)
    }
}
