import Foundation
import SanteTestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("sante-mock, run as a program", .timeLimit(.minutes(3)))
struct SanteMockCommandTests {
    @Test("It prints where it listens, serves, and stops cleanly on SIGTERM")
    func listensServesAndStops() async throws {
        let process = ChildProcess()
        process.executableURL = CommandRunner.productsDirectory.appending(path: "sante-mock")
        process.arguments = ["--host", "127.0.0.1", "--port", "0", "--seed", "7"]
        process.environment = CommandRunner.cleanEnvironment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try launch(process)

        let reader = output.fileHandleForReading
        let firstLine = await offThePool { () -> String in
            var bytes = Data()
            while let byte = try? reader.read(upToCount: 1), let first = byte.first, first != UInt8(ascii: "\n") {
                bytes.append(first)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        #expect(firstLine.hasPrefix("listening on http://127.0.0.1:"))
        let url = try #require(URL(string: String(firstLine.dropFirst("listening on ".count))))
        let port = try #require(url.port)
        #expect(port > 0)

        let (data, response) = try await URLSession.shared.data(from: url.appending(path: "health"))
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self).contains("ok"))

        process.terminate()
        await offThePool { process.waitUntilExit() }
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        let rest = String(decoding: await offThePool { reader.readDataToEndOfFile() }, as: UTF8.self)
        #expect(rest.contains("notify-api-key: "))
        #expect(rest.contains("client-id: santekit-demo"))
    }

    @Test("A bad port is a usage error")
    func badPort() async throws {
        let outcome = try await CommandRunner.run("sante-mock", ["--port", "70000"])
        #expect(outcome.status == 64)
    }

    @Test("--open-data-scale with explicit counts sizes the generated benchmark files")
    func openDataScaleCounts() async throws {
        let (rows, centres) = try await ProgramSlots.shared.withSlot {
            try await Self.withRunningMock(["--open-data-scale", " Rows=1_234 , centres=7 "]) { baseURL in
                let csv = try await Self.fetch(baseURL.appending(path: Self.vacsiBenchmarkPath))
                let lines = String(decoding: csv, as: UTF8.self).split(separator: "\n")
                let json = try await Self.fetch(baseURL.appending(path: "data/vitemadose/centres.json"))
                let centres = try JSONSerialization.jsonObject(with: json) as? [Any]
                return (lines.count - 1, centres?.count ?? -1)
            }
        }
        #expect(rows == 1234)
        #expect(centres == 7)
    }

    @Test("--open-data-scale benchmark is accepted, and a key left out keeps its small value")
    func openDataScaleNamedAndPartial() async throws {
        let centres = try await ProgramSlots.shared.withSlot {
            try await Self.withRunningMock(["--open-data-scale", "rows=3"]) { baseURL in
                let json = try await Self.fetch(baseURL.appending(path: "data/vitemadose/centres.json"))
                return (try JSONSerialization.jsonObject(with: json) as? [Any])?.count ?? -1
            }
        }
        #expect(centres == 500)
        // Starting at benchmark scale does no generation up front, so the server is up at once.
        let status = try await ProgramSlots.shared.withSlot {
            try await Self.withRunningMock(["--open-data-scale", "BENCHMARK"]) { baseURL in
                let (_, response) = try await URLSession.shared.data(from: baseURL.appending(path: "health"))
                return (response as? HTTPURLResponse)?.statusCode
            }
        }
        #expect(status == 200)
    }

    @Test(
        "A bad --open-data-scale is a usage error that says what is wrong",
        arguments: [
            ("huge", "is not small, benchmark, or counts such as rows=N,centres=N"),
            ("rows=abc", "rows must be a whole number from 0 to 50000000, got \"abc\""),
            ("rows=50000001", "rows must be a whole number from 0 to 50000000"),
            ("rows=-1", "rows must be a whole number"),
            ("rows=1,rows=2", "rows is given twice"),
            ("lines=5", "unknown key \"lines\"; the keys are rows and centres"),
            ("rows=1,", "has an empty entry"),
            ("rows", "is not small, benchmark, or counts"),
            ("", "is empty"),
        ])
    func badOpenDataScale(value: String, message: String) async throws {
        let outcome = try await CommandRunner.run("sante-mock", ["--port", "0", "--open-data-scale", value])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("--open-data-scale: "), "\(outcome.standardError)")
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test("The help describes --open-data-scale")
    func helpListsOpenDataScale() async throws {
        let outcome = try await CommandRunner.run("sante-mock", ["--help"])
        #expect(outcome.status == 0)
        // The help wraps its lines to the terminal width: compare with the spaces collapsed.
        let help = outcome.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("--open-data-scale <scale>"))
        #expect(
            help.contains(
                "The size of the generated open-data benchmark files: small, benchmark, or "
                    + "rows=N,centres=N. (default: small)"))
        #expect(help.contains("benchmark is 1000000 rows"))
    }

    /// The VACSI-shaped CSV that follows the scale's row count.
    private static let vacsiBenchmarkPath =
        "data/files/donnees-relatives-aux-personnes-vaccinees-contre-la-covid-19-1/20230713-135109/"
        + "vacsi-a-dep-2023-07-13-15h50.csv"

    /// Runs `body` with the base URL of a `sante-mock` started with `arguments` (see `withRunningMockProgram`).
    private static func withRunningMock<T: Sendable>(
        _ arguments: [String], _ body: (URL) async throws -> T
    ) async throws -> T {
        try await withRunningMockProgram(arguments, lineCount: 1) { lines in
            let firstLine = lines.first ?? ""
            #expect(firstLine.hasPrefix("listening on http://127.0.0.1:"), "\(firstLine)")
            let url = try #require(URL(string: String(firstLine.dropFirst("listening on ".count))), "\(firstLine)")
            return try await body(url)
        }
    }

    /// GETs `url` and returns the body of a 200 answer.
    private static func fetch(_ url: URL) async throws -> Data {
        let (data, response) = try await URLSession.shared.data(from: url)
        #expect((response as? HTTPURLResponse)?.statusCode == 200, "GET \(url)")
        return data
    }
}
