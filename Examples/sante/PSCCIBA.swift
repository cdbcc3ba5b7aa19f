import ArgumentParser
import Foundation
import SanteKit

/// `sante psc ciba`: a decoupled sign-in (CIBA, poll mode) on the professional's own device.
struct PSCCIBA: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ciba",
        abstract: "Ask the professional to approve a sign-in on their device (CIBA), and poll until they answer.",
        discussion: """
            Polls the token endpoint at the provider's interval (progress on standard error) until the \
            professional approves, refuses or lets the request expire. On approval, stores the session in \
            $SANTE_HOME and prints the professional. Against an in-process mock, the interval passes on the \
            mock's clock, at once.
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var provider: PSCProviderOptions

    @Option(name: .customLong("login-hint"), help: "The professional's national identifier (login_hint).")
    var loginHint: String

    @Option(name: .customLong("binding-message"), help: "A short text shown to the professional.")
    var bindingMessage: String?

    @Option(name: .customLong("channel"), help: "PSC's channel, such as CARD for a CPx card.")
    var channel: String?

    func validate() throws {
        guard !loginHint.isEmpty else { throw ArgumentParser.ValidationError("--login-hint must not be empty") }
    }

    func run() async throws {
        do {
            try await provider.withProvider(global: options) { provider in
                PSCSignIn.announce(provider)
                let http = try provider.httpClient(global: options)
                let result = try await PSCBackchannelSignIn(
                    provider: provider, httpClient: http, loginHint: loginHint, bindingMessage: bindingMessage,
                    channel: channel
                ).run()
                let identity = try await PSCSignIn.finish(result.login, client: result.client, provider: provider)
                try identity.print(json: options.json)
            }
        } catch {
            throw PSCFailure.exitError(for: error, action: "CIBA sign-in")
        }
    }
}

/// A CIBA sign-in with progress on standard error.
struct PSCBackchannelSignIn {
    /// The provider and client.
    let provider: PSCProvider
    /// The pipeline.
    let httpClient: SanteHTTPClient
    /// `login_hint`.
    let loginHint: String
    /// `binding_message`.
    var bindingMessage: String?
    /// `channel`.
    var channel: String?

    /// What an approved request returns.
    struct Outcome {
        /// The client that polled.
        let client: ProSanteConnectClient
        /// The validated login.
        let login: ProSanteConnectLogin
        /// How many polls were sent.
        let polls: Int
    }

    /// Sends the request and polls until the professional answers.
    /// - Throws: The client's `ProSanteConnectError` (refused, expired…).
    func run() async throws -> Outcome {
        let clock = PSCPollingClock(base: provider.clock)
        let client = try provider.client(
            redirectURI: provider.environment.discoveryURL, httpClient: httpClient, clock: clock)
        let request = try await client.startBackchannelAuthentication(
            BackchannelAuthenticationRequest(loginHint: loginHint, bindingMessage: bindingMessage, channel: channel))
        let seconds = Int(request.expiresAt.timeIntervalSince(request.startedAt).rounded())
        Terminal.info(
            "Pro Santé Connect asked \(loginHint) to approve the sign-in on their device "
                + "(request valid \(seconds) s, polled every \(request.intervalSeconds) s).")
        if provider.mock?.isInProcess == true {
            Terminal.info("The mock runs in this process: the polling interval passes on its clock, at once.")
        }
        let login = try await client.pollBackchannelAuthentication(request)
        Terminal.info("Approved after \(clock.pollCount) polls.")
        return Outcome(client: client, login: login, polls: clock.pollCount)
    }
}
