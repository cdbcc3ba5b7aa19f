import ArgumentParser
import Foundation
import SanteKit

/// What the user asked for: the library's search, and the radius that filters places (for `--near`).
struct SlotSearchRequest: Sendable {
    /// The search.
    let search: SlotSearch
    /// Only places within this distance of the point (`--near` alone).
    let radiusKilometers: Double?

    /// The search point, when there is one.
    var origin: Coordinates? {
        switch search {
        case .near(let origin, _), .departmentsFrom(_, let origin): origin
        case .departments: nil
        }
    }
}

/// Parsing of the option values.
enum SlotFinderArguments {
    /// `45.76,4.84` (latitude, longitude; spaces allowed).
    static func coordinates(_ text: String) throws -> Coordinates {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let latitude = Double(parts[0]), let longitude = Double(parts[1]) else {
            throw ArgumentParser.ValidationError("--near must be LATITUDE,LONGITUDE such as 45.76,4.84, got '\(text)'")
        }
        do {
            return try Coordinates(latitude: latitude, longitude: longitude)
        } catch {
            throw ArgumentParser.ValidationError("--near '\(text)' is not a position on Earth: \(error)")
        }
    }

    /// `20km`, `20 km`, `1500m`, `20` (kilometres).
    static func kilometers(_ text: String) throws -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let value: Double?
        if trimmed.hasSuffix("km") {
            value = Double(trimmed.dropLast(2).trimmingCharacters(in: .whitespaces))
        } else if trimmed.hasSuffix("m") {
            value = Double(trimmed.dropLast(1).trimmingCharacters(in: .whitespaces)).map { $0 / 1000 }
        } else {
            value = Double(trimmed)
        }
        guard let value, value.isFinite, value > 0, value <= 1000 else {
            throw ArgumentParser.ValidationError(
                "--radius must be a distance up to 1000 km, such as 20km or 1500m, got '\(text)'")
        }
        return value
    }

    /// An http(s) URL with a host.
    static func httpURL(_ text: String, option: String) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme),
            url.host() != nil
        else {
            throw ArgumentParser.ValidationError("\(option) must be an http(s) URL, got '\(text)'")
        }
        return url
    }
}
