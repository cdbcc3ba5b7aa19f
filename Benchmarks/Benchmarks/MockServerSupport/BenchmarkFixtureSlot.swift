import Synchronization

/// What a benchmark sets up before it runs and stops after: a server, its clients, its files.
public protocol BenchmarkFixture: Sendable {
    /// Stops what the fixture started.
    func stop() async
}

/// The fixture of the benchmark being run: filled by the setup hook, emptied by the teardown hook.
public final class BenchmarkFixtureSlot<Fixture: BenchmarkFixture>: Sendable {
    private let contents = Mutex<Fixture?>(nil)

    /// Creates an empty slot.
    public init() {}

    /// The current fixture, or `nil` outside a benchmark.
    public var fixture: Fixture? { contents.withLock { $0 } }

    /// Stops the fixture left by an earlier benchmark, if any, then starts a new one and keeps it.
    /// - Parameter start: Starts the fixture.
    /// - Throws: What `start` throws.
    public func setUp(_ start: () async throws -> Fixture) async throws {
        await tearDown()
        let fixture = try await start()
        contents.withLock { $0 = fixture }
    }

    /// Stops the fixture, if there is one.
    public func tearDown() async {
        let fixture = contents.withLock { contents -> Fixture? in
            defer { contents = nil }
            return contents
        }
        await fixture?.stop()
    }
}
