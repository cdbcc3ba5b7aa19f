public import Foundation

/// A JWT NumericDate (RFC 7519 §2): seconds since 1970-01-01T00:00:00Z, possibly fractional.
///
/// The number is kept exactly as read, so decoding then encoding loses nothing; whole numbers are
/// written without a fraction.
public struct NumericDate: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let secondsSince1970: Double

    /// Creates a NumericDate from seconds since 1970.
    /// - Parameter secondsSince1970: The seconds, possibly fractional.
    public init(secondsSince1970: Double) {
        self.secondsSince1970 = secondsSince1970
    }

    /// Creates a NumericDate from a `Date`.
    /// - Parameter date: The instant.
    public init(_ date: Date) {
        self.secondsSince1970 = date.timeIntervalSince1970
    }

    /// The instant as a `Date`.
    public var date: Date { Date(timeIntervalSince1970: secondsSince1970) }

    /// Orders NumericDates by instant.
    public static func < (lhs: NumericDate, rhs: NumericDate) -> Bool {
        lhs.secondsSince1970 < rhs.secondsSince1970
    }

    /// The value as JSON: an integer when whole, otherwise a number.
    public var jsonValue: JSONValue {
        if let whole = wholeSeconds { return .integer(whole) }
        return .number(secondsSince1970)
    }

    /// The number as JSON would show it.
    public var description: String {
        if let whole = wholeSeconds { return String(whole) }
        return String(secondsSince1970)
    }

    /// Decodes a JSON number; anything else (strings, `null`, non-finite values) is an error.
    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(Double.self)
        guard value.isFinite else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "a NumericDate must be a finite number"))
        }
        secondsSince1970 = value
    }

    /// Encodes a JSON number, without a fraction when the value is whole.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let whole = wholeSeconds {
            try container.encode(whole)
        } else {
            try container.encode(secondsSince1970)
        }
    }

    private var wholeSeconds: Int64? {
        guard secondsSince1970.rounded() == secondsSince1970, abs(secondsSince1970) < 9.0e15 else { return nil }
        return Int64(secondsSince1970)
    }
}
