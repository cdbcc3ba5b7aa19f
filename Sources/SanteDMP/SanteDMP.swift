/// The DMP document client (FHIR PDSm 3.1.1 / IHE MHD): the namespace of the module's constants.
///
/// The DMP (Dossier Médical Partagé) is the shared medical record inside Mon espace santé. Start with
/// ``DMPClient``; documents are ``DMPDocumentEntry`` values over PDSm `DocumentReference` resources.
public enum SanteDMP {
    /// The FHIR version PDSm is built on.
    public static let fhirVersion = "4.0.1"
    /// The PDSm implementation guide version this client follows.
    public static let pdsmVersion = "3.1.1"
}
