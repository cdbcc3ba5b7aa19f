import Synchronization

/// The fixture of the benchmark being run: filled by its setup hook, emptied by its teardown hook.
final class FixtureSlot: Sendable {
    private let contents = Mutex<TransportFixture?>(nil)

    /// The current fixture, or `nil` outside a benchmark.
    var fixture: TransportFixture? { contents.withLock { $0 } }

    /// Starts a fresh `sante-mock` and the client of `path`.
    func setUp(path: TransportFixture.Path, size: TransportFixture.BodySize) async throws {
        await tearDown()
        let fixture = try await TransportFixture.start(path: path, size: size)
        contents.withLock { $0 = fixture }
    }

    /// Stops the server and the client, if any.
    func tearDown() async {
        let fixture = contents.withLock { contents -> TransportFixture? in
            defer { contents = nil }
            return contents
        }
        await fixture?.stop()
    }
}
