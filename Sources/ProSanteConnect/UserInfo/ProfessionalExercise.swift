public import SanteCore

/// One profession the professional exercises (`SubjectRefPro.exercices[]`), with its practice sites.
public struct ProfessionalExercise: Sendable, Hashable, Codable {
    /// `codeProfession`: the profession, such as `10` (médecin).
    public var professionCode: String?
    /// `codeCategorieProfessionnelle`: the professional category, such as `C` (civil).
    public var professionalCategoryCode: String?
    /// `codeCiviliteDexercice`: the practice title, such as `DR`.
    public var practiceCivilityCode: String?
    /// `nomDexercice`: the family name used in practice.
    public var practiceFamilyName: String?
    /// `prenomDexercice`: the given name used in practice.
    public var practiceGivenName: String?
    /// `codeTypeSavoirFaire`: the kind of expertise (specialty, competence…).
    public var expertiseTypeCode: String?
    /// `codeSavoirFaire`: the expertise.
    public var expertiseCode: String?
    /// `activities`: the practice sites.
    public var activities: [ProfessionalActivity]
    /// Members not modelled above.
    public var additionalMembers: [String: JSONValue]

    /// Creates an exercise.
    /// - Parameters:
    ///   - professionCode: `codeProfession`.
    ///   - activities: The practice sites.
    public init(professionCode: String? = nil, activities: [ProfessionalActivity] = []) {
        self.professionCode = professionCode
        self.activities = activities
        self.additionalMembers = [:]
    }

    /// Decodes leniently: empty strings become `nil`, unknown members are kept.
    public init(from decoder: any Decoder) throws {
        var members = try JSONMembers(from: decoder)
        professionCode = members.text("codeProfession")
        professionalCategoryCode = members.text("codeCategorieProfessionnelle")
        practiceCivilityCode = members.text("codeCiviliteDexercice")
        practiceFamilyName = members.text("nomDexercice")
        practiceGivenName = members.text("prenomDexercice")
        expertiseTypeCode = members.text("codeTypeSavoirFaire")
        expertiseCode = members.text("codeSavoirFaire")
        activities = members.objects("activities", as: ProfessionalActivity.self)
        additionalMembers = members.remaining
    }

    /// Encodes every member present.
    public func encode(to encoder: any Encoder) throws {
        var members = JSONMembers(additionalMembers)
        members.put("codeProfession", professionCode)
        members.put("codeCategorieProfessionnelle", professionalCategoryCode)
        members.put("codeCiviliteDexercice", practiceCivilityCode)
        members.put("nomDexercice", practiceFamilyName)
        members.put("prenomDexercice", practiceGivenName)
        members.put("codeTypeSavoirFaire", expertiseTypeCode)
        members.put("codeSavoirFaire", expertiseCode)
        try members.put("activities", encoding: activities)
        try members.encode(to: encoder)
    }
}
