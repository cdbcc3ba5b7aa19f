import Foundation
import SanteKit

/// Reads a notification's status until it is final, printing each change on standard error.
///
/// On an in-process mock the waits between reads are skipped (the mock's clock moves forward); elsewhere
/// they take real time, up to ``maximumReads`` reads.
struct NotifyStatusFollower {
    /// The connection.
    let connection: NotifyConnection
    /// The wait between two reads.
    var interval: Duration = .seconds(1)
    /// The most reads before giving up.
    var maximumReads = 60

    /// The notification each time its status changed, the first read included.
    /// - Parameter id: The notification's id.
    /// - Returns: The history, its last element final unless ``maximumReads`` ran out.
    /// - Throws: ``NotifyError``.
    func follow(id: String) async throws -> [NotifyNotification] {
        var history: [NotifyNotification] = []
        for read in 0..<maximumReads {
            if read > 0 { try await connection.pause(interval) }
            let notification = try await connection.client.notification(id: id)
            if history.last?.status != notification.status {
                history.append(notification)
                Terminal.info("status: \(notification.status)")
            }
            if notification.status.isFinal { return history }
        }
        Terminal.info("The status is still \(history.last?.status.rawValue ?? "unknown") after \(maximumReads) reads.")
        return history
    }
}
