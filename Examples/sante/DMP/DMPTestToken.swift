import Foundation
import HTTPTypes
import SanteKit

/// Test access tokens of the mock platform's seeded professionals, minted over HTTP
/// (`POST /_mock/tokens/professional`): the mock's DMP accepts them as a Pro Santé Connect sign-in.
enum DMPTestToken {
    private struct MintRequest: Encodable {
        let subjectNameID: String
        let lifetimeSeconds: Int
    }

    private struct MintResponse: Decodable {
        let accessToken: String

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token"
        }
    }

    /// How long a minted token lives: long enough for one command.
    static let lifetimeSeconds = 900

    /// Mints a token for a seeded professional.
    /// - Parameters:
    ///   - subjectNameID: The professional's `SubjectNameID`.
    ///   - mockURL: The mock platform's root URL.
    ///   - global: The global options (`--verbose`).
    /// - Returns: The access token.
    /// - Throws: ``OperationFailed`` when the mock does not mint it.
    static func mint(subjectNameID: String, mockURL: URL, global: GlobalOptions) async throws -> String {
        let platform = SantePlatform(
            environment: .localMock(baseURL: mockURL),
            transport: URLSessionTransport(configuration: .init(reusesConnectionsForRequestsWithBody: true)),
            logger: global.makeLogger(), appProduct: "sante/\(SanteKitVersion.current)")
        return try await mint(subjectNameID: subjectNameID, platform: platform, mockURL: mockURL)
    }

    /// Mints a token for a seeded professional through `platform`'s pipeline.
    /// - Parameters:
    ///   - subjectNameID: The professional's `SubjectNameID`.
    ///   - platform: The platform whose settings, logger and accounting the request uses.
    ///   - mockURL: The mock platform's root URL.
    /// - Returns: The access token.
    /// - Throws: ``OperationFailed`` when the mock does not mint it.
    static func mint(subjectNameID: String, platform: SantePlatform, mockURL: URL) async throws -> String {
        do {
            let http = try platform.httpClient(baseURL: mockURL)
            let response = try await http.sendJSON(
                .post, "_mock/tokens/professional",
                body: MintRequest(subjectNameID: subjectNameID, lifetimeSeconds: lifetimeSeconds),
                as: MintResponse.self)
            return response.accessToken
        } catch {
            throw OperationFailed(
                reason: "the mock platform at \(mockURL.absoluteString) did not mint a test token for "
                    + "\(subjectNameID) (\(DMPFailure.oneLine(String(describing: error))))")
        }
    }
}
