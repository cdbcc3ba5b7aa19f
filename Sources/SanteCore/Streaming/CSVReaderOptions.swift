/// How a ``CSVRows`` sequence reads its stream.
public struct CSVReaderOptions: Hashable, Sendable {
    /// The field separator (default ``CSVSeparator/automatic``).
    public var separator: CSVSeparator
    /// How field bytes become text (default ``CSVTextEncoding/automatic``).
    public var encoding: CSVTextEncoding
    /// Column names to use when the stream has no header row; `nil` (the default) reads the first
    /// non-empty record as the header.
    public var header: [String]?
    /// The largest record accepted, in bytes; a longer one (often a quote that is never closed) throws
    /// rather than filling memory. Default 16 MiB.
    public var maximumRecordBytes: Int

    /// Creates options.
    /// - Parameters:
    ///   - separator: The field separator (default automatic).
    ///   - encoding: How field bytes become text (default automatic).
    ///   - header: Column names when the stream has no header row.
    ///   - maximumRecordBytes: The largest record accepted (default 16 MiB).
    public init(
        separator: CSVSeparator = .automatic,
        encoding: CSVTextEncoding = .automatic,
        header: [String]? = nil,
        maximumRecordBytes: Int = 16 * 1024 * 1024
    ) {
        self.separator = separator
        self.encoding = encoding
        self.header = header
        self.maximumRecordBytes = max(1, maximumRecordBytes)
    }
}
