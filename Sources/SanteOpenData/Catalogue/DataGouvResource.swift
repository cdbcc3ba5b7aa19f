public import Foundation
public import SanteCore

/// A file (or API, or link) of a data.gouv.fr dataset.
///
/// Pair ``url`` (the current file, often timestamped, so it changes on every update) with ``latest``
/// (`/api/1/datasets/r/{id}`, a stable link that redirects to it). Detect changes with ``checksum``,
/// ``lastModified`` and ``filesize``.
public struct DataGouvResource: DataGouvModel, Identifiable {
    /// The resource's UUID.
    public var id: String
    /// The title, often the file name.
    public var title: String?
    /// The description (Markdown).
    public var description: String?
    /// `file` (uploaded to data.gouv.fr) or `remote` (hosted elsewhere).
    public var filetype: String?
    /// `main`, `documentation`, `update`, `api`, `code` or `other`.
    public var type: String?
    /// The format, such as `csv` or `json`.
    public var format: String?
    /// The media type, such as `text/csv`.
    public var mime: String?
    /// The URL of the current file.
    public var url: String?
    /// The stable link to the latest file (`…/api/1/datasets/r/{id}`).
    public var latest: String?
    /// The checksum, when the catalogue knows it.
    public var checksum: DataGouvChecksum?
    /// The size in bytes, when known.
    public var filesize: Int64?
    /// When the resource was created.
    public var createdAt: OpenDataTimestamp?
    /// When the resource last changed.
    public var lastModified: OpenDataTimestamp?
    /// The tabular API's preview URL, set when the tabular API serves this file.
    public var previewURL: String?
    /// The crawler's data: `analysis:checksum`, `analysis:content-length`, `check:status`, …
    public var extras: [String: JSONValue]
    /// The id of the dataset, when the API gives it (v2 `datasets/resources/{id}`).
    public var datasetID: String?
    /// Members not modelled here (`metrics`, `schema`, `harvest`, `internal`, …).
    public var additionalMembers: [String: JSONValue] = [:]

    /// Creates a resource.
    /// - Parameters:
    ///   - id: The UUID.
    ///   - title: The title.
    ///   - url: The URL of the current file.
    ///   - checksum: The checksum.
    ///   - filesize: The size in bytes.
    ///   - lastModified: When it last changed.
    public init(
        id: String,
        title: String? = nil,
        url: String? = nil,
        checksum: DataGouvChecksum? = nil,
        filesize: Int64? = nil,
        lastModified: OpenDataTimestamp? = nil
    ) {
        self.id = id
        self.title = title
        self.url = url
        self.checksum = checksum
        self.filesize = filesize
        self.lastModified = lastModified
        self.extras = [:]
    }

    /// The URL to download: ``url``, or ``latest`` when there is no `url`.
    public var downloadURL: URL? {
        (url ?? latest).flatMap { URL(string: $0) }
    }

    /// Whether the tabular API serves this file.
    public var isServedByTabularAPI: Bool { previewURL != nil }

    /// Decodes the resource, keeping unknown members.
    public init(from decoder: any Decoder) throws {
        var object = try LosslessObjectReader(decoder)
        id = try object.required("id")
        title = try object.optional("title")
        description = try object.optional("description")
        filetype = try object.optional("filetype")
        type = try object.optional("type")
        format = try object.optional("format")
        mime = try object.optional("mime")
        url = try object.optional("url")
        latest = try object.optional("latest")
        checksum = try object.optional("checksum")
        filesize = try object.optional("filesize")
        createdAt = try object.optional("created_at")
        lastModified = try object.optional("last_modified")
        previewURL = try object.optional("preview_url")
        extras = try object.dictionary("extras")
        datasetID = try object.optional("dataset_id")
        additionalMembers = try object.remainingMembers()
    }

    /// Encodes the resource and its kept members.
    public func encode(to encoder: any Encoder) throws {
        var object = FHIRObjectEncoder(encoder)
        try object.encode(id, "id")
        try object.encode(title, "title")
        try object.encode(description, "description")
        try object.encode(filetype, "filetype")
        try object.encode(type, "type")
        try object.encode(format, "format")
        try object.encode(mime, "mime")
        try object.encode(url, "url")
        try object.encode(latest, "latest")
        try object.encode(checksum, "checksum")
        try object.encode(filesize, "filesize")
        try object.encode(createdAt, "created_at")
        try object.encode(lastModified, "last_modified")
        try object.encode(previewURL, "preview_url")
        if !extras.isEmpty { try object.encode(extras, "extras") }
        try object.encode(datasetID, "dataset_id")
        try object.finish(with: additionalMembers)
    }
}

/// The v2 answer for one resource: `{"resource": {…}, "dataset_id": "…"}`.
struct DataGouvSpecificResource: Decodable {
    let resource: DataGouvResource
    let datasetID: String?

    enum CodingKeys: String, CodingKey {
        case resource
        case datasetID = "dataset_id"
    }
}
