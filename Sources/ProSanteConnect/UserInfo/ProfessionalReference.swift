public import SanteCore

/// The professional's sector data (`SubjectRefPro`, returned with the `scope_all` scope): one exercise
/// per profession, each with its practice sites.
public struct ProfessionalReference: Sendable, Hashable, Codable {
    /// `codeCivilite`: the civil title, such as `MME` or `M`.
    public var civilityCode: String?
    /// `exercices`: one per profession.
    public var exercises: [ProfessionalExercise]
    /// Members not modelled above.
    public var additionalMembers: [String: JSONValue]

    /// Creates a reference.
    /// - Parameters:
    ///   - civilityCode: `codeCivilite`.
    ///   - exercises: The exercises.
    ///   - additionalMembers: Other members.
    public init(
        civilityCode: String? = nil, exercises: [ProfessionalExercise] = [],
        additionalMembers: [String: JSONValue] = [:]
    ) {
        self.civilityCode = civilityCode
        self.exercises = exercises
        self.additionalMembers = additionalMembers
    }

    /// Decodes leniently: empty strings become `nil`, unknown members are kept.
    public init(from decoder: any Decoder) throws {
        var members = try JSONMembers(from: decoder)
        civilityCode = members.text("codeCivilite")
        exercises = members.objects("exercices", as: ProfessionalExercise.self)
        additionalMembers = members.remaining
    }

    /// Encodes every member present.
    public func encode(to encoder: any Encoder) throws {
        var members = JSONMembers(additionalMembers)
        members.put("codeCivilite", civilityCode)
        try members.put("exercices", encoding: exercises)
        try members.encode(to: encoder)
    }
}
