import Foundation
import SanteKit
import SanteMockPlatform

/// The author of publications when no Pro Santé Connect session says who the professional is: one of the
/// mock platform's seeded test professionals, with their first practice site as organisation.
enum DMPTestAuthor {
    /// The professional (IDNPS = their `SubjectNameID`) and their first practice site's structure.
    /// - Parameter professional: The seeded professional.
    /// - Returns: The author.
    static func author(for professional: MockProfessional) -> DMPAuthor {
        let person = DMPProfessional(
            identifier: FHIRIdentifier(
                system: PDSmURLs.professionalIdentifierSystem, value: professional.subjectNameID),
            familyName: professional.familyName, givenNames: [professional.givenName],
            prefix: professional.practiceCivilityCode)
        let organization = professional.activities.first.map { activity -> DMPOrganization in
            if let siret = activity.siret { return .siret(SIRET(siret), name: activity.structureName) }
            if let finess = activity.finess { return .finess(FINESS(finess), name: activity.structureName) }
            return DMPOrganization(
                identifier: FHIRIdentifier(system: PDSmURLs.structureIdentifierSystem, value: activity.structureID),
                name: activity.structureName)
        }
        return DMPAuthor(professional: person, organization: organization)
    }
}

/// The author of publications when a Pro Santé Connect session is used: the signed-in professional, from
/// userinfo, with their first practice site as organisation.
enum DMPSessionAuthor {
    /// Reads the session's professional from userinfo.
    /// - Parameter stored: The session.
    /// - Returns: The author.
    /// - Throws: ``OperationFailed`` when userinfo cannot be read.
    static func author(of stored: PSCStoredSession) async throws -> DMPAuthor {
        let identity: PSCIdentity
        do {
            let token = try await stored.manager.validAccessToken()
            identity = PSCIdentity(
                try await stored.client.userInfo(accessToken: token, expectedSubject: stored.record.subject))
        } catch {
            throw stored.exitError(for: error, action: "reading the professional of the session (userinfo)")
        }
        let subjectNameID = identity.subjectNameID ?? stored.record.subjectNameID
        let person = DMPProfessional(
            identifier: subjectNameID.map {
                FHIRIdentifier(system: PDSmURLs.professionalIdentifierSystem, value: $0)
            },
            familyName: identity.familyName, givenNames: identity.givenName.map { [$0] } ?? [])
        let activity = identity.exercises.lazy.compactMap(\.activities.first).first
        let organization = activity.flatMap { activity -> DMPOrganization? in
            let name = activity.siteCorporateName ?? activity.siteTradeName
            if let siret = activity.siteSIRET { return .siret(SIRET(siret), name: name) }
            if let finess = activity.siteFINESS { return .finess(FINESS(finess), name: name) }
            guard let structure = activity.structureTechnicalIdentifier else { return nil }
            return DMPOrganization(
                identifier: FHIRIdentifier(system: PDSmURLs.structureIdentifierSystem, value: structure), name: name)
        }
        return DMPAuthor(professional: person, organization: organization)
    }
}
