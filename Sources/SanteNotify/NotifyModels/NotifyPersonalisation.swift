public import Foundation

/// One personalisation value: text, a list (rendered as bullets) or a file to download.
///
/// ```swift
/// let personalisation: [String: NotifyPersonalisationValue] = [
///     "name": "Camille", "documents": ["Compte rendu", "Ordonnance"],
///     "file": .file(try NotifyFile(data: pdf, filename: "cr.pdf")),
/// ]
/// ```
public enum NotifyPersonalisationValue: Sendable, Hashable, Codable, ExpressibleByStringLiteral,
    ExpressibleByArrayLiteral
{
    /// A text value, put in place of `((name))`.
    case string(String)
    /// A list, rendered as bullets.
    case list([String])
    /// A file the recipient downloads from a link (e-mail only).
    case file(NotifyFile)

    /// A text value.
    /// - Parameter value: The text.
    public init(stringLiteral value: String) { self = .string(value) }

    /// A list value.
    /// - Parameter elements: The items.
    public init(arrayLiteral elements: String...) { self = .list(elements) }

    /// Decodes text, a list of texts or a file object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let list = try? container.decode([String].self) {
            self = .list(list)
        } else {
            self = .file(try container.decode(NotifyFile.self))
        }
    }

    /// Encodes the value as Notify expects it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .list(let list): try container.encode(list)
        case .file(let file): try container.encode(file)
        }
    }
}

/// A file sent by e-mail as a download link: `{"file": <base64>, "filename", "confirm_email_before_download",
/// "retention_period"}`.
public struct NotifyFile: Sendable, Hashable, Codable {
    /// The largest file Notify accepts: 2 MB.
    public static let maximumByteCount = 2 * 1024 * 1024

    /// The file's bytes.
    public var data: Data
    /// The name shown to the recipient, with its extension (such as `"report.pdf"`).
    public var filename: String?
    /// Whether the recipient must type their e-mail address before downloading (Notify's default: yes).
    public var confirmEmailBeforeDownload: Bool?
    /// How long the file stays available, such as `"4 weeks"` (1 to 78 weeks; Notify's default 26).
    public var retentionPeriod: String?

    /// Creates a file.
    /// - Parameters:
    ///   - data: The bytes (at most 2 MB).
    ///   - filename: The name shown to the recipient.
    ///   - confirmEmailBeforeDownload: Whether the recipient confirms their address first.
    ///   - retentionPeriodWeeks: How many weeks the file stays available (1 to 78).
    /// - Throws: ``NotifyError`` with ``NotifyError/Reason/invalidInput`` for a file over 2 MB or a retention
    ///   period outside 1–78 weeks.
    public init(
        data: Data, filename: String? = nil, confirmEmailBeforeDownload: Bool? = nil,
        retentionPeriodWeeks: Int? = nil
    ) throws(NotifyError) {
        guard data.count <= Self.maximumByteCount else {
            throw NotifyError(
                .invalidInput, "a Notify file must be 2 MB or less, not \(data.count) bytes", operation: "notify.file",
                isRetryable: false)
        }
        if let weeks = retentionPeriodWeeks, !(1...78).contains(weeks) {
            throw NotifyError(
                .invalidInput, "the retention period must be 1 to 78 weeks", operation: "notify.file",
                isRetryable: false)
        }
        self.data = data
        self.filename = filename
        self.confirmEmailBeforeDownload = confirmEmailBeforeDownload
        self.retentionPeriod = retentionPeriodWeeks.map { $0 == 1 ? "1 week" : "\($0) weeks" }
    }

    private enum CodingKeys: String, CodingKey {
        case file, filename
        case confirmEmailBeforeDownload = "confirm_email_before_download"
        case retentionPeriod = "retention_period"
    }

    /// Decodes a file object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let encoded = try container.decode(String.self, forKey: .file)
        guard let bytes = Data(base64Encoded: encoded) else {
            throw DecodingError.dataCorruptedError(forKey: .file, in: container, debugDescription: "not base64")
        }
        data = bytes
        filename = try container.decodeIfPresent(String.self, forKey: .filename)
        confirmEmailBeforeDownload = try container.decodeIfPresent(Bool.self, forKey: .confirmEmailBeforeDownload)
        retentionPeriod = try container.decodeIfPresent(String.self, forKey: .retentionPeriod)
    }

    /// Encodes the file object, its bytes in base64.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(data.base64EncodedString(), forKey: .file)
        try container.encodeIfPresent(filename, forKey: .filename)
        try container.encodeIfPresent(confirmEmailBeforeDownload, forKey: .confirmEmailBeforeDownload)
        try container.encodeIfPresent(retentionPeriod, forKey: .retentionPeriod)
    }
}
