import Foundation
import NIOCore

/// Thrown by the fault middleware to ask for the connection to be reset without any response.
///
/// The request-log middleware catches it, records the request, then calls ``reset(_:)``. The error then
/// propagates to Hummingbird, whose attempt to write an error response fails on the closed channel.
struct ConnectionResetRequested: Error {}

/// Thrown by a response body after it cut the connection on purpose (a truncated body).
struct ConnectionClosedOnPurpose: Error {}

enum ConnectionAbort {
    /// Closes the connection abruptly: `SO_LINGER` with a zero timeout makes the close send a TCP RST.
    static func reset(_ channel: any Channel) async {
        if let provider = channel as? any SocketOptionProvider {
            // When the option cannot be set the close below still ends the connection, with a FIN.
            try? await provider.setSoLinger(linger(l_onoff: 1, l_linger: 0)).get()
        }
        try? await channel.close()
    }

    /// Closes the connection normally (FIN), after what was written so far.
    static func close(_ channel: any Channel) async {
        try? await channel.close()
    }
}
