import Foundation
import SanteCore
import Testing

@Suite("Coordinates")
struct CoordinatesTests {
    @Test("Paris to Lyon is about 392 km (within 1%)")
    func parisLyon() throws {
        let paris = try Coordinates(latitude: 48.8566, longitude: 2.3522)
        let lyon = try Coordinates(latitude: 45.7640, longitude: 4.8357)
        let kilometers = paris.distance(to: lyon).converted(to: .kilometers).value
        #expect(abs(kilometers - 392) / 392 < 0.01, "got \(kilometers) km")
        #expect(paris.distance(to: lyon).unit == .meters)
        #expect(abs(lyon.distance(to: paris).value - paris.distance(to: lyon).value) < 1e-6)
    }

    @Test("a point is at zero distance from itself; antipodes are half the circumference")
    func extremes() throws {
        let point = try Coordinates(latitude: 43.2965, longitude: 5.3698)
        #expect(point.distance(to: point).value == 0)
        let north = try Coordinates(latitude: 90, longitude: 0)
        let south = try Coordinates(latitude: -90, longitude: 0)
        let halfCircumference = Double.pi * Coordinates.earthMeanRadiusInMeters
        #expect(abs(north.distance(to: south).value - halfCircumference) < 1)
        let west = try Coordinates(latitude: 0, longitude: -180)
        let east = try Coordinates(latitude: 0, longitude: 180)
        #expect(west.distance(to: east).value < 1e-6)
    }

    @Test(
        "out-of-range values are refused with a typed error",
        arguments: [
            (90.0001, 0.0, CoordinatesError.Reason.latitudeOutOfRange),
            (-91, 0, .latitudeOutOfRange),
            (Double.nan, 0, .latitudeOutOfRange),
            (0, 180.5, .longitudeOutOfRange),
            (0, -Double.infinity, .longitudeOutOfRange),
        ]
    )
    func outOfRange(_ latitude: Double, _ longitude: Double, _ reason: CoordinatesError.Reason) {
        do {
            _ = try Coordinates(latitude: latitude, longitude: longitude)
            Issue.record("expected an error")
        } catch {
            #expect(error.reason == reason)
        }
    }

    @Test("error description names the value and the range")
    func errorDescription() {
        #expect(
            CoordinatesError(reason: .latitudeOutOfRange, value: 91).description == "latitude 91.0 is outside -90...90"
        )
    }

    @Test("Codable round trip, and decoding refuses out-of-range values")
    func codable() throws {
        let lyon = try Coordinates(latitude: 45.764, longitude: 4.8357)
        let data = try JSONEncoder().encode(lyon)
        #expect(try JSONDecoder().decode(Coordinates.self, from: data) == lyon)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Double])
        #expect(object == ["latitude": 45.764, "longitude": 4.8357])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Coordinates.self, from: Data(#"{"latitude": 100, "longitude": 2}"#.utf8))
        }
        #expect(lyon.description == "45.764,4.8357")
    }
}
