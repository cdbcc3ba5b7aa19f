import MockServerSupport
import Synchronization

/// The server and pipeline of the benchmark being run: filled by the setup hook, emptied by the teardown hook.
final class FixtureSlot: Sendable {
    private struct Contents {
        var server: MockServerProcess?
        var fixture: PipelineFixture?
    }

    private let contents = Mutex(Contents())

    /// The current pipeline, or `nil` outside a benchmark.
    var fixture: PipelineFixture? { contents.withLock { $0.fixture } }

    /// Starts a fresh `sante-mock`, builds the pipeline against it, and checks that both sides send the same request.
    /// - Throws: ``MockServerError``, the pipeline's construction error, or ``UnfairComparisonError``.
    func setUp() async throws {
        await tearDown()
        let server = try await MockServerProcess.start()
        do {
            let fixture = try PipelineFixture(baseURL: server.baseURL)
            try await fixture.checkBothSidesSendTheSameRequest()
            contents.withLock { $0 = Contents(server: server, fixture: fixture) }
        } catch {
            await server.stop()
            throw error
        }
    }

    /// Stops the server, if one is running.
    func tearDown() async {
        let server = contents.withLock { contents -> MockServerProcess? in
            defer { contents = Contents() }
            return contents.server
        }
        await server?.stop()
    }
}
