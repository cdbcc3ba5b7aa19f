import Foundation
import SanteKit

/// The professional as `sante psc` prints them: national identifier, names and exercises, from userinfo.
///
/// The JSON form keeps Pro Santé Connect's member names (`SubjectNameID`, `given_name`, `exercices`…).
struct PSCIdentity: Encodable {
    /// `SubjectNameID`: the national identifier.
    let subjectNameID: String?
    /// `given_name`.
    let givenName: String?
    /// `family_name`.
    let familyName: String?
    /// `name`.
    let name: String?
    /// `codeCivilite`.
    let civilityCode: String?
    /// `exercices`, with their practice sites.
    let exercises: [ProfessionalExercise]

    enum CodingKeys: String, CodingKey {
        case subjectNameID = "SubjectNameID"
        case givenName = "given_name"
        case familyName = "family_name"
        case name
        case civilityCode = "codeCivilite"
        case exercises = "exercices"
    }

    /// The identity in a userinfo answer.
    init(_ userInfo: ProSanteConnectUserInfo) {
        subjectNameID = userInfo.subjectNameID?.rawValue
        givenName = userInfo.givenName
        familyName = userInfo.familyName
        name = userInfo.name
        civilityCode = userInfo.civilityCode ?? userInfo.professionalReference?.civilityCode
        exercises = userInfo.professionalReference?.exercises ?? []
    }

    /// `GIVEN FAMILY`, else `name`, else `?`.
    var displayName: String {
        let parts = [givenName, familyName].compactMap { $0 }
        if !parts.isEmpty { return parts.joined(separator: " ") }
        return name ?? "?"
    }

    /// The first practice site, in one line: `name, street, city (mode L, sector SA07)`.
    var firstActivity: String? {
        exercises.lazy.compactMap { $0.activities.first }.first.map(Self.describe)
    }

    /// Writes the identity on standard output: JSON, or readable lines.
    func print(json: Bool) throws {
        if json {
            try Terminal.json(self)
            return
        }
        Terminal.result("\(subjectNameID ?? "(no SubjectNameID)")  \(displayName)")
        for exercise in exercises {
            var line = "  profession \(exercise.professionCode ?? "?")"
            if let category = exercise.professionalCategoryCode { line += ", category \(category)" }
            if let expertise = exercise.expertiseCode {
                line += ", expertise \(expertise)"
                if let type = exercise.expertiseTypeCode { line += " (\(type))" }
            }
            Terminal.result(line)
            for activity in exercise.activities {
                Terminal.result("    \(Self.describe(activity))")
            }
        }
    }

    /// One practice site in one line.
    static func describe(_ activity: ProfessionalActivity) -> String {
        let street = [activity.streetNumber, activity.streetTypeCode, activity.streetName].compactMap { $0 }
            .joined(separator: " ")
        let place = [activity.siteCorporateName, street.isEmpty ? nil : street, activity.cedexOffice]
            .compactMap { $0 }.joined(separator: ", ")
        let codes = [
            activity.practiceModeCode.map { "mode \($0)" }, activity.activitySectorCode.map { "sector \($0)" },
        ].compactMap { $0 }.joined(separator: ", ")
        if codes.isEmpty { return place.isEmpty ? "(no details)" : place }
        return place.isEmpty ? codes : "\(place) (\(codes))"
    }
}
