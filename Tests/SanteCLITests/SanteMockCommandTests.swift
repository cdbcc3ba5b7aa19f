import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("sante-mock, run as a program", .timeLimit(.minutes(3)))
struct SanteMockCommandTests {
    @Test("It prints where it listens, serves, and stops cleanly on SIGTERM")
    func listensServesAndStops() async throws {
        let process = Process()
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
}
