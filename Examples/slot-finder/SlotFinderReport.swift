import Foundation
import SanteKit

/// What `slot-finder --json` prints.
struct SlotFinderReport: Encodable {
    /// The search.
    struct Search: Encodable {
        let near: Coordinates?
        let radiusKilometers: Double?
        let departments: [String]?
    }

    /// A place with slots.
    struct Place: Encodable {
        let name: String?
        let department: String
        let city: String?
        let postalCode: String?
        let address: String?
        let distanceKilometers: Double?
        let nextAppointment: String?
        let appointmentCount: Int?
        let vaccineTypes: [String]
        let bookingURL: String?
        let platform: String?
        let type: String?
    }

    let search: Search
    /// The départements read, in code order.
    let departments: [String]
    /// The départements that failed.
    let failures: [ScanFailure]
    /// How many places have slots (all of them, whatever `--limit`).
    let total: Int
    /// The places shown, nearest first.
    let places: [Place]

    init(_ report: ScanReport, limit: Int) {
        switch report.request.search {
        case .near(let origin, let radius):
            search = Search(near: origin, radiusKilometers: radius, departments: nil)
        case .departments(let codes):
            search = Search(near: nil, radiusKilometers: nil, departments: codes)
        case .departmentsFrom(let codes, let origin):
            search = Search(near: origin, radiusKilometers: nil, departments: codes)
        }
        departments = report.departments
        failures = report.failures
        total = report.places.count
        let shown = limit == 0 ? report.places : Array(report.places.prefix(limit))
        places = shown.map { place in
            Place(
                name: place.name, department: place.department, city: place.centre.location?.city,
                postalCode: place.centre.location?.postalCode, address: place.centre.address,
                distanceKilometers: place.distanceKilometers.map { ($0 * 100).rounded() / 100 },
                nextAppointment: place.nextAppointment?.rawValue, appointmentCount: place.appointmentCount,
                vaccineTypes: place.vaccineTypes, bookingURL: place.bookingURL, platform: place.centre.platform,
                type: place.centre.type)
        }
    }
}
