import ArgumentParser
import Foundation
import SanteKit

/// `sante psc login`: the code flow with a loopback redirect (RFC 8252).
struct PSCLogin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Sign in with the code flow: open the printed URL, the browser comes back to a local listener.",
        discussion: """
            Listens on 127.0.0.1:<port>/callback, prints the authorization URL on standard error, waits for the \
            browser's redirect, exchanges the code (PKCE), checks the callback and the ID token, fetches the \
            userinfo, stores the session in $SANTE_HOME and prints the professional on standard output. With an \
            in-process mock (the default), sante opens the URL itself and the mock approves at once.
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var provider: PSCProviderOptions

    @Option(name: .customLong("redirect-port"), help: "The loopback listener's port (0: any free port).")
    var redirectPort = 0

    @Option(name: .customLong("login-hint"), help: "The professional's SubjectNameID, sent as login_hint.")
    var loginHint: String?

    @Option(name: .customLong("timeout"), help: "How long to wait for the browser's redirect, in seconds.")
    var timeoutSeconds = 300

    @Flag(
        name: .customLong("auto-approve"),
        help: "Open the authorization URL with an HTTP GET, as a mock provider approves at once (always on in-process)."
    )
    var autoApprove = false

    func validate() throws {
        guard (0...65_535).contains(redirectPort) else {
            throw ArgumentParser.ValidationError("--redirect-port must be between 0 and 65535, got \(redirectPort)")
        }
        guard timeoutSeconds > 0 else { throw ArgumentParser.ValidationError("--timeout must be at least 1 second") }
        if autoApprove, provider.discoveryURL != nil {
            throw ArgumentParser.ValidationError(
                "--auto-approve only works with the mock provider, not with --discovery-url")
        }
    }

    func run() async throws {
        do {
            try await provider.withProvider(global: options) { provider in
                PSCSignIn.announce(provider)
                let http = try provider.httpClient(global: options)
                let flow = PSCLoginFlow(
                    provider: provider, httpClient: http, redirectPort: redirectPort,
                    timeout: .seconds(timeoutSeconds), loginHint: loginHint,
                    autoApprove: autoApprove || provider.mock?.isInProcess == true)
                let outcome = try await flow.run()
                let identity = try await PSCSignIn.finish(outcome.login, client: outcome.client, provider: provider)
                try identity.print(json: options.json)
            }
        } catch {
            throw PSCFailure.exitError(for: error, action: "sign-in")
        }
    }
}

/// What `login` and `ciba` do around the flow itself.
enum PSCSignIn {
    /// Tells on standard error which provider the command talks to.
    static func announce(_ provider: PSCProvider) {
        if let mock = provider.mock {
            Terminal.info(
                mock.isInProcess
                    ? "Started a mock platform in this process at \(mock.baseURL.absoluteString)"
                    : "Using the mock platform at \(mock.baseURL.absoluteString)")
        } else {
            Terminal.info("Using the provider at \(provider.environment.discoveryURL.absoluteString)")
        }
    }

    /// Fetches the userinfo, stores the session in `$SANTE_HOME`, and returns the professional.
    /// - Throws: The client's error, or ``OperationFailed`` when the session cannot be stored.
    static func finish(
        _ login: ProSanteConnectLogin, client: ProSanteConnectClient, provider: PSCProvider
    ) async throws -> PSCIdentity {
        let userInfo = try await client.userInfo(for: login)
        let store = PSCSessionStore.resolve()
        try store.save(provider.record(for: login, at: Date()))
        let manager = ProSanteConnectTokenManager(client: client, store: store.tokenStore)
        try await manager.begin(with: login)
        Terminal.info("Session saved in \(store.directory.path) (files of mode 0600).")
        if provider.mock?.isInProcess == true {
            Terminal.info(
                "This session comes from an in-process mock, which stops with this command: `sante psc userinfo` "
                    + "and `logout` need a persistent provider (sante-mock with --mock-url, or a real one).")
        }
        return PSCIdentity(userInfo)
    }
}
