/// The practice setting of the author (XDS `practiceSettingCode`, FHIR
/// `DocumentReference.context.practiceSetting`): TRE_A01-CadreExercice (value set JDV_J04).
public struct DMPPracticeSetting: DMPCodedValue {
    /// The code.
    public let code: String
    /// The code system.
    public let system: String
    /// A human-readable label.
    public let display: String?

    /// Creates a practice setting.
    /// - Parameters:
    ///   - code: The code, such as `ETABLISSEMENT`.
    ///   - system: The code system (TRE_A01 by default).
    ///   - display: A human-readable label.
    public init(code: String, system: String = PDSmURLs.practiceSettingSystem, display: String? = nil) {
        self.code = code
        self.system = system
        self.display = display
    }

    /// `ETABLISSEMENT`: établissement de santé.
    public static let healthEstablishment = DMPPracticeSetting(
        code: "ETABLISSEMENT", display: "Etablissement de santé")

    /// The known practice settings.
    public static let known: [DMPPracticeSetting] = [.healthEstablishment]
}
