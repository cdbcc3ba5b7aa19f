import Foundation
import HTTPTypes
import SanteKit

/// The code flow of a command-line tool (RFC 8252): a loopback listener receives the browser's redirect.
///
/// 1. listen on `127.0.0.1:<port>/callback`;
/// 2. prepare the authorization request (PKCE S256, `state`, `nonce`) with that redirect URI;
/// 3. print the authorization URL on a line of its own on standard error;
/// 4. with `autoApprove` (a mock provider, which approves at once), open the URL with an HTTP GET and
///    deliver its redirect to the listener, as a browser would;
/// 5. wait for the redirect, then exchange the code; the client checks the callback and the ID token.
struct PSCLoginFlow {
    /// The provider and client.
    let provider: PSCProvider
    /// The pipeline the client (and the auto-approval) sends through.
    let httpClient: SanteHTTPClient
    /// The listener's port; 0 picks a free one.
    var redirectPort = 0
    /// How long to wait for the redirect.
    var timeout: Duration = .seconds(300)
    /// The `login_hint`, if any.
    var loginHint: String?
    /// Whether the CLI opens the authorization URL itself.
    var autoApprove = false

    /// What a completed flow returns.
    struct Outcome {
        /// The client that completed the flow (its redirect URI is the listener's).
        let client: ProSanteConnectClient
        /// The validated login.
        let login: ProSanteConnectLogin
    }

    /// Runs the flow.
    /// - Returns: The client and the validated login.
    /// - Throws: ``OperationFailed`` (no redirect in time, the mock refused to approve) or the client's
    ///   `ProSanteConnectError`.
    func run() async throws -> Outcome {
        let listener = try await LoopbackRedirectListener.start(port: redirectPort)
        do {
            let outcome = try await run(with: listener)
            await listener.close()
            return outcome
        } catch {
            await listener.close()
            throw error
        }
    }

    private func run(with listener: LoopbackRedirectListener) async throws -> Outcome {
        let client = try provider.client(redirectURI: listener.redirectURI, httpClient: httpClient)
        let prepared = try await client.prepareAuthorization(loginHint: loginHint)
        Terminal.info("Open this URL in a browser to sign in with Pro Santé Connect:")
        Terminal.info(prepared.url.absoluteString)
        Terminal.info(
            "Waiting for the redirect to \(listener.redirectURI.absoluteString) "
                + "(up to \(timeout.components.seconds) s)…")
        let callback: URL
        if autoApprove {
            Terminal.info("The provider is a mock that approves at once: sante opens the URL itself (HTTP GET).")
            // Both tasks run to their end: the browser's last request is answered by the listener at once.
            // If either fails, the group cancels the other.
            callback = try await withThrowingTaskGroup(of: URL?.self) { group in
                group.addTask { try await listener.waitForCallback(timeout: timeout) }
                group.addTask {
                    try await playBrowser(authorizationURL: prepared.url)
                    return nil
                }
                var received: URL?
                for try await result in group {
                    if let result { received = result }
                }
                guard let received else {
                    throw OperationFailed(reason: "the redirect listener stopped before any redirect arrived")
                }
                return received
            }
        } else {
            callback = try await listener.waitForCallback(timeout: timeout)
        }
        Terminal.info("Redirect received; exchanging the code and checking the ID token…")
        let login = try await client.completeAuthorization(callbackURL: callback, pending: prepared.pending)
        return Outcome(client: client, login: login)
    }

    /// Opens the authorization URL and follows its one redirect to the listener, as a browser would.
    private func playBrowser(authorizationURL: URL) async throws {
        let (response, body) = try await httpClient.send(
            try httpClient.makeRequest(.get, path: authorizationURL.absoluteString))
        let text = String(decoding: try await body?.collect(upTo: 1 << 16) ?? Data(), as: UTF8.self)
        guard response.status.kind == .redirection, let location = response.headerFields[.location],
            location.hasPrefix("http://") || location.hasPrefix("https://")
        else {
            throw OperationFailed(
                reason: PSCFailure.oneLine(
                    "the authorization endpoint answered \(response.status.code) instead of a redirect: "
                        + text.prefix(300)))
        }
        let (_, page) = try await httpClient.send(try httpClient.makeRequest(.get, path: location))
        _ = try await page?.collect(upTo: 1 << 16)
    }
}
