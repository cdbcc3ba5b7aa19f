import Foundation
import HTTPTypes
import ProSanteConnect
import SanteHTTP
import Synchronization

/// A gate tasks wait at until the test opens it.
actor Gate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func open() {
        isOpen = true
        waiters.forEach { $0.resume() }
        waiters = []
    }
}

/// An ordered log of events from several tasks.
final class EventLog: Sendable {
    private let events = Mutex<[String]>([])

    func append(_ event: String) { events.withLock { $0.append(event) } }
    var all: [String] { events.withLock { $0 } }
}

/// A token store that records every save, can hold saves at a gate, and can fail.
final class RecordingTokenStore: TokenStore {
    private struct State {
        var tokens: ProSanteConnectTokens?
        var saved: [ProSanteConnectTokens] = []
        var pendingSaves = 0
        var failuresLeft = 0
        var gate: Gate?
        var clears = 0
    }

    private let state = Mutex(State())
    let log: EventLog

    init(log: EventLog = EventLog()) { self.log = log }

    var saved: [ProSanteConnectTokens] { state.withLock { $0.saved } }
    var pendingSaves: Int { state.withLock { $0.pendingSaves } }
    var clears: Int { state.withLock { $0.clears } }
    var current: ProSanteConnectTokens? { state.withLock { $0.tokens } }

    func holdSaves(at gate: Gate) { state.withLock { $0.gate = gate } }
    func failNextSaves(_ count: Int) { state.withLock { $0.failuresLeft = count } }

    func load() async throws -> ProSanteConnectTokens? { state.withLock { $0.tokens } }

    func save(_ tokens: ProSanteConnectTokens) async throws {
        let gate = state.withLock { state -> Gate? in
            state.pendingSaves += 1
            return state.gate
        }
        if let gate { await gate.wait() }
        let fails = state.withLock { state -> Bool in
            state.pendingSaves -= 1
            if state.failuresLeft > 0 {
                state.failuresLeft -= 1
                return true
            }
            state.tokens = tokens
            state.saved.append(tokens)
            return false
        }
        if fails { throw CocoaError(.fileWriteNoPermission) }
        log.append("saved \(tokens.refreshToken ?? "-")")
    }

    func clear() async throws {
        state.withLock {
            $0.tokens = nil
            $0.clears += 1
        }
    }
}

extension StubTransport.Response {
    /// A JSON answer produced after `gate` opens, logging `event` when the request arrives.
    static func gatedJSON(_ json: String, gate: Gate? = nil, log: EventLog? = nil, event: String = "request")
        -> StubTransport.Response
    {
        .handler { _ in
            log?.append(event)
            if let gate { await gate.wait() }
            var fields = HTTPFields()
            fields[.contentType] = "application/json"
            return (HTTPResponse(status: .ok, headerFields: fields), HTTPBody(json))
        }
    }
}

/// Whether a recorded request is a refresh with `refreshToken`.
func isRefresh(_ request: StubTransport.RecordedRequest, with refreshToken: String) -> Bool {
    let fields = formFields(request)
    return fields["grant_type"] == "refresh_token" && fields["refresh_token"] == refreshToken
}
