import ArgumentParser
import Foundation
import SanteKit
import SanteMockPlatform

/// The options that choose the DMP and who speaks to it: `--server`, `--token`, `--professional`,
/// `--source-id`.
struct DMPConnectionOptions: ParsableArguments {
    @Option(
        name: .customLong("server"),
        help: "The FHIR base URL of a PDSm server (default: the mock platform's /dmp/fhir).")
    var server: String?

    @Option(
        name: .customLong("token"),
        help: """
            The bearer access token (default: $SANTE_DMP_TOKEN, else the Pro Santé Connect session, else on the \
            mock a test token of --professional); with a token, publications are authored by --professional.
            """)
    var token: String?

    @Option(
        name: .customLong("professional"),
        help: "Mock only: the SubjectNameID of the seeded test professional to act as (default: 899990000012).")
    var professional: String?

    @Option(
        name: .customLong("source-id"),
        help: "The OID of the sending software, as a URI (default: \(DMPConnection.defaultSourceID)).")
    var sourceID: String?

    /// The token from `--token` or `SANTE_DMP_TOKEN`, if any.
    func explicitToken(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let token, !token.isEmpty { return token }
        return environment["SANTE_DMP_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The `--server` URL, validated.
    /// - Throws: `ArgumentParser.ValidationError` when it is not an absolute http(s) URL.
    func serverURL() throws -> URL? {
        guard let server else { return nil }
        guard let url = URL(string: server), let scheme = url.scheme, ["http", "https"].contains(scheme),
            url.host() != nil
        else {
            throw ArgumentParser.ValidationError("--server must be an http(s) URL, got '\(server)'")
        }
        return url
    }

    /// The seeded professional `--professional` names (default: the first one).
    /// - Throws: `ArgumentParser.ValidationError` when no seeded professional has this SubjectNameID.
    func mockProfessional() throws -> MockProfessional {
        let identities = MockIdentities.default
        guard let subjectNameID = professional else {
            guard let first = identities.professionals.first else {
                throw ArgumentParser.ValidationError("the mock platform has no test professional")
            }
            return first
        }
        guard let found = identities.professional(subjectNameID: subjectNameID) else {
            let known = identities.professionals.map(\.subjectNameID).joined(separator: ", ")
            throw ArgumentParser.ValidationError(
                "--professional must be a seeded test professional (\(known)), got '\(subjectNameID)'")
        }
        return found
    }

    func validate() throws {
        _ = try serverURL()
        if let sourceID, !sourceID.hasPrefix("urn:oid:") {
            throw ArgumentParser.ValidationError("--source-id must be a urn:oid: URI, got '\(sourceID)'")
        }
        if server != nil, professional != nil {
            throw ArgumentParser.ValidationError("--professional acts on the mock platform only, not with --server")
        }
        if professional != nil { _ = try mockProfessional() }
    }
}
