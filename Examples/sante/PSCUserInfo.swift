import ArgumentParser
import Foundation
import SanteKit

/// `sante psc userinfo`: the professional of the stored session, refreshing the access token as needed.
struct PSCUserInfo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "userinfo",
        abstract: "Print the professional of the stored session (refreshing its access token as needed).",
        discussion: """
            Needs a session from `sante psc login` or `ciba` against a persistent provider: sante-mock (with \
            --mock-url) or a real one. A session from an in-process mock cannot be used: that mock is gone.
            """)

    @OptionGroup var options: GlobalOptions

    @Option(
        name: .customLong("client-secret"),
        help: "The client secret, to refresh the session (default: $SANTE_PSC_CLIENT_SECRET; known for the mock).")
    var clientSecret: String?

    func run() async throws {
        let stored = try await PSCStoredSession.load(clientSecret: clientSecret, global: options)
        do {
            let accessToken = try await stored.manager.validAccessToken()
            let userInfo: ProSanteConnectUserInfo
            do {
                userInfo = try await stored.client.userInfo(
                    accessToken: accessToken, expectedSubject: stored.record.subject)
            } catch let error as ProSanteConnectError where error.httpStatus == 401 {
                Terminal.info("The provider refused the access token; refreshing it once.")
                let refreshed = try await stored.manager.refresh()
                userInfo = try await stored.client.userInfo(
                    accessToken: refreshed.accessToken, expectedSubject: stored.record.subject)
            }
            try PSCIdentity(userInfo).print(json: options.json)
        } catch let error as ProSanteConnectError where error.reason == .sessionEnded {
            try? stored.store.removeRecord()
            throw OperationFailed(reason: "the session ended (\(error.message)); sign in again with `sante psc login`")
        } catch {
            throw stored.exitError(for: error, action: "userinfo")
        }
    }
}

/// The session in `$SANTE_HOME`, with a client for its provider.
struct PSCStoredSession {
    /// The store.
    let store: PSCSessionStore
    /// Which provider and client.
    let record: PSCSessionRecord
    /// The tokens as stored, if any.
    let tokens: ProSanteConnectTokens?
    /// The client secret, from `--client-secret`, `SANTE_PSC_CLIENT_SECRET`, or the mock's seeded one.
    let clientSecret: String?
    /// A client of the session's provider.
    let client: ProSanteConnectClient
    /// The session's token manager (refreshes and saves in the store).
    let manager: ProSanteConnectTokenManager

    /// Loads a session that has tokens, able to refresh them when they need it.
    /// - Parameters:
    ///   - clientSecret: `--client-secret`, if given.
    ///   - global: The global options.
    /// - Returns: The session.
    /// - Throws: ``OperationFailed`` when there is no session, it cannot be read, or its access token
    ///   expired and no client secret is known to refresh it.
    static func load(clientSecret: String?, global: GlobalOptions) async throws -> PSCStoredSession {
        guard let session = try await loadIfPresent(clientSecret: clientSecret, global: global),
            let tokens = session.tokens
        else {
            throw OperationFailed(
                reason: "no Pro Santé Connect session in \(PSCSessionStore.resolve().directory.path): "
                    + "sign in with `sante psc login`")
        }
        if session.clientSecret == nil, tokens.accessTokenNeedsRefresh(at: Date(), margin: .seconds(30)) {
            throw OperationFailed(
                reason: "the access token expired and refreshing it needs the client secret: "
                    + "--client-secret or SANTE_PSC_CLIENT_SECRET")
        }
        return session
    }

    /// Loads the session, or returns `nil` when `$SANTE_HOME` holds no session record.
    /// - Throws: ``OperationFailed`` when the files cannot be read.
    static func loadIfPresent(clientSecret: String?, global: GlobalOptions) async throws -> PSCStoredSession? {
        let store = PSCSessionStore.resolve()
        guard let record = try store.loadRecord() else { return nil }
        let tokens: ProSanteConnectTokens?
        do {
            tokens = try await store.tokenStore.load()
        } catch {
            throw OperationFailed(reason: "\(store.tokensURL.path) cannot be read; run `sante psc logout`")
        }
        let environmentSecret = ProcessInfo.processInfo.environment["SANTE_PSC_CLIENT_SECRET"]
            .flatMap { $0.isEmpty ? nil : $0 }
        let secret = clientSecret ?? environmentSecret ?? (record.usesMockDemoClient ? MockDemoClient.secret : nil)
        let configuration = ProSanteConnectConfiguration(
            environment: .custom(name: "stored", discoveryURL: record.discoveryURL, expectedIssuer: record.issuer),
            clientID: record.clientID, clientAuthentication: .clientSecretBasic(secret ?? ""),
            redirectURI: record.discoveryURL, scopes: record.scopes, acrValues: record.acrValues,
            idTokenSigning: try PSCSigning.policy(record.idTokenAlgorithms))
        let http = try PSCProvider.httpClient(
            logger: global.makeLogger(), baseURL: record.discoveryURL, keepsConnectionsAlive: false)
        let client = try PSCProvider.makeClient(configuration, httpClient: http)
        return PSCStoredSession(
            store: store, record: record, tokens: tokens, clientSecret: secret, client: client,
            manager: ProSanteConnectTokenManager(client: client, store: store.tokenStore))
    }

    /// The one-line failure for `error`, naming an unreachable provider clearly.
    func exitError(for error: any Error, action: String) -> any Error {
        guard PSCFailure.isUnreachable(error) else { return PSCFailure.exitError(for: error, action: action) }
        var reason = "the provider of the stored session (\(record.issuer)) is unreachable"
        if record.providerWasInProcess {
            reason +=
                ": it was an in-process mock, which stopped with the command that signed in; sign in against "
                + "a persistent provider (sante-mock with --mock-url, or a real one)"
        }
        return OperationFailed(reason: reason)
    }
}
