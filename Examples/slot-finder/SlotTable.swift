import Foundation
import SanteKit

/// The places with slots as a readable table: distance, next slot (Paris time), slots, vaccines, place, booking
/// URL; nearest first.
struct SlotTable {
    /// What the search found.
    let report: ScanReport
    /// The most rows (0 for all).
    let limit: Int

    /// Prints the table and a summary line to standard output.
    func print() {
        let shown = limit == 0 ? report.places : Array(report.places.prefix(limit))
        Output.result(summary(shown: shown.count))
        guard !shown.isEmpty else { return }
        Output.result("")
        let rows = shown.map { place in
            [
                place.distanceKilometers.map { String(format: "%.1f km", $0) } ?? "—",
                Self.slotTime(place.nextAppointment),
                place.appointmentCount.map(String.init) ?? "?",
                Self.cut(place.vaccineTypes.isEmpty ? "?" : place.vaccineTypes.joined(separator: ", "), 28),
                Self.cut(Self.placeName(place), 52),
                place.bookingURL.flatMap { $0.isEmpty ? nil : $0 } ?? "(phone only)",
            ]
        }
        let header = ["Distance", "Next slot", "Slots", "Vaccines", "Place", "Booking"]
        let widths = header.indices.map { column in
            ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        let rightAligned: Set<Int> = [0, 2]
        for row in [header] + rows {
            let cells = row.enumerated().map { column, text in
                guard column < row.count - 1 else { return text }
                let padding = String(repeating: " ", count: widths[column] - text.count)
                return rightAligned.contains(column) ? padding + text : text + padding
            }
            Output.result(cells.joined(separator: "  "))
        }
    }

    private func summary(shown: Int) -> String {
        let total = report.places.count
        var text = "\(total) place\(total == 1 ? "" : "s") with slots"
        switch report.request.search {
        case .near(let origin, let radius):
            text += " within \(Self.kilometers(radius)) of \(origin.latitude),\(origin.longitude)"
        case .departments(let codes), .departmentsFrom(let codes, _):
            text += " in \(codes.map(ProgressLine.name).joined(separator: ", "))"
        }
        text += " (\(report.departments.count - report.failures.count)/\(report.departments.count) départements read"
        if !report.failures.isEmpty {
            text += "; failed: " + report.failures.map(\.department).joined(separator: ", ")
        }
        text += ")"
        if shown < total { text += ", nearest \(shown) shown" }
        return text
    }

    /// `2021-12-30 14:20` in Paris time, or the text as written when it is not a date.
    static func slotTime(_ timestamp: OpenDataTimestamp?) -> String {
        guard let timestamp else { return "?" }
        guard let date = timestamp.date else { return timestamp.rawValue }
        return parisMinutes.string(from: date)
    }

    /// `Name (City)`.
    static func placeName(_ place: PlaceWithSlots) -> String {
        let name = place.name ?? "?"
        guard let city = place.centre.location?.city, !name.contains(city) else { return name }
        return "\(name) (\(city))"
    }

    /// `20 km`, `1.5 km`.
    static func kilometers(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) km" : String(format: "%.1f km", value)
    }

    private static func cut(_ text: String, _ width: Int) -> String {
        text.count > width ? String(text.prefix(width - 1)) + "…" : text
    }

    private static let parisMinutes: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = OpenDataTimestamp.paris
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter
    }()
}
