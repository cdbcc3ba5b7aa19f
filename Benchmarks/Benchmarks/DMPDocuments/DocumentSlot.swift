import MockServerSupport
import Synchronization

/// The fixture of the benchmark being run: filled by the setup hook, emptied by the teardown hook.
final class DocumentSlot: Sendable {
    private let contents = Mutex<DocumentFixture?>(nil)

    var fixture: DocumentFixture? { contents.withLock { $0 } }

    func setUp() async throws {
        await tearDown()
        let fixture = try await DocumentFixture.start()
        contents.withLock { $0 = fixture }
    }

    func tearDown() async {
        let fixture = contents.withLock { contents -> DocumentFixture? in
            defer { contents = nil }
            return contents
        }
        await fixture?.server.stop()
    }
}
