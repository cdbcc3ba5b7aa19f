extension DMPPublication: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `DMPPublication(type: …, format: …, contentType: …, content: …)`: no patient identifier, title,
    /// comments or content bytes, so that it is safe in logs.
    public var description: String {
        let content =
            switch content {
            case .data(let data): "data(\(data.count) bytes)"
            case .file: "file"
            }
        let parts = [
            "type: \(type.code)", "format: \(format.code)", "contentType: \(contentType)", "content: \(content)",
        ]
        return "DMPPublication(\(parts.joined(separator: ", ")))"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror without children, so that `dump` prints no patient identifier, title or content.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
