public import SanteCore

/// Where the slot finder looks.
public enum SlotSearch: Hashable, Sendable {
    /// Around a point: every département whose centre is within the radius plus
    /// ``SlotFinder/departmentReachKilometers`` (and at least the nearest one), then only the places within
    /// the radius.
    case near(Coordinates, radiusKilometers: Double)
    /// In these départements, whatever the distance.
    case departments([String])
    /// In these départements, with distances measured from a point (nothing is filtered out).
    case departmentsFrom([String], origin: Coordinates)
}

/// A place with slots, as the slot finder returns it.
public struct PlaceWithSlots: Hashable, Sendable {
    /// The centre, as published.
    public var centre: ViteMaDoseCentre
    /// The département it was found in.
    public var department: String
    /// The distance from the search point, in kilometres, when both positions are known.
    public var distanceKilometers: Double?
    /// The next slot.
    public var nextAppointment: OpenDataTimestamp?
    /// The vaccines offered.
    public var vaccineTypes: [String]
    /// The booking page.
    public var bookingURL: String?
    /// The number of slots found.
    public var appointmentCount: Int?

    /// The centre's name.
    public var name: String? { centre.name }
}

/// A département whose file could not be read; the search went on without it.
public struct DepartmentFailure: Sendable, CustomStringConvertible {
    /// The département code.
    public var department: String
    /// Why it failed.
    public var error: OpenDataError

    /// `75: <error>`.
    public var description: String { "\(department): \(error)" }
}

/// What the slot finder found.
public struct SlotFinderResult: Sendable {
    /// The places with slots, nearest first (then earliest slot first); without a search point, earliest
    /// slot first.
    public var places: [PlaceWithSlots]
    /// The départements read, in code order.
    public var departments: [String]
    /// The départements that failed, in code order.
    public var failures: [DepartmentFailure]

    /// Whether every département was read.
    public var isComplete: Bool { failures.isEmpty }
}
