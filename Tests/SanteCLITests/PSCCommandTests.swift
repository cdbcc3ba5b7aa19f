import Foundation
import SanteMockPlatform
import Testing

@Suite("sante psc, run as a user runs it", .timeLimit(.minutes(3)))
struct PSCCommandTests {
    @Test("login against an in-process mock signs in by itself, stores the session 0600, prints the professional")
    func loginInProcess() async throws {
        let home = TemporarySanteHome()
        defer { home.remove() }
        let outcome = try await CommandRunner.run(
            "sante", ["psc", "login", "--json", "--login-hint", "899990000020"], environment: home.environment)
        #expect(outcome.status == 0, "stderr: \(outcome.standardError)")

        let professional = try jsonObject(outcome.standardOutput)
        #expect(professional["SubjectNameID"] as? String == "899990000020")
        #expect(professional["given_name"] as? String == "JULIEN")
        #expect(professional["family_name"] as? String == "MARCHAND")
        let exercises = try #require(professional["exercices"] as? [[String: Any]])
        #expect(exercises.first?["codeSavoirFaire"] as? String == "SM04")
        let activities = try #require(exercises.first?["activities"] as? [[String: Any]])
        #expect(activities.first?["raisonSocialeSite"] as? String == "CENTRE HOSPITALIER SANTEKIT")

        let lines = outcome.standardError.split(separator: "\n").map(String.init)
        let urlLine = try #require(lines.first { $0.hasPrefix("http://127.0.0.1:") })
        #expect(urlLine.contains("/psc/wallet/auth?response_type=code&client_id=santekit-demo"))
        #expect(urlLine.contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A"))
        #expect(urlLine.contains("code_challenge_method=S256"))
        #expect(outcome.standardError.contains("sante opens the URL itself"))
        #expect(outcome.standardError.contains("in-process mock"))

        #expect(try home.permissions(of: home.tokensFile) == 0o600)
        #expect(try home.permissions(of: home.recordFile) == 0o600)
        #expect(try home.permissions(of: home.directory) == 0o700)
        let tokens = try home.storedTokens()
        #expect((tokens["access_token"] as? String)?.isEmpty == false)
        #expect((tokens["refresh_token"] as? String)?.isEmpty == false)
    }

    @Test("Without --json, login prints the professional as readable lines")
    func loginText() async throws {
        let home = TemporarySanteHome()
        defer { home.remove() }
        let outcome = try await CommandRunner.run("sante", ["psc", "login"], environment: home.environment)
        #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("899990000012  CAMILLE LEFEBVRE\n"))
        #expect(outcome.standardOutput.contains("CABINET DU DR LEFEBVRE, 24 R DE LA CONVENTION, 75015 PARIS"))
        #expect(!outcome.standardOutput.contains("http://"), "URLs belong on standard error")
    }

