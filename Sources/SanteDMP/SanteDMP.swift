/// The DMP document client (FHIR PDSm / IHE MHD).
///
/// The DMP is the shared medical record inside Mon espace santé. The client arrives with the DMP
/// milestone; this module exists now so that the package layout and the dependency arrows are fixed.
public enum SanteDMP {}
