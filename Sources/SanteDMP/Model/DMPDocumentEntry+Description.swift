extension DMPDocumentEntry: CustomStringConvertible, CustomDebugStringConvertible {
    /// `DMPDocumentEntry(id: …, version: …, type: …, status: …)`: no patient identifier, no title, no
    /// content, so that it is safe in logs.
    public var description: String {
        let parts = [
            "id: \(id ?? "-")", "version: \(versionId ?? "-")", "type: \(type?.code ?? "-")",
            "status: \(status?.rawValue ?? "-")",
        ]
        return "DMPDocumentEntry(\(parts.joined(separator: ", ")))"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }
}
