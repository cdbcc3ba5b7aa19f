import ArgumentParser
import Foundation
import SanteKit

/// `sante psc logout`: ends the session at the provider and clears it locally.
struct PSCLogout: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logout",
        abstract:
            "End the stored session at the provider (id_token_hint) and clear it locally, even if that call fails.")

    @OptionGroup var options: GlobalOptions

    @Option(
        name: .customLong("client-secret"),
        help: "The client secret (default: $SANTE_PSC_CLIENT_SECRET; known for the mock).")
    var clientSecret: String?

    /// What `--json` prints.
    struct Result: Encodable {
        let signedOut: Bool
        let subjectNameID: String?
        let issuer: String?
    }

    func run() async throws {
        guard let stored = try await PSCStoredSession.loadIfPresent(clientSecret: clientSecret, global: options)
        else {
            let store = PSCSessionStore.resolve()
            try? await store.tokenStore.clear()
            Terminal.info("No Pro Santé Connect session in \(store.directory.path): nothing to sign out of.")
            try report(Result(signedOut: false, subjectNameID: nil, issuer: nil))
            return
        }
        var providerError: (any Error)?
        do {
            try await stored.manager.logout()
        } catch {
            providerError = error
        }
        try? await stored.store.tokenStore.clear()
        try stored.store.removeRecord()
        if let providerError {
            let failure = stored.exitError(for: providerError, action: "the provider's logout")
            throw OperationFailed(reason: "signed out locally (session cleared), but \(failure)")
        }
        try report(Result(signedOut: true, subjectNameID: stored.record.subjectNameID, issuer: stored.record.issuer))
    }

    private func report(_ result: Result) throws {
        if options.json {
            try Terminal.json(result)
        } else if result.signedOut {
            Terminal.result(
                "Signed out of \(result.issuer ?? "the provider") (\(result.subjectNameID ?? "professional")); "
                    + "the local session is cleared.")
        } else {
            Terminal.result("No session.")
        }
    }
}
