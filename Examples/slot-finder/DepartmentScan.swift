import Foundation
import SanteKit

/// Reads the département files of a search concurrently (at most ``maximumConcurrency`` at a time), reporting
/// each finished département on a ``ProgressLine``, and keeps going when one fails.
struct DepartmentScan: Sendable {
    /// Where the files come from.
    let client: ViteMaDoseClient
    /// The most files read at the same time.
    let maximumConcurrency: Int

    /// Runs the search.
    /// - Parameter request: The search.
    /// - Returns: The places with slots (nearest first, then earliest slot), the départements read and those
    ///   that failed.
    /// - Throws: ``OpenDataError`` with reason `.invalidInput` for a search the finder refuses.
    func run(_ request: SlotSearchRequest) async throws -> ScanReport {
        let codes = try SlotFinder(client: client).departments(for: request.search)
        let progress = ProgressLine(total: codes.count)
        progress.start()
        let client = client
        let origin = request.origin
        var places: [PlaceWithSlots] = []
        var failures: [ScanFailure] = []
        await withTaskGroup(of: (String, Result<SlotFinderResult, any Error>).self) { group in
            // Tasks are added here, in the group's own closure: a nested function capturing the group ended the
            // group early in optimised builds.
            var pending = codes.makeIterator()
            for _ in 0..<min(maximumConcurrency, codes.count) {
                guard let code = pending.next() else { break }
                group.addTask { await Self.read(code, client: client, origin: origin) }
            }
            var done = 0
            while let (code, outcome) = await group.next() {
                done += 1
                switch outcome {
                case .success(let result):
                    let found = result.places.filter { place in
                        guard let radius = request.radiusKilometers else { return true }
                        return (place.distanceKilometers ?? .infinity) <= radius
                    }
                    places += found
                    if let failure = result.failures.first {
                        failures.append(ScanFailure(department: code, error: failure.error))
                        progress.departmentFailed(code, reason: failures.last?.reason ?? "", done: done)
                    } else {
                        progress.departmentRead(code, places: found.count, done: done)
                    }
                case .failure(let error):
                    failures.append(ScanFailure(department: code, error: error))
                    progress.departmentFailed(code, reason: failures.last?.reason ?? "", done: done)
                }
                if !Task.isCancelled, let code = pending.next() {
                    group.addTask { await Self.read(code, client: client, origin: origin) }
                }
            }
        }
        progress.finish(places: places.count, failures: failures.count)
        return ScanReport(
            request: request, departments: codes, places: places.sorted(by: Self.nearestFirst),
            failures: failures.sorted { $0.department < $1.department })
    }

    /// Reads one département with its own finder.
    static func read(
        _ code: String, client: ViteMaDoseClient, origin: Coordinates?
    ) async -> (String, Result<SlotFinderResult, any Error>) {
        let finder = SlotFinder(client: client, maximumConcurrency: 1)
        let search: SlotSearch = origin.map { .departmentsFrom([code], origin: $0) } ?? .departments([code])
        do {
            return (code, .success(try await finder.find(search)))
        } catch {
            return (code, .failure(error))
        }
    }

    /// Nearest first, then earliest next slot, then name.
    static func nearestFirst(_ left: PlaceWithSlots, _ right: PlaceWithSlots) -> Bool {
        switch (left.distanceKilometers, right.distanceKilometers) {
        case (let a?, let b?) where a != b: return a < b
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        switch (left.nextAppointment?.date, right.nextAppointment?.date) {
        case (let a?, let b?) where a != b: return a < b
        case (.some, nil): return true
        case (nil, .some): return false
        default: return (left.name ?? "") < (right.name ?? "")
        }
    }
}

/// What a search found.
struct ScanReport: Sendable {
    /// The search.
    let request: SlotSearchRequest
    /// The départements read, in code order.
    let departments: [String]
    /// The places with slots, sorted.
    let places: [PlaceWithSlots]
    /// The départements that could not be read.
    let failures: [ScanFailure]
}

/// A département whose file could not be read.
struct ScanFailure: Sendable, Codable {
    /// The code.
    let department: String
    /// Its name.
    let name: String?
    /// The error's stable reason, such as `server_error`.
    let errorReason: String
    /// The HTTP status, when the server answered.
    let httpStatus: Int?
    /// A readable explanation.
    let reason: String

    init(department: String, error: any Error) {
        self.department = department
        name = FrenchDepartment.named(department)?.name
        if let error = error as? OpenDataError {
            errorReason = error.reason.rawValue
            httpStatus = error.httpStatus
            var text = error.message
            if let status = error.httpStatus, !text.contains(String(status)) { text += " (HTTP \(status))" }
            reason = text + " [\(error.reason.rawValue)]"
        } else {
            errorReason = "unexpected"
            httpStatus = nil
            reason = "\(error)"
        }
    }

    /// `département 69 (Rhône)`.
    var label: String { "département \(department)" + (name.map { " (\($0))" } ?? "") }
}
