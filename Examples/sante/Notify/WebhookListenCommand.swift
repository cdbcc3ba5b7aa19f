import ArgumentParser
import Dispatch
import Foundation
import SanteKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `sante webhook listen`: receives webhooks over HTTP and prints each verified one as it arrives.
struct WebhookListenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "listen",
        abstract: "Receive webhooks over HTTP and print each verified event as it arrives.",
        discussion: """
            Every POST must carry valid webhook-id, webhook-timestamp and webhook-signature headers for one of \
            the secrets: it is answered 204 and printed. A bad signature or timestamp is answered 401 (400 for \
            missing headers) and reported on standard error; a replayed id is answered 200 and not printed again.

            With --register, the listener registers itself with the mock platform's webhook sender \
            (--mock-url or SANTE_MOCK_URL) and uses the secret the mock returns; the endpoint is removed on exit.

            Stops on Ctrl-C (SIGINT), or after --count events.
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var secret: WebhookSecretOptions

    @Option(name: .customLong("host"), help: "The address to listen on (default 127.0.0.1).")
    var host = "127.0.0.1"

    @Option(name: .customLong("port"), help: "The port to listen on (default 0: a free port, printed at start).")
    var port = 0

    @Option(name: .customLong("count"), help: "Stop after this many verified events.")
    var count: Int?

    @Option(name: .customLong("tolerance"), help: "How far a timestamp may be from now, in seconds (default 300).")
    var tolerance = 300

    @Option(
        name: .customLong("bearer-token"),
        help: "Also require Authorization: Bearer <token> (default: $SANTE_WEBHOOK_BEARER_TOKEN, if set).")
    var bearerToken: String?

    @Flag(name: .customLong("register"), help: "Register with the mock platform's webhook sender (needs --mock-url).")
    var register = false

    @Option(
        name: .customLong("event-type"), help: "With --register: an event type to receive; repeatable (default: all).")
    var eventTypes: [String] = []

    func validate() throws {
        _ = try secret.resolved()
        guard (0...65_535).contains(port) else { throw ArgumentParser.ValidationError("--port must be 0 to 65535") }
        if let count, count < 1 { throw ArgumentParser.ValidationError("--count must be at least 1") }
        guard tolerance >= 0 else { throw ArgumentParser.ValidationError("--tolerance must not be negative") }
        if !eventTypes.isEmpty, !register {
            throw ArgumentParser.ValidationError("--event-type needs --register")
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var secrets = try secret.resolved(environment: environment)
        let mockURL = try options.resolvedMockURL(environment: environment)
        if register {
            guard mockURL != nil else {
                throw ArgumentParser.ValidationError("--register needs a running mock: --mock-url or SANTE_MOCK_URL")
            }
        } else if secrets.isEmpty {
            throw ArgumentParser.ValidationError(
                "a signing secret is needed: --secret, SANTE_WEBHOOK_SECRET or --register")
        }
        let token = bearerToken ?? environment["SANTE_WEBHOOK_BEARER_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let (events, continuation) = AsyncStream.makeStream(of: WebhookListenSignal.self)
        let gate = WebhookGate(
            tolerance: .seconds(tolerance), bearer: token.map(BearerCallbackAuthenticator.init(token:)),
            continuation: continuation)
        if !secrets.isEmpty { gate.setSecrets(secrets) }
        let server = try await WebhookHTTPServer.start(host: host, port: port) { request in
            await gate.handle(request)
        }
        let interrupt = Self.onInterrupt { continuation.yield(.stop) }
        var registration: WebhookMockRegistration?
        do {
            if register, let mockURL {
                let made = try await WebhookMockRegistration.register(
                    mockURL: mockURL, receiverURL: server.baseURL, eventTypes: eventTypes.isEmpty ? nil : eventTypes,
                    global: options)
                registration = made
                secrets = [made.secret]
                gate.setSecrets(secrets)
                Terminal.info("Registered with the mock's webhook sender as \(made.endpointID)")
            }
            Terminal.info("Listening on \(server.baseURL.absoluteString) (Ctrl-C to stop)")
            try await printEvents(events)
        } catch {
            interrupt.cancel()
            await server.close()
            await registration?.remove()
            throw error
        }
        interrupt.cancel()
        await server.close()
        await registration?.remove()
    }

    private func printEvents(_ events: AsyncStream<WebhookListenSignal>) async throws {
        var received = 0
        for await signal in events {
            guard case .event(let summary) = signal else {
                Terminal.info("Stopped after \(received) event\(received == 1 ? "" : "s").")
                return
            }
            received += 1
            if options.json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                encoder.dateEncodingStrategy = .iso8601
                Terminal.result(String(decoding: try encoder.encode(summary), as: UTF8.self))
            } else {
                Terminal.result(summary.headline)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                Terminal.result("  " + String(decoding: try encoder.encode(summary.event), as: UTF8.self))
            }
            if let count, received >= count { return }
        }
    }

    /// Calls `action` on SIGINT (instead of ending the process) until the returned source is cancelled.
    private static func onInterrupt(_ action: @escaping @Sendable () -> Void) -> any DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler(handler: action)
        source.resume()
        return source
    }
}

/// What the listener's handler tells the printing loop.
enum WebhookListenSignal: Sendable {
    /// A verified event to print.
    case event(WebhookEventSummary)
    /// Stop listening (SIGINT).
    case stop
}
