import ArgumentParser

/// `sante notify`: send text messages and e-mails through a Notify v2 API, and follow them.
struct NotifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Send text messages and e-mails through a Notify v2 API, and follow their status.",
        discussion: """
            --base-url and --api-key (or SANTE_NOTIFY_API_KEY) point at any Notify-compatible server. Without \
            them, the mock platform's Notify API: a running sante-mock (--mock-url or SANTE_MOCK_URL), else one \
            started in this process, with the mock's test key. An in-process mock starts empty and stops with \
            the command: `status` and `list` need a persistent server. The API key is never printed.

            Exit status: 0 on success, 1 when the server refused or could not be reached, 64 for usage errors \
            (a malformed --var, a malformed API key).
            """,
        subcommands: [
            NotifySMSCommand.self, NotifyEmailCommand.self, NotifyStatusCommand.self, NotifyListCommand.self,
            NotifyTemplatesCommand.self,
        ]
    )
}
