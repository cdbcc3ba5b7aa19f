import ArgumentParser

/// `sante psc`: sign a health professional in with Pro Santé Connect.
struct PSC: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "psc",
        abstract: "Sign a health professional in with Pro Santé Connect, and use the session.",
        discussion: """
            Without --discovery-url, the provider is the mock platform's: a running sante-mock (--mock-url or \
            SANTE_MOCK_URL), else one started in this process with the seeded santekit-demo client; an \
            in-process mock approves the sign-in by itself, so `sante psc login` works with no browser.

            The session is kept in $SANTE_HOME (default ~/.config/santekit), files of mode 0600. An in-process \
            mock stops with the command that started it, so `userinfo` and `logout` need the session of a \
            persistent provider: sante-mock (with --mock-url) or a real one.
            """,
        subcommands: [PSCLogin.self, PSCCIBA.self, PSCUserInfo.self, PSCLogout.self]
    )
}
