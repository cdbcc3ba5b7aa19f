import Foundation
import HTTPTypes
import SanteKit

/// The Pro Santé Connect chapter of `sante demo`: a code-flow sign-in, an ID token with a wrong `iss`
/// refused, and a CIBA sign-in approved after two pending polls.
struct DemoPSCChapter {
    /// The mock platform.
    let session: MockPlatformSession
    /// The demo's platform (its accounting counts the chapter's requests).
    let platform: SantePlatform
    /// Time shared with an in-process mock.
    let timeline: MockTimeline
    /// The seeded professionals.
    let identities: DemoIdentities

    /// How many CIBA polls answer `authorization_pending` before the approval.
    static let pendingCIBAPolls = 2

    /// Runs the chapter.
    /// - Returns: What the report shows.
    /// - Throws: ``OperationFailed`` when something does not happen as the demo shows it.
    func run() async throws -> DemoReport.PSC {
        let provider = PSCProvider(
            environment: PSCProvider.mockEnvironment(baseURL: session.baseURL), clientID: MockDemoClient.clientID,
            clientSecret: MockDemoClient.secret, scopes: ["openid", "scope_all"], acrValues: ["eidas1"],
            signing: .asymmetric, idTokenAlgorithms: [],
            mock: PSCProvider.Mock(
                baseURL: session.baseURL, isInProcess: session.isInProcess, usesDemoClient: true,
                clock: session.isInProcess ? timeline.clientClock : SystemClock()))
        // The demo's settings and accounting, with connections kept alive for requests with a body (see
        // `PSCProvider.httpClient(logger:baseURL:keepsConnectionsAlive:)`): the chapter sends POSTs back to back.
        var keepAlive = platform
        keepAlive.transport = URLSessionTransport(configuration: .init(reusesConnectionsForRequestsWithBody: true))
        let http = try keepAlive.httpClient(baseURL: provider.environment.discoveryURL)
        let mock = try keepAlive.httpClient(baseURL: session.baseURL)
        let professionals = identities.professionals.map(\.subjectNameID)

        Terminal.info("Chapter 5a: a professional signs in with the code flow (loopback redirect, auto-approved)")
        let flow = PSCLoginFlow(
            provider: provider, httpClient: http, timeout: .seconds(30), loginHint: professionals.first,
            autoApprove: true)
        let outcome = try await flow.run()
        let identity = PSCIdentity(try await outcome.client.userInfo(for: outcome.login))
        let codeFlow = DemoReport.PSC.SignIn(
            flow: "authorization code + PKCE, loopback redirect", subjectNameID: identity.subjectNameID ?? "",
            name: identity.displayName, firstActivity: identity.firstActivity, polls: nil)

        Terminal.info("Chapter 5b: an ID token with a wrong iss (POST /_mock/psc/faults wrongIssuer) is refused")
        let refusal = try await wrongIssuerChapter(flow, mock: mock)

        Terminal.info("Chapter 5c: a CIBA sign-in, approved after \(Self.pendingCIBAPolls) pending polls")
        let ciba = try await cibaChapter(
            provider: provider, http: http, mock: mock,
            loginHint: professionals.dropFirst().first ?? professionals.first)
        return DemoReport.PSC(codeFlow: codeFlow, wrongIssuer: refusal, ciba: ciba)
    }

    private func wrongIssuerChapter(
        _ flow: PSCLoginFlow, mock: SanteHTTPClient
    ) async throws -> DemoReport.PSC.Refusal {
        let _: EmptyResponse = try await mock.sendJSON(
            .post, "_mock/psc/faults", body: DemoPSCFault(fault: "wrongIssuer", count: 1), as: EmptyResponse.self)
        do {
            _ = try await flow.run()
        } catch let error as ProSanteConnectError {
            return DemoReport.PSC.Refusal(
                injectedFault: "wrongIssuer (the next ID token names another issuer)", refused: true,
                reason: error.reason.rawValue, message: error.message)
        }
        throw OperationFailed(reason: "the mock's ID token with a wrong iss was accepted")
    }

    private func cibaChapter(
        provider: PSCProvider, http: SanteHTTPClient, mock: SanteHTTPClient, loginHint: String?
    ) async throws -> DemoReport.PSC.SignIn {
        guard let loginHint else { throw OperationFailed(reason: "the mock lists no professional") }
        let _: EmptyResponse = try await mock.sendJSON(
            .post, "_mock/psc/ciba", body: DemoCIBABehaviour(approveAfterPolls: Self.pendingCIBAPolls),
            as: EmptyResponse.self)
        let outcome: PSCBackchannelSignIn.Outcome
        do {
            outcome = try await PSCBackchannelSignIn(
                provider: provider, httpClient: http, loginHint: loginHint, bindingMessage: "sante demo"
            ).run()
        } catch {
            try? await restoreCIBABehaviour(mock)
            throw error
        }
        try await restoreCIBABehaviour(mock)
        let idToken = outcome.login.idToken
        let name = [idToken.givenName, idToken.familyName].compactMap { $0 }.joined(separator: " ")
        return DemoReport.PSC.SignIn(
            flow: "CIBA (poll mode)", subjectNameID: outcome.login.subjectNameID?.rawValue ?? "",
            name: name.isEmpty ? (idToken.name ?? "?") : name, firstActivity: nil, polls: outcome.polls)
    }

    /// Puts the mock's CIBA behaviour back to its default (approve on the second poll).
    private func restoreCIBABehaviour(_ mock: SanteHTTPClient) async throws {
        let _: EmptyResponse = try await mock.sendJSON(
            .post, "_mock/psc/ciba", body: DemoCIBABehaviour(approveAfterPolls: 1), as: EmptyResponse.self)
    }

    /// Prints the chapter's part of the readable report.
    static func print(_ psc: DemoReport.PSC) {
        Terminal.result("Pro Santé Connect")
        let codeFlow = psc.codeFlow
        Terminal.result("  code flow (auto-approved): \(codeFlow.subjectNameID)  \(codeFlow.name)")
        if let activity = codeFlow.firstActivity { Terminal.result("    first activity: \(activity)") }
        let refusal = psc.wrongIssuer
        Terminal.result(
            "  ID token with a wrong iss: \(refusal.refused ? "refused" : "accepted"), \(refusal.reason): "
                + refusal.message)
        let ciba = psc.ciba
        let polls = ciba.polls ?? 0
        Terminal.result(
            "  CIBA: \(ciba.subjectNameID)  \(ciba.name), approved on poll \(polls) after \(max(0, polls - 1)) pending")
    }
}

/// The body of `POST /_mock/psc/faults`.
struct DemoPSCFault: Codable {
    let fault: String
    let count: Int
}

/// The body of `POST /_mock/psc/ciba`.
struct DemoCIBABehaviour: Codable {
    let approveAfterPolls: Int
}

extension DemoReport {
    /// The Pro Santé Connect chapter.
    struct PSC: Codable {
        /// A professional who signed in.
        struct SignIn: Codable {
            let flow: String
            let subjectNameID: String
            let name: String
            let firstActivity: String?
            let polls: Int?
        }

        /// A sign-in the client refused.
        struct Refusal: Codable {
            let injectedFault: String
            let refused: Bool
            let reason: String
            let message: String
        }

        let codeFlow: SignIn
        let wrongIssuer: Refusal
        let ciba: SignIn
    }
}
