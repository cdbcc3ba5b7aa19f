import ArgumentParser
import Foundation
import SanteKit

/// `sante data download RESOURCE --output FILE`: one catalogue file, streamed to disk and verified.
struct DataDownload: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "download",
        abstract: "Download a catalogue resource (file), verifying the catalogue's checksum as it streams.",
        discussion: """
            The resource is looked up in the catalogue (API v2), then its file streams to <FILE>.partial and is \
            moved to <FILE> once complete; a dropped connection is resumed with Range. A checksum that does not \
            match deletes the file and exits 1. A progress bar is drawn on standard error when it is a terminal. \
            --base-url names a udata server's root, the part before /api/1.
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var source: DataSourceOptions

    @Argument(help: "The resource's id (a UUID, as `sante data dataset` lists them).")
    var resource: String

    @Option(name: .shortAndLong, help: "Where to write the file (an existing directory gets the resource's title).")
    var output: String

    func validate() throws {
        guard !resource.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ArgumentParser.ValidationError("the resource id must not be empty")
        }
        guard !output.isEmpty else { throw ArgumentParser.ValidationError("--output must not be empty") }
    }

    func run() async throws {
        let report = try await DataContext.with(global: options, source: source, baseURLKind: .catalogue) { context in
            do {
                return try await download(context)
            } catch let error as OpenDataError where error.reason == .notFound && error.operation == "datagouv.resource"
            {
                throw OperationFailed(reason: "no resource \"\(resource)\" in the catalogue (HTTP 404) [not_found]")
            } catch {
                throw DataFailure.exitError(for: error, action: "download")
            }
        }
        if options.json {
            try Terminal.json(report)
        } else {
            let checksum =
                report.checksumVerified
                ? "\(report.checksumType ?? "checksum") verified (\(report.checksum ?? ""))"
                : "no checksum to verify in the catalogue; size checked"
            Terminal.result(
                "\(report.file)  \(DataFormatting.bytes(report.bytes)) (\(report.bytes) bytes), \(checksum)")
        }
    }

    private func download(_ context: DataContext) async throws -> DownloadReport {
        let found = try await context.catalogue().resource(resource)
        let destination = destinationURL(for: found)
        let name = found.title ?? found.id
        Terminal.info("Downloading \(name) from \(found.downloadURL?.absoluteString ?? "?")")
        let bar = DataProgressBar(label: name)
        let result: DownloadResult
        do {
            result = try await context.downloader().download(found, to: destination) { progress in
                bar.update(progress)
            }
        } catch {
            bar.finish()
            throw error
        }
        bar.finish()
        let resumed = result.source == .network(resumed: true)
        switch (resumed, result.attempts > 1) {
        case (true, true):
            Terminal.info(
                "The connection dropped; the transfer resumed where it stopped (\(result.attempts) attempts).")
        case (true, false):
            Terminal.info("Resumed the partial file an earlier run left.")
        case (false, true):
            Terminal.info("The connection dropped; the transfer started again (\(result.attempts) attempts).")
        case (false, false):
            break
        }
        return DownloadReport(
            resource: found.id, title: found.title, url: found.downloadURL?.absoluteString,
            file: destination.path, bytes: result.byteCount, checksumType: result.checksum?.type,
            checksum: result.checksum?.value, checksumVerified: result.checksumVerified, attempts: result.attempts,
            resumed: resumed)
    }

    /// `--output`, or a file named after the resource inside it when it is a directory.
    private func destinationURL(for resource: DataGouvResource) -> URL {
        let url = URL(fileURLWithPath: output)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return url
        }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        var name = String((resource.title ?? resource.id).map { allowed.contains($0) ? $0 : "_" })
        if name.isEmpty || name.allSatisfy({ $0 == "." }) { name = resource.id }
        return url.appending(path: name)
    }
}

/// What `sante data download --json` prints.
struct DownloadReport: Codable {
    /// The resource's id.
    let resource: String
    /// Its title.
    let title: String?
    /// Where the file came from.
    let url: String?
    /// Where it was written.
    let file: String
    /// Its size.
    let bytes: Int64
    /// The checksum algorithm, as udata names it (`sha1`, `sha256`, `md5`).
    let checksumType: String?
    /// The checksum computed over the file.
    let checksum: String?
    /// Whether it matched the catalogue's.
    let checksumVerified: Bool
    /// The transfers made (more than 1 after a dropped connection).
    let attempts: Int
    /// Whether a transfer continued from the bytes already written (`Range`) instead of starting again.
    let resumed: Bool
}