    @Test("An ID token with a wrong iss is refused: exit 1 with a one-line reason, nothing stored")
    func wrongIssuerRefused() async throws {
        let home = TemporarySanteHome()
        defer { home.remove() }
        let platform = try await MockPlatform.start()
        await platform.identityProvider.arm(.wrongIssuer, count: 1)
        let outcome = try await CommandRunner.run(
            "sante", ["psc", "login", "--mock-url", platform.baseURL.absoluteString, "--auto-approve"],
            environment: home.environment)
        let tokenRequests = await platform.requestLog.entries.filter { $0.path.hasSuffix("/openid-connect/token") }
        await platform.stop()

        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.isEmpty)
        let reasons = errorLines(outcome.standardError)
        #expect(reasons.count == 1, "stderr: \(outcome.standardError)")
        #expect(reasons.first?.contains("sign-in failed") == true)
        #expect(reasons.first?.contains("[id_token_invalid_issuer]") == true)
        #expect(tokenRequests.count == 1, "the code was exchanged once, then the ID token refused")
        #expect(!FileManager.default.fileExists(atPath: home.tokensFile.path))
        #expect(!FileManager.default.fileExists(atPath: home.recordFile.path))
    }

    @Test("ciba polls until the professional approves (in-process: the interval passes at once)")
    func cibaApproved() async throws {
        let home = TemporarySanteHome()
        defer { home.remove() }
        let outcome = try await CommandRunner.run(
            "sante", ["psc", "ciba", "--login-hint", "899990000038", "--binding-message", "Connexion 4821", "--json"],
            environment: home.environment)
        #expect(outcome.status == 0, "stderr: \(outcome.standardError)")
        let professional = try jsonObject(outcome.standardOutput)
        #expect(professional["SubjectNameID"] as? String == "899990000038")
        #expect(outcome.standardError.contains("poll 1 in 5 s"))
        #expect(outcome.standardError.contains("Approved after 2 polls."), "the mock's default: approve on poll 2")
        #expect(try home.permissions(of: home.tokensFile) == 0o600)
    }

    @Test("ciba refused by the professional exits 1 with the reason")
    func cibaDenied() async throws {
        let home = TemporarySanteHome()
        defer { home.remove() }
        let platform = try await MockPlatform.start()
        await platform.identityProvider.setCIBABehaviour(.deny)
        let outcome = try await CommandRunner.run(
            "sante", ["psc", "ciba", "--mock-url", platform.baseURL.absoluteString, "--login-hint", "899990000012"],
            environment: home.environment)
        await platform.stop()
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.isEmpty)
        let reasons = errorLines(outcome.standardError)
        #expect(reasons.count == 1, "stderr: \(outcome.standardError)")
        #expect(reasons.first?.contains("[authorization_denied] (access_denied") == true)
    }

    @Test("A browser login against a running mock, then userinfo (refreshing when expired), then logout")
    func browserLoginUserInfoLogout() async throws {
        let home = TemporarySanteHome()
        defer { home.remove() }
        let platform = try await MockPlatform.start()
        do {
            try await browserLoginUserInfoLogout(platform: platform, home: home)
        } catch {
            await platform.stop()
            throw error
        }
        await platform.stop()
    }

    private func browserLoginUserInfoLogout(platform: MockPlatform, home: TemporarySanteHome) async throws {
        let mockURL = platform.baseURL.absoluteString
        let login = try StreamingCommand.start(
            "sante",
            ["psc", "login", "--mock-url", mockURL, "--json", "--login-hint", "899990000020", "--timeout", "30"],
            environment: home.environment)
        let (urlLine, seen) = await login.readErrorLines { $0.hasPrefix("http://") }
        let authorizationURL = try #require(urlLine.flatMap(URL.init(string:)), "stderr so far: \(seen)")
        #expect(!seen.contains { $0.contains("sante opens the URL itself") }, "a running mock waits for a browser")

        // The test is the browser: the mock approves at once with a 302 to the CLI's loopback listener.
        let approval = try await TestBrowser.get(authorizationURL)
        #expect(approval.status == 302)
        let callback = try #require(approval.location.flatMap(URL.init(string:)))
        #expect(callback.absoluteString.hasPrefix("http://127.0.0.1:"))
        let page = try await TestBrowser.get(callback)
        #expect(page.status == 200)
        #expect(page.body.contains("Sign-in received"))

        let loggedIn = await login.finish()
        #expect(loggedIn.status == 0, "stderr: \(loggedIn.standardError)")
        #expect(try jsonObject(loggedIn.standardOutput)["SubjectNameID"] as? String == "899990000020")

        // userinfo reads the stored session; no --mock-url needed.
        let userInfo = try await CommandRunner.run(
            "sante", ["psc", "userinfo", "--json"], environment: home.environment)
        #expect(userInfo.status == 0, "stderr: \(userInfo.standardError)")
        #expect(try jsonObject(userInfo.standardOutput)["SubjectNameID"] as? String == "899990000020")

        // An expired access token is refreshed first; the rotated refresh token is stored, still 0600.
        var tokens = try home.storedTokens()
        let firstRefreshToken = try #require(tokens["refresh_token"] as? String)
        tokens["access_token_expires_at"] = Date().timeIntervalSince1970 - 10
        try JSONSerialization.data(withJSONObject: tokens).write(to: home.tokensFile)
        let refreshed = try await CommandRunner.run("sante", ["psc", "userinfo"], environment: home.environment)
        #expect(refreshed.status == 0, "stderr: \(refreshed.standardError)")
        #expect(refreshed.standardOutput.hasPrefix("899990000020  JULIEN MARCHAND"))
        let rotated = try #require(try home.storedTokens()["refresh_token"] as? String)
        #expect(rotated != firstRefreshToken)
        #expect(try home.permissions(of: home.tokensFile) == 0o600)

        let logout = try await CommandRunner.run("sante", ["psc", "logout", "--json"], environment: home.environment)
        #expect(logout.status == 0, "stderr: \(logout.standardError)")
        #expect(try jsonObject(logout.standardOutput)["signedOut"] as? Bool == true)
        let logoutCalls = await platform.requestLog.entries.filter { $0.path.hasSuffix("/openid-connect/logout") }
        #expect(logoutCalls.count == 1)
        #expect(logoutCalls.first?.query?.contains("id_token_hint=") == true)
        #expect(!FileManager.default.fileExists(atPath: home.tokensFile.path))
        #expect(!FileManager.default.fileExists(atPath: home.recordFile.path))

        let afterLogout = try await CommandRunner.run("sante", ["psc", "userinfo"], environment: home.environment)
        #expect(afterLogout.status == 1)
        #expect(errorLines(afterLogout.standardError).first?.contains("no Pro Santé Connect session") == true)
    }

    @Test("userinfo on a session from an in-process mock says, in one line, that its provider is gone")
    func unreachableStoredSession() async throws {
        let home = TemporarySanteHome()
        defer { home.remove() }
        let login = try await CommandRunner.run("sante", ["psc", "login"], environment: home.environment)
        #expect(login.status == 0, "stderr: \(login.standardError)")
        let userInfo = try await CommandRunner.run("sante", ["psc", "userinfo"], environment: home.environment)
        #expect(userInfo.status == 1)
        #expect(userInfo.standardOutput.isEmpty)
        let reasons = errorLines(userInfo.standardError)
        #expect(reasons.count == 1, "stderr: \(userInfo.standardError)")
        #expect(reasons.first?.contains("is unreachable: it was an in-process mock") == true)

        let logout = try await CommandRunner.run("sante", ["psc", "logout"], environment: home.environment)
        #expect(logout.status == 1, "the provider's logout failed")
        #expect(errorLines(logout.standardError).first?.contains("signed out locally") == true)
        #expect(!FileManager.default.fileExists(atPath: home.tokensFile.path), "cleared even so")
        #expect(!FileManager.default.fileExists(atPath: home.recordFile.path))
    }

    @Test(
        "Usage errors exit 64",
        arguments: [
            (["psc", "login", "--redirect-port", "70000"], "--redirect-port must be between 0 and 65535"),
            (["psc", "login", "--id-token-alg", "none"], "--id-token-alg must be RS256, PS256, ES256 or HS256"),
            (["psc", "login", "--scope", "profile"], "--scope must include openid"),
            (["psc", "login", "--timeout", "0"], "--timeout must be at least 1 second"),
            (
                ["psc", "login", "--discovery-url", "https://idp.example/.well-known/x"],
                "--discovery-url needs --client-id"
            ),
            (["psc", "login", "--discovery-url", "ftp://idp.example", "--client-id", "a"], "must be an http(s) URL"),
            (
                ["psc", "login", "--discovery-url", "https://idp.example/.well-known/x", "--client-id", "a"],
                "a client secret is needed"
            ),
            (
                [
                    "psc", "login", "--discovery-url", "https://idp.example/.well-known/x", "--client-id", "a",
                    "--client-secret", "s", "--auto-approve",
                ],
                "--auto-approve only works with the mock provider"
            ),
            (["psc", "ciba"], "--login-hint"),
            (["psc", "login", "--mock-url", "ftp://example"], "--mock-url must be an http(s) URL"),
        ])
    func usageErrors(arguments: [String], message: String) async throws {
        let home = TemporarySanteHome()
        defer { home.remove() }
        let outcome = try await CommandRunner.run("sante", arguments, environment: home.environment)
        #expect(outcome.status == 64, "stderr: \(outcome.standardError)")
        #expect(outcome.standardError.contains(message), "stderr: \(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: home.directory.path))
    }

    @Test("The demo's Pro Santé Connect chapter: code flow, a wrong iss refused, CIBA after two pending polls")
    func demoChapter() async throws {
        let home = TemporarySanteHome()
        defer { home.remove() }
        let json = try await CommandRunner.run("sante", ["demo", "--json"], environment: home.environment)
        #expect(json.status == 0, "stderr: \(json.standardError)")
        let report = try jsonObject(json.standardOutput)
        let psc = try #require(report["psc"] as? [String: Any])
        let codeFlow = try #require(psc["codeFlow"] as? [String: Any])
        #expect(codeFlow["subjectNameID"] as? String == "899990000012")
        #expect(codeFlow["name"] as? String == "CAMILLE LEFEBVRE")
        #expect((codeFlow["firstActivity"] as? String)?.hasPrefix("CABINET DU DR LEFEBVRE") == true)
        let refusal = try #require(psc["wrongIssuer"] as? [String: Any])
        #expect(refusal["refused"] as? Bool == true)
        #expect(refusal["reason"] as? String == "id_token_invalid_issuer")
        let ciba = try #require(psc["ciba"] as? [String: Any])
        #expect(ciba["subjectNameID"] as? String == "899990000020")
        #expect(ciba["polls"] as? Int == 3)
        #expect(json.standardError.contains("Chapter 5c"))

        let text = try await CommandRunner.run("sante", ["demo"], environment: home.environment)
        #expect(text.status == 0, "stderr: \(text.standardError)")
        #expect(
            text.standardOutput.contains(
                "Pro Santé Connect\n  code flow (auto-approved): 899990000012  CAMILLE LEFEBVRE"))
        #expect(text.standardOutput.contains("ID token with a wrong iss: refused, id_token_invalid_issuer"))
        #expect(text.standardOutput.contains("CIBA: 899990000020  JULIEN MARCHAND, approved on poll 3 after 2 pending"))
        #expect(!FileManager.default.fileExists(atPath: home.directory.path), "the demo stores no session")
    }
}
