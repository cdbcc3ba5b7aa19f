import ArgumentParser
import SanteKit

/// `sante`: the SanteKit command-line tool.
///
/// Conventions shared by every subcommand:
/// - results go to standard output (JSON with `--json`, readable text otherwise);
/// - progress, prompts and URLs to open go to standard error;
/// - exit 0 on success, 1 when the operation failed, 64 for usage errors;
/// - `--mock-url` (or `SANTE_MOCK_URL`) points every command at a running `sante-mock`;
///   without it, a command starts an in-process mock platform.
@main
struct Sante: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sante",
        abstract: "SanteKit's command-line tool: France's e-health platform from your terminal.",
        discussion: """
            Without --mock-url (or SANTE_MOCK_URL) and without service URLs, every command runs against a mock \
            platform started in-process, so it works on a fresh machine.
            """,
        version: SanteKitVersion.current,
        subcommands: [Demo.self, PSC.self, DataCommand.self, NotifyCommand.self, WebhookCommand.self, DMPCommand.self]
    )
}
