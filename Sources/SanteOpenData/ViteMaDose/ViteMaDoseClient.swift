import Foundation
import HTTPTypes
import SanteCore
public import SanteHTTP

/// The Vite Ma Dose files: availability per département, daily slots, statistics and the list of
/// départements.
///
/// The files are static JSON published by the Vite Ma Dose scraper (https://vitemadose.gitlab.io/vitemadose/);
/// the base URL is configurable through the pipeline, so an archive mirror or a mock platform
/// (`/data/vitemadose`) serves them as well.
///
/// ```swift
/// let viteMaDose = ViteMaDoseClient(http: try platform.httpClient(baseURL: SanteOpenData.viteMaDoseURL!))
/// let paris = try await viteMaDose.departmentFile("75")
/// for try await centre in viteMaDose.availableCentres(in: "13") { … }   // streamed
/// ```
public struct ViteMaDoseClient: Sendable {
    /// The pipeline, based at the directory holding the files.
    public let http: SanteHTTPClient

    let requester: OpenDataRequester

    /// Creates a client.
    /// - Parameter http: The pipeline, based at the files' directory (see ``SanteOpenData/viteMaDoseURL``).
    public init(http: SanteHTTPClient) {
        self.http = http
        self.requester = OpenDataRequester(http: http)
    }

    /// A département's file (`{code}.json`), read whole.
    /// - Parameter code: The département code, such as `01`, `2A`, `971`.
    /// - Returns: The file.
    /// - Throws: ``OpenDataError`` (`.notFound` for an unknown département, `.invalidInput` for a malformed code).
    public func departmentFile(_ code: String) async throws -> ViteMaDoseDepartmentFile {
        let operation = "vitemadose.department"
        return try await requester.get(
            ViteMaDoseDepartmentFile.self, "\(try Self.departmentSegment(code, operation: operation)).json",
            operation: operation)
    }

    /// The centres with slots of a département (`centres_disponibles` of `{code}.json`), streamed one at a
    /// time as the body arrives.
    /// - Parameter code: The département code.
    /// - Returns: The centres.
    public func availableCentres(in code: String) -> AsyncThrowingStream<ViteMaDoseCentre, any Error> {
        let operation = "vitemadose.availableCentres"
        let requester = requester
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    let segment = try Self.departmentSegment(code, operation: operation)
                    let request = try requester.request(.get, "\(segment).json", operation: operation)
                    let (_, body) = try await requester.stream(request, operation: operation)
                    for try await centre in HealthDatasets.viteMaDoseCentres(json: body, list: .available) {
                        continuation.yield(centre)
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: OpenDataError.wrap(error, operation: operation))
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// A département's slots per day and centre (`{code}/creneaux-quotidiens.json`).
    /// - Parameter code: The département code.
    /// - Returns: The daily slots.
    /// - Throws: ``OpenDataError``.
    public func dailySlots(_ code: String) async throws -> ViteMaDoseDailySlots {
        let operation = "vitemadose.dailySlots"
        return try await requester.get(
            ViteMaDoseDailySlots.self,
            "\(try Self.departmentSegment(code, operation: operation))/creneaux-quotidiens.json",
            operation: operation)
    }

    /// The counts of `stats.json`.
    /// - Returns: The statistics.
    /// - Throws: ``OpenDataError``.
    public func stats() async throws -> ViteMaDoseStats {
        try await requester.get(ViteMaDoseStats.self, "stats.json", operation: "vitemadose.stats")
    }

    /// The départements of `departements.json`.
    /// - Returns: The départements.
    /// - Throws: ``OpenDataError``.
    public func departments() async throws -> [ViteMaDoseDepartment] {
        try await requester.get([ViteMaDoseDepartment].self, "departements.json", operation: "vitemadose.departments")
    }

    /// The centres of `centres_open_data.json`.
    /// - Returns: The centres.
    /// - Throws: ``OpenDataError``.
    public func openDataCentres() async throws -> [ViteMaDoseOpenDataCentre] {
        try await requester.get(
            [ViteMaDoseOpenDataCentre].self, "centres_open_data.json", operation: "vitemadose.openDataCentres")
    }

    /// A département code checked for use in a path: 2 or 3 letters and digits (`01`, `2A`, `971`).
    static func departmentSegment(_ code: String, operation: String) throws -> String {
        let trimmed = code.trimmingSpaces.uppercased()
        guard (2...3).contains(trimmed.count), trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLetter) })
        else {
            throw OpenDataError(
                reason: .invalidInput, message: "\"\(code)\" is not a département code", operation: operation)
        }
        return trimmed
    }
}
