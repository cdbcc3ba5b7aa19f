public import Foundation

/// A point on Earth in WGS 84 degrees, with both values checked on creation.
///
/// ```swift
/// let paris = try Coordinates(latitude: 48.8566, longitude: 2.3522)
/// let lyon = try Coordinates(latitude: 45.7640, longitude: 4.8357)
/// paris.distance(to: lyon).converted(to: .kilometers).value  // ≈ 392
/// ```
///
/// Codable as `{"latitude": …, "longitude": …}`; decoding refuses out-of-range values.
public struct Coordinates: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Degrees north of the equator, −90…90.
    public let latitude: Double
    /// Degrees east of Greenwich, −180…180.
    public let longitude: Double

    /// The mean Earth radius (IUGG), in meters, used by ``distance(to:)``.
    public static let earthMeanRadiusInMeters = 6_371_008.8

    /// The accepted latitudes, in degrees.
    public static let latitudeRange: ClosedRange<Double> = -90...90
    /// The accepted longitudes, in degrees.
    public static let longitudeRange: ClosedRange<Double> = -180...180

    /// Creates coordinates after checking their ranges.
    ///
    /// - Parameters:
    ///   - latitude: Degrees, −90…90.
    ///   - longitude: Degrees, −180…180.
    /// - Throws: ``CoordinatesError`` when a value is out of range or not finite.
    public init(latitude: Double, longitude: Double) throws(CoordinatesError) {
        guard latitude.isFinite, Self.latitudeRange.contains(latitude) else {
            throw CoordinatesError(reason: .latitudeOutOfRange, value: latitude)
        }
        guard longitude.isFinite, Self.longitudeRange.contains(longitude) else {
            throw CoordinatesError(reason: .longitudeOutOfRange, value: longitude)
        }
        self.latitude = latitude
        self.longitude = longitude
    }

    /// The great-circle (haversine) distance to another point, on a sphere of the mean Earth radius.
    ///
    /// The result is in meters; convert it as needed (`.converted(to: .kilometers)`). The spherical
    /// model is within about 0.5 % of the ellipsoidal distance, enough to sort or filter by distance.
    ///
    /// - Parameter other: The other point.
    /// - Returns: The distance, in ``Foundation/UnitLength/meters``.
    public func distance(to other: Coordinates) -> Measurement<UnitLength> {
        let latitude1 = latitude * .pi / 180
        let latitude2 = other.latitude * .pi / 180
        let deltaLatitude = (other.latitude - latitude) * .pi / 180
        let deltaLongitude = (other.longitude - longitude) * .pi / 180
        let sinHalfLatitude = sin(deltaLatitude / 2)
        let sinHalfLongitude = sin(deltaLongitude / 2)
        let haversine =
            sinHalfLatitude * sinHalfLatitude
            + cos(latitude1) * cos(latitude2) * sinHalfLongitude * sinHalfLongitude
        let centralAngle = 2 * atan2(haversine.squareRoot(), (1 - haversine).squareRoot())
        return Measurement(value: Self.earthMeanRadiusInMeters * centralAngle, unit: .meters)
    }

    /// `latitude,longitude`, such as `48.8566,2.3522`.
    public var description: String { "\(latitude),\(longitude)" }

    private enum CodingKeys: String, CodingKey {
        case latitude, longitude
    }

    /// Decodes `{"latitude", "longitude"}`.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when a value is out of range.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let latitude = try container.decode(Double.self, forKey: .latitude)
        let longitude = try container.decode(Double.self, forKey: .longitude)
        do {
            try self.init(latitude: latitude, longitude: longitude)
        } catch {
            let key: CodingKeys = error.reason == .latitudeOutOfRange ? .latitude : .longitude
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: error.description)
        }
    }

    /// Encodes `{"latitude", "longitude"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(latitude, forKey: .latitude)
        try container.encode(longitude, forKey: .longitude)
    }
}
