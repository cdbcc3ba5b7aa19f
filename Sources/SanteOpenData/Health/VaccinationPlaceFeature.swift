public import SanteCore

/// One feature of the vaccination places GeoJSON (`centres-vaccination.json`): a ``VaccinationPlace``
/// read from `c_`-prefixed properties and a `MultiPoint` geometry (`[[longitude, latitude]]`).
public struct VaccinationPlaceFeature: Hashable, Sendable, Decodable {
    /// The place.
    public var place: VaccinationPlace
    /// The feature's own `gid` (unprefixed; not the place's `c_gid`).
    public var featureGID: String?
    /// Every point of the geometry (one in practice).
    public var points: [Coordinates]
    /// The properties as given.
    public var properties: [String: JSONValue]

    private enum CodingKeys: String, CodingKey {
        case properties, geometry
    }

    private struct Geometry: Decodable {
        var type: String?
        var coordinates: JSONValue?
    }

    /// Decodes a GeoJSON feature.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        properties = try container.decodeIfPresent([String: JSONValue].self, forKey: .properties) ?? [:]
        let geometry = try container.decodeIfPresent(Geometry.self, forKey: .geometry)
        points = Self.points(type: geometry?.type, coordinates: geometry?.coordinates)
        featureGID = properties["gid"].flatMap { $0.stringValue ?? $0.integerValue.map { String($0) } }
        place = VaccinationPlace(properties: properties, position: points.first)
    }

    /// The points of a `Point` or `MultiPoint` geometry, `[longitude, latitude]` each.
    private static func points(type: String?, coordinates: JSONValue?) -> [Coordinates] {
        func point(_ value: JSONValue) -> Coordinates? {
            guard let pair = value.arrayValue, pair.count >= 2, let longitude = pair[0].doubleValue,
                let latitude = pair[1].doubleValue
            else { return nil }
            return try? Coordinates(latitude: latitude, longitude: longitude)
        }
        guard let coordinates else { return [] }
        switch type {
        case "Point": return point(coordinates).map { [$0] } ?? []
        case "MultiPoint": return coordinates.arrayValue?.compactMap(point) ?? []
        default: return []
        }
    }
}
