public import Foundation
public import SanteCore

extension DMPDocumentQuery {
    /// The DMP's first automatic search: current documents whose act started within the last `years`
    /// years (`period-start=ge<date>`; 2 years by the DMP rule). Vaccination history deserves a search
    /// without this limit.
    /// - Parameters:
    ///   - patient: The patient's qualified INS.
    ///   - years: How far back the act may have started (default 2).
    ///   - now: The current date (the client clock's, usually).
    ///   - calendar: The calendar used to go back (default Gregorian, UTC).
    /// - Returns: The query.
    public static func recent(
        patient: INS, years: Int = 2, now: Date, calendar: Calendar = Calendar(identifier: .gregorian)
    ) -> DMPDocumentQuery {
        var calendar = calendar
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let start = calendar.date(byAdding: .year, value: -years, to: now) ?? now
        var query = DMPDocumentQuery(patient: patient, statuses: [.current])
        query.serviceStart = [DMPDateFilter(.onOrAfter, FHIRDate(start).rawValue)]
        return query
    }
}
