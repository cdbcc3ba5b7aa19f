import ArgumentParser
import Foundation
import HTTPTypes
import SanteKit

/// `sante dmp publish FILE --ins … --type … --title …`: publishes a document (ITI-65), or with `--dry-run`
/// prints the transaction Bundle it would send, and sends nothing.
struct DMPPublish: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish a document to a patient's DMP (or print the Bundle with --dry-run).",
        discussion: """
            Publishing is idempotent on --unique-id: the DMP refuses a second document with the same unique \
            id, and when it already stores the same content the command says so instead of failing.

            --dry-run builds and validates the transaction Bundle and prints it as JSON, alone on standard \
            output; nothing is sent to any server (not even to Pro Santé Connect), so the author is the mock \
            platform's test professional (--professional).
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var connection: DMPConnectionOptions
    @OptionGroup var patient: DMPPatientOptions
    @OptionGroup var document: DMPPublicationOptions

    @Flag(name: .customLong("dry-run"), help: "Print the transaction Bundle as JSON and send nothing.")
    var dryRun = false

    func validate() throws {
        guard patient.ins != nil else { throw ArgumentParser.ValidationError("--ins is required") }
        guard document.type != nil else { throw ArgumentParser.ValidationError("--type is required") }
        guard document.title != nil else { throw ArgumentParser.ValidationError("--title is required") }
        _ = try patient.requiredPatient(onMock: connection.server == nil)
    }

    func run() async throws {
        let ins = try patient.requiredPatient(onMock: connection.server == nil)
        if dryRun {
            try await printDryRun(ins)
            return
        }
        let outcome = try await DMPConnection.with(connection, global: options) { dmp in
            try await DMPFailure.reporting("publish") {
                try await dmp.client.publish(try document.publication(patient: ins, author: try await dmp.author()))
            }
        }
        try DMPPublishedReport(outcome).print(json: options.json, verb: "Published")
    }

    private func printDryRun(_ ins: INS) async throws {
        let author = DMPTestAuthor.author(for: try connection.mockProfessional())
        let base =
            try connection.serverURL()
            ?? (try options.resolvedMockURL() ?? URL(string: "http://127.0.0.1")).map { $0.appending(path: "dmp/fhir") }
        guard let base else { throw OperationFailed(reason: "no base URL for the dry run") }
        let transport = DMPDryRunTransport()
        let client: DMPClient
        do {
            client = try DMPClient(
                configuration: DMPClientConfiguration(
                    baseURL: base, tokenProvider: ClosureTokenProvider { "dry-run" },
                    sourceID: connection.sourceID ?? DMPConnection.defaultSourceID, retryPolicy: .none),
                transport: transport)
        } catch {
            throw DMPFailure.exitError(for: error, action: "dry run")
        }
        let publication = try document.publication(patient: ins, author: author)
        do {
            _ = try await client.publish(publication)
        } catch  where error.httpStatus == 422 && !transport.captured.isEmpty {
            // The dry-run transport's answer: the Bundle was built, validated and kept.
        } catch {
            throw DMPFailure.exitError(for: error, action: "dry run")
        }
        guard let bundle = transport.captured.first(where: { $0.request.method == .post })?.body else {
            throw OperationFailed(reason: "dry run: the client built no transaction")
        }
        let object = try JSONSerialization.jsonObject(with: bundle)
        let pretty = try JSONSerialization.data(
            withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        FileHandle.standardOutput.write(pretty + Data("\n".utf8))
        Terminal.info("Dry run: nothing was sent (\(bundle.count) bytes of Bundle).")
    }
}
