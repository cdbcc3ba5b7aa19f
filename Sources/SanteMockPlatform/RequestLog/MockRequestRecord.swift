public import Foundation
public import HTTPTypes

/// One request as the mock received and answered it.
public struct MockRequestRecord: Sendable, Hashable {
    /// The request method.
    public let method: HTTPRequest.Method
    /// The request path, without the query.
    public let path: String
    /// The raw query string (without `?`), or `nil` when the URL has none.
    public let query: String?
    /// The request header fields, as received.
    public let headers: HTTPFields
    /// The size of the request body in bytes.
    public let bodyByteCount: Int
    /// The status of the response, or `nil` when no response was sent (the connection was reset).
    public let status: Int?
    /// Whether the request reached its route handler; `false` when a before-handler fault answered instead.
    public let handlerRan: Bool
    /// The name of the fault applied (``MockFault/Kind/name``), or `nil` when none applied.
    public let faultApplied: String?
    /// When the request arrived, read from the platform clock.
    public let receivedAt: Date

    /// Creates a record.
    /// - Parameters:
    ///   - method: The request method.
    ///   - path: The request path, without the query.
    ///   - query: The raw query string, or `nil`.
    ///   - headers: The request header fields.
    ///   - bodyByteCount: The size of the request body in bytes.
    ///   - status: The response status, or `nil` when no response was sent.
    ///   - handlerRan: Whether the route handler ran.
    ///   - faultApplied: The name of the fault applied, if any.
    ///   - receivedAt: When the request arrived.
    public init(
        method: HTTPRequest.Method, path: String, query: String?, headers: HTTPFields, bodyByteCount: Int,
        status: Int?, handlerRan: Bool, faultApplied: String?, receivedAt: Date
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.bodyByteCount = bodyByteCount
        self.status = status
        self.handlerRan = handlerRan
        self.faultApplied = faultApplied
        self.receivedAt = receivedAt
    }
}

extension MockRequestRecord: Encodable {
    private enum CodingKeys: String, CodingKey {
        case method, path, query, headers, bodyByteCount, status, handlerRan, faultApplied, receivedAt
    }

    /// Encodes the record as served by `GET /_mock/requests`: header names in lower case mapped to their
    /// values (repeated fields joined with `", "`), and `receivedAt` in ISO 8601 with fractional seconds.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(method.rawValue, forKey: .method)
        try container.encode(path, forKey: .path)
        try container.encode(query, forKey: .query)
        try container.encode(headers.joinedByName, forKey: .headers)
        try container.encode(bodyByteCount, forKey: .bodyByteCount)
        try container.encode(status, forKey: .status)
        try container.encode(handlerRan, forKey: .handlerRan)
        try container.encode(faultApplied, forKey: .faultApplied)
        try container.encode(
            receivedAt.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)), forKey: .receivedAt)
    }
}

extension HTTPFields {
    /// The fields as a dictionary from lower-case name to value, repeated fields joined with `", "`.
    var joinedByName: [String: String] {
        var result: [String: String] = [:]
        for field in self {
            let name = field.name.canonicalName
            if let existing = result[name] {
                result[name] = existing + ", " + field.value
            } else {
                result[name] = field.value
            }
        }
        return result
    }
}
