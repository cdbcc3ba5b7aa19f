import Foundation
import HTTPTypes
import ProSanteConnect
import SanteCore
import Testing

@Suite("Token stores")
struct FileTokenStoreTests {
    private func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appending(path: "psc-store-\(UUID().uuidString)")
    }

    private func tokens(_ refresh: String) -> ProSanteConnectTokens {
        ProSanteConnectTokens(
            accessToken: "access-\(refresh)", accessTokenExpiresAt: Date(timeIntervalSince1970: 1_767_225_720),
            refreshToken: refresh, refreshTokenExpiresAt: Date(timeIntervalSince1970: 1_767_227_400), idToken: "a.b.c",
            scopes: ["openid", "scope_all"], sessionState: "s", receivedAt: Date(timeIntervalSince1970: 1_767_225_600))
    }

    private func mode(_ url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test("Saving creates the directory (0700) and the file (0600); loading gives the tokens back")
    func saveAndLoad() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appending(path: "nested/tokens.json")
        let store = FileTokenStore(fileURL: file)
        #expect(try await store.load() == nil)
        try await store.save(tokens("r1"))
        #expect(try await store.load() == tokens("r1"))
        #expect(try mode(file) == 0o600)
        #expect(try mode(file.deletingLastPathComponent()) == 0o700)
        let contents = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
        #expect(contents == ["tokens.json"])
    }

    @Test("Saving replaces the file atomically and keeps mode 0600")
    func replace() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appending(path: "tokens.json")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        let store = FileTokenStore(fileURL: file)
        try await store.save(tokens("r2"))
        #expect(try await store.load()?.refreshToken == "r2")
        #expect(try mode(file) == 0o600)
    }

    @Test("Concurrent saves never leave a partial file nor temporary files")
    func concurrentSaves() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appending(path: "tokens.json")
        let store = FileTokenStore(fileURL: file)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                group.addTask { try await store.save(self.tokens("r\(index)")) }
                group.addTask { _ = try await store.load() }
            }
            try await group.waitForAll()
        }
        let final = try #require(try await store.load())
        #expect(final.refreshToken?.hasPrefix("r") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["tokens.json"])
    }

    @Test("Clearing deletes the file; a corrupt file is a tokenStoreFailed error")
    func clearAndCorrupt() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appending(path: "tokens.json")
        let store = FileTokenStore(fileURL: file)
        try await store.save(tokens("r1"))
        try await store.clear()
        #expect(!FileManager.default.fileExists(atPath: file.path))
        try await store.clear()
        try Data("{not json".utf8).write(to: file)
        #expect(await pscReason { try await store.load() } == .tokenStoreFailed)
    }

    @Test("An unwritable location is a tokenStoreFailed error")
    func unwritable() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let blocker = directory.appending(path: "file")
        try Data().write(to: blocker)
        let store = FileTokenStore(fileURL: blocker.appending(path: "tokens.json"))
        #expect(await pscReason { try await store.save(tokens("r1")) } == .tokenStoreFailed)
    }

    @Test("The stored JSON form is stable: snake_case members and instants in seconds")
    func storedForm() throws {
        let json = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(tokens("r1")))
        #expect(json["refresh_token"] == "r1")
        #expect(json["access_token_expires_at"] == 1_767_225_720)
        #expect(json["received_at"] == 1_767_225_600)
        #expect(json["scopes"] == ["openid", "scope_all"])
        #expect(!"\(tokens("r1"))".contains("r1"))
    }

    @Test("The in-memory store keeps, replaces and clears")
    func inMemory() async throws {
        let store = InMemoryTokenStore()
        #expect(try await store.load() == nil)
        try await store.save(tokens("r1"))
        try await store.save(tokens("r2"))
        #expect(try await store.load()?.refreshToken == "r2")
        try await store.clear()
        #expect(try await store.load() == nil)
    }
}
