/// The kind of facility where the act took place (XDS `healthcareFacilityTypeCode`, FHIR
/// `DocumentReference.context.facilityType`): TRE_R02-SecteurActivite (value set JDV_J61 for the DMP).
public struct DMPFacilityType: DMPCodedValue {
    /// The code.
    public let code: String
    /// The code system.
    public let system: String
    /// A human-readable label.
    public let display: String?

    /// Creates a facility type.
    /// - Parameters:
    ///   - code: The code, such as `SA07`.
    ///   - system: The code system (TRE_R02 by default).
    ///   - display: A human-readable label.
    public init(code: String, system: String = PDSmURLs.activitySectorSystem, display: String? = nil) {
        self.code = code
        self.system = system
        self.display = display
    }

    /// `SA01`: établissement public de santé.
    public static let publicHealthEstablishment = DMPFacilityType(
        code: "SA01", display: "Etablissement public de santé")
    /// `SA05`: centre de santé.
    public static let healthCentre = DMPFacilityType(code: "SA05", display: "Centre de santé")
    /// `SA07`: cabinet individuel.
    public static let privatePractice = DMPFacilityType(code: "SA07", display: "Cabinet individuel")

    /// The known facility types.
    public static let known: [DMPFacilityType] = [.publicHealthEstablishment, .healthCentre, .privatePractice]
}
