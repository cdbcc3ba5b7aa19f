import Synchronization

/// The fixture of the benchmark being run: filled by the setup hook, emptied by the teardown hook.
final class FixtureSlot: Sendable {
    private let contents = Mutex<SlotFinderFixture?>(nil)

    /// The current fixture, or `nil` outside a benchmark.
    var fixture: SlotFinderFixture? { contents.withLock { $0 } }

    /// Starts a fresh `sante-mock` with the latency fault, and the clients.
    /// - Throws: What ``SlotFinderFixture/start()`` throws.
    func setUp() async throws {
        await tearDown()
        let fixture = try await SlotFinderFixture.start()
        contents.withLock { $0 = fixture }
    }

    /// Stops the server, if one is running.
    func tearDown() async {
        let fixture = contents.withLock { contents -> SlotFinderFixture? in
            defer { contents = nil }
            return contents
        }
        await fixture?.stop()
    }
}
