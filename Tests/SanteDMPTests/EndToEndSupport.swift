import Foundation
import SanteCore
import SanteDMP
import SanteHTTP
import SanteMockPlatform

/// Starts a mock platform on 127.0.0.1:0, runs `body`, and stops the platform whatever happens.
func withMockDMP<Result>(_ body: (MockPlatform) async throws -> Result) async throws -> Result {
    let platform = try await MockPlatform.start(MockPlatform.Configuration(host: "127.0.0.1", port: 0, seed: 1))
    do {
        let result = try await body(platform)
        await platform.stop()
        return result
    } catch {
        await platform.stop()
        throw error
    }
}

extension MockPlatform {
    /// The seeded general practitioner (author of the test documents).
    static let generalPractitioner = "899990000012"
    /// The seeded cardiologist (another professional).
    static let cardiologist = "899990000020"

    /// A DMP client on the platform for a seeded professional (a fresh PSC token for every attempt).
    func dmpClient(professional: String = generalPractitioner, deleteEncoding: DMPDeleteEncoding = .supersede)
        throws -> DMPClient
    {
        let platform = self
        return try dmpClient(
            tokens: ClosureTokenProvider { try await platform.mintProfessionalToken(subjectNameID: professional) },
            deleteEncoding: deleteEncoding)
    }

    /// A DMP client on the platform for a seeded patient.
    func dmpClient(patient ins: String) throws -> DMPClient {
        let platform = self
        return try dmpClient(tokens: ClosureTokenProvider { try await platform.mintPatientToken(ins: ins) })
    }

    /// A DMP client with any token provider.
    func dmpClient(
        tokens: any TokenProvider, deleteEncoding: DMPDeleteEncoding = .supersede, searchesWithPost: Bool = false
    ) throws -> DMPClient {
        let configuration = DMPClientConfiguration(
            baseURL: baseURL(for: .dmp), tokenProvider: tokens, sourceID: "urn:oid:1.2.250.1.999.1",
            deleteEncoding: deleteEncoding, searchesWithPost: searchesWithPost,
            retryPolicy: RetryPolicy(maximumAttempts: 2, initialBackoff: .milliseconds(10)),
            timeout: .seconds(30))
        return try DMPClient(configuration: configuration, transport: URLSessionTransport())
    }
}

extension DMPClient {
    /// Every document of the test patient with these statuses.
    func documents(_ statuses: [DMPDocumentStatus] = [.current], patient: INS = DMPTestSupport.patient) async throws
        -> [DMPDocumentEntry]
    {
        try await DMPTestSupport.collect(try findDocuments(DMPDocumentQuery(patient: patient, statuses: statuses)))
    }
}
