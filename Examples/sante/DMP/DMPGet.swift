import ArgumentParser
import Foundation
import SanteKit

/// `sante dmp get ID [--output FILE]`: a document's metadata, and with `--output` its content, verified
/// against its size and SHA-1 (ITI-68).
struct DMPGet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Read a document's metadata, and with --output save its content (verified).",
        discussion: """
            The document is named by its id (as `sante dmp search` prints it), or by --unique-id with --ins. \
            --output - writes the content alone on standard output.
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var connection: DMPConnectionOptions
    @OptionGroup var selector: DMPDocumentSelector

    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: "Save the content to this file (- for standard output); a partial file is never left behind.")
    var output: String?

    /// What `get --json` prints.
    struct Report: Encodable {
        /// The document's metadata.
        let document: DMPDocumentSummary
        /// The file the content was saved to, with `--output`.
        let savedTo: String?
        /// The number of bytes saved.
        let savedBytes: Int?
        /// The saved content's SHA-1, base64 (verified against the metadata).
        let savedSHA1: String?
    }

    func run() async throws {
        try await DMPConnection.with(connection, global: options) { dmp in
            try await DMPFailure.reporting("get") {
                let entry = try await selector.resolve(dmp.client, onMock: dmp.isMock)
                guard let output else {
                    try print(
                        Report(document: DMPDocumentSummary(entry), savedTo: nil, savedBytes: nil, savedSHA1: nil))
                    return
                }
                if output == "-" {
                    let content = try await dmp.client.retrieve(entry)
                    var written = 0
                    for try await chunk in content {
                        FileHandle.standardOutput.write(Data(chunk))
                        written += chunk.count
                    }
                    Terminal.info("Wrote \(written) bytes (size and SHA-1 verified).")
                    return
                }
                let result = try await dmp.client.download(entry, to: URL(fileURLWithPath: output))
                Terminal.info("Saved \(result.size) bytes to \(result.fileURL.path) (size and SHA-1 verified).")
                try print(
                    Report(
                        document: DMPDocumentSummary(entry), savedTo: result.fileURL.path, savedBytes: result.size,
                        savedSHA1: result.hash))
            }
        }
    }

    private func print(_ report: Report) throws {
        if options.json {
            try Terminal.json(report)
            return
        }
        report.document.printLines(heading: "Document \(report.document.id ?? "?")")
        if let path = report.savedTo {
            Terminal.result("  saved to     \(path) (\(report.savedBytes ?? 0) bytes, verified)")
        }
    }
}
