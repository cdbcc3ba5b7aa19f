import Foundation
import SanteTestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Runs `sante` with bytes on standard input, as `sante webhook verify < body` does.
enum NotifyTestRunner {
    /// Runs `sante` with `arguments`, writing `input` to its standard input and closing it.
    static func run(
        _ arguments: [String], input: Data = Data(), environment: [String: String] = CommandRunner.cleanEnvironment
    ) async throws -> CommandRunner.Outcome {
        try await ProgramSlots.shared.withSlot {
            try await runNow(arguments, input: input, environment: environment)
        }
    }

    private static func runNow(
        _ arguments: [String], input: Data, environment: [String: String]
    ) async throws -> CommandRunner.Outcome {
        let process = ChildProcess()
        process.executableURL = CommandRunner.productsDirectory.appending(path: "sante")
        process.arguments = arguments
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try launch(process)
        let writer = standardInput.fileHandleForWriting
        BrokenPipes.ignoreSignal()
        await offThePool {
            // A command that exits without reading its input (a usage error) closes the pipe: that is no failure.
            try? writer.write(contentsOf: input)
            try? writer.close()
        }
        async let standardOutput = offThePool { output.fileHandleForReading.readDataToEndOfFile() }
        async let standardError = offThePool { error.fileHandleForReading.readDataToEndOfFile() }
        let (outData, errData) = await (standardOutput, standardError)
        await offThePool { process.waitUntilExit() }
        return CommandRunner.Outcome(
            status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }

    /// The environment with `SANTE_NOTIFY_API_KEY` (or another variable) set, for the child process only.
    static func environment(adding values: [String: String]) -> [String: String] {
        CommandRunner.cleanEnvironment.merging(values) { _, new in new }
    }
}

/// The Standard Webhooks reference vectors (shared/reference/notifications.md).
enum WebhookVectors {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let id = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    static let timestamp = "1614265330"
    static let body1 = Data(#"{"test": 2432232314}"#.utf8)
    static let signature1 = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    static let body2 = Data(
        #"{"type":"document.created","timestamp":"2021-02-25T15:02:10Z","data":{"resourceType":"DocumentReference","id":"doc-123"}}"#
            .utf8)
    static let signature2 = "v1,kQmKWQ1FSUrywP4n81yNEDZxsSXIzim9rIoEQ3CIyvQ="

    /// `verify` arguments for a message.
    static func verifyArguments(id: String, timestamp: String, signature: String, extra: [String] = []) -> [String] {
        ["webhook", "verify", "--secret", secret, "--id", id, "--timestamp", timestamp, "--signature", signature]
            + extra
    }
}

/// Posts a webhook to a listener, as a sender does.
enum WebhookTestSender {
    /// POSTs `body` with `headers` to `url` and returns the status.
    static func post(_ url: URL, headers: [String: String], body: Data) async throws -> Int {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = body
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }
}

/// The JSON array a command printed.
func notifyJSONArray(_ text: String) throws -> [[String: Any]] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
}
