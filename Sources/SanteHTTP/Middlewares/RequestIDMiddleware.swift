import Foundation
public import HTTPTypes

/// Gives each logical request an identifier header (`X-Request-ID` by default), unless it already has one.
///
/// Place it before (outside) the retry middleware: every attempt of one request then carries the same
/// identifier, which lets a server operator correlate retries.
public struct RequestIDMiddleware: HTTPMiddleware, DeadlineHonouringMiddleware {
    /// The default header name, `X-Request-ID`. (The literal is a valid field name: the fallback only
    /// avoids a force unwrap and is never used.)
    public static let defaultHeaderName = HTTPField.Name("X-Request-ID") ?? .via

    /// The header that carries the identifier.
    public let headerName: HTTPField.Name
    private let makeIdentifier: @Sendable () -> String

    /// Creates the middleware.
    /// - Parameters:
    ///   - headerName: The header that carries the identifier (default `X-Request-ID`).
    ///   - makeIdentifier: Makes a fresh identifier; defaults to a random lowercase UUID.
    public init(
        headerName: HTTPField.Name = RequestIDMiddleware.defaultHeaderName,
        makeIdentifier: @escaping @Sendable () -> String = RequestIDMiddleware.randomIdentifier
    ) {
        self.headerName = headerName
        self.makeIdentifier = makeIdentifier
    }

    /// A fresh random identifier: a lowercase version 4 UUID.
    /// - Returns: A new identifier, such as `"3f2c…-…"`.
    public static func randomIdentifier() -> String {
        // The system generator takes one `getrandom` call per 64 bits; `UUID()` on Linux opens, reads and closes
        // `/dev/urandom` for each identifier, which costs several microseconds per request.
        var generator = SystemRandomNumberGenerator()
        return lowercaseString(of: randomUUID(high: generator.next(), low: generator.next()))
    }

    /// The version 4 (random) UUID made of these 128 bits, its version and variant bits set (RFC 9562).
    static func randomUUID(high: UInt64, low: UInt64) -> UUID {
        let high = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        let low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &bytes) { buffer in
            buffer.storeBytes(of: high.bigEndian, toByteOffset: 0, as: UInt64.self)
            buffer.storeBytes(of: low.bigEndian, toByteOffset: 8, as: UInt64.self)
        }
        return UUID(uuid: bytes)
    }

    /// The lowercase form of a UUID, the same as `uuid.uuidString.lowercased()` but written in one go.
    static func lowercaseString(of uuid: UUID) -> String {
        withUnsafeBytes(of: uuid.uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { buffer in
                var written = 0
                for (position, byte) in bytes.enumerated() {
                    if position == 4 || position == 6 || position == 8 || position == 10 {
                        buffer[written] = UInt8(ascii: "-")
                        written += 1
                    }
                    buffer[written] = lowercaseHexDigit(byte >> 4)
                    buffer[written + 1] = lowercaseHexDigit(byte & 0x0F)
                    written += 2
                }
                return written
            }
        }
    }

    private static func lowercaseHexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// Adds the identifier when the request has none.
    public func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        context: RequestContext,
        next: HTTPHandler
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard !request.headerFields.contains(headerName) else {
            return try await next(request, body, context)
        }
        var request = request
        request.headerFields[headerName] = makeIdentifier()
        return try await next(request, body, context)
    }
}
