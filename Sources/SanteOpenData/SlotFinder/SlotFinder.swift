import Foundation
import SanteCore

/// Finds vaccination places with slots around a point or in départements, from the Vite Ma Dose files.
///
/// The département files are fetched concurrently, at most ``maximumConcurrency`` at a time (a task group
/// with a bound). A département that fails (404, 500, malformed file) is reported in
/// ``SlotFinderResult/failures`` and the others are still returned.
///
/// ```swift
/// let finder = SlotFinder(client: viteMaDose)
/// let here = try Coordinates(latitude: 48.85, longitude: 2.35)
/// let result = try await finder.find(.near(here, radiusKilometers: 20))
/// for place in result.places.prefix(5) {
///     print(place.name ?? "?", place.distanceKilometers ?? 0, place.nextAppointment?.rawValue ?? "")
/// }
/// ```
public struct SlotFinder: Sendable {
    /// Where the files come from.
    public let client: ViteMaDoseClient
    /// The most département files fetched at the same time (default 8).
    public let maximumConcurrency: Int
    /// How far beyond the radius a département's centre may be and still be read, for the départements'
    /// extent (default 90 km).
    public let departmentReachKilometers: Double

    /// Creates a finder.
    /// - Parameters:
    ///   - client: Where the files come from.
    ///   - maximumConcurrency: The most files fetched at the same time (at least 1; default 8).
    ///   - departmentReachKilometers: The margin for the départements' extent (default 90 km).
    public init(client: ViteMaDoseClient, maximumConcurrency: Int = 8, departmentReachKilometers: Double = 90) {
        self.client = client
        self.maximumConcurrency = max(1, maximumConcurrency)
        self.departmentReachKilometers = max(0, departmentReachKilometers)
    }

    /// The départements a search reads.
    /// - Parameter search: The search.
    /// - Returns: Their codes, in code order.
    /// - Throws: ``OpenDataError`` with reason `.invalidInput` for a negative or non-finite radius, an unknown
    ///   département or an empty list.
    public func departments(for search: SlotSearch) throws -> [String] {
        let operation = "slotFinder.find"
        switch search {
        case .near(let origin, let radius):
            guard radius.isFinite, radius >= 0 else {
                throw OpenDataError(
                    reason: .invalidInput, message: "the radius must be a positive number of kilometres",
                    operation: operation)
            }
            let byDistance = FrenchDepartment.all.map { ($0, Self.kilometers(origin, $0.centre)) }
                .sorted { $0.1 < $1.1 }
            var chosen = byDistance.filter { $0.1 <= radius + departmentReachKilometers }.map(\.0.code)
            if chosen.isEmpty, let nearest = byDistance.first { chosen = [nearest.0.code] }
            return chosen.sorted()
        case .departments(let codes), .departmentsFrom(let codes, _):
            guard !codes.isEmpty else {
                throw OpenDataError(reason: .invalidInput, message: "no département to search", operation: operation)
            }
            return try Set(
                codes.map { code in
                    guard let department = FrenchDepartment.named(code) else {
                        throw OpenDataError(
                            reason: .invalidInput, message: "\"\(code)\" is not a département code",
                            operation: operation)
                    }
                    return department.code
                }
            ).sorted()
        }
    }

    /// Runs a search.
    /// - Parameter search: Where to look.
    /// - Returns: The places with slots and the départements that failed.
    /// - Throws: ``OpenDataError`` with reason `.invalidInput` for an invalid search, or `.cancelled`.
    public func find(_ search: SlotSearch) async throws -> SlotFinderResult {
        let codes = try departments(for: search)
        let files = await fetch(codes)
        if Task.isCancelled {
            throw OpenDataError(reason: .cancelled, message: "the task was cancelled", operation: "slotFinder.find")
        }
        var places: [PlaceWithSlots] = []
        var failures: [DepartmentFailure] = []
        for (code, outcome) in files {
            switch outcome {
            case .success(let file):
                places += placesWithSlots(in: file, department: code, search: search)
            case .failure(let error):
                failures.append(DepartmentFailure(department: code, error: error))
            }
        }
        places.sort(by: Self.ordering)
        return SlotFinderResult(
            places: places, departments: codes, failures: failures.sorted { $0.department < $1.department })
    }

    /// Fetches every file, at most ``maximumConcurrency`` at a time.
    ///
    /// The tasks are added in the group's own closure, never from a nested function capturing the group: built
    /// with optimisations (Swift 6.3, Linux), that form let the group end while tasks were still running.
    private func fetch(_ codes: [String]) async -> [(String, Result<ViteMaDoseDepartmentFile, OpenDataError>)] {
        let client = client
        return await withTaskGroup(of: (String, Result<ViteMaDoseDepartmentFile, OpenDataError>).self) { group in
            var pending = codes.makeIterator()
            var results: [(String, Result<ViteMaDoseDepartmentFile, OpenDataError>)] = []
            results.reserveCapacity(codes.count)
            for _ in 0..<min(maximumConcurrency, codes.count) {
                guard let code = pending.next() else { break }
                group.addTask { await Self.fetch(code, from: client) }
            }
            while let result = await group.next() {
                results.append(result)
                if !Task.isCancelled, let code = pending.next() {
                    group.addTask { await Self.fetch(code, from: client) }
                }
            }
            return results.sorted { $0.0 < $1.0 }
        }
    }

    /// Fetches one file, turning any failure into the département's ``OpenDataError``.
    private static func fetch(_ code: String, from client: ViteMaDoseClient) async
        -> (String, Result<ViteMaDoseDepartmentFile, OpenDataError>)
    {
        do {
            return (code, .success(try await client.departmentFile(code)))
        } catch {
            return (code, .failure(OpenDataError.wrap(error, operation: "vitemadose.department")))
        }
    }

    private func placesWithSlots(in file: ViteMaDoseDepartmentFile, department: String, search: SlotSearch)
        -> [PlaceWithSlots]
    {
        let origin: Coordinates?
        let radius: Double?
        switch search {
        case .near(let point, let kilometers):
            origin = point
            radius = kilometers
        case .departmentsFrom(_, let point):
            origin = point
            radius = nil
        case .departments:
            origin = nil
            radius = nil
        }
        return file.availableCentres.compactMap { centre in
            let hasSlots = (centre.appointmentCount ?? 0) > 0 || centre.nextAppointment != nil
            guard hasSlots else { return nil }
            let position = centre.location?.coordinates
            let distance = origin.flatMap { origin in position.map { Self.kilometers(origin, $0) } }
            if let radius {
                guard let distance, distance <= radius else { return nil }
            }
            return PlaceWithSlots(
                centre: centre, department: centre.department ?? department, distanceKilometers: distance,
                nextAppointment: centre.nextAppointment, vaccineTypes: centre.vaccineTypes, bookingURL: centre.url,
                appointmentCount: centre.appointmentCount)
        }
    }

    private static func kilometers(_ from: Coordinates, _ to: Coordinates) -> Double {
        from.distance(to: to).converted(to: .kilometers).value
    }

    /// Nearest first, then earliest slot, then name.
    private static func ordering(_ left: PlaceWithSlots, _ right: PlaceWithSlots) -> Bool {
        switch (left.distanceKilometers, right.distanceKilometers) {
        case (let a?, let b?) where a != b: return a < b
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        let leftDate = left.nextAppointment?.date
        let rightDate = right.nextAppointment?.date
        switch (leftDate, rightDate) {
        case (let a?, let b?) where a != b: return a < b
        case (.some, nil): return true
        case (nil, .some): return false
        default: return (left.name ?? "") < (right.name ?? "")
        }
    }
}
