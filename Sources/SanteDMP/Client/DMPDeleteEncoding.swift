/// How ``DMPClient/delete(_:)`` encodes a deletion on the wire.
///
/// Deleting a DMP document is a **domain** operation whose FHIR encoding the official material does not
/// settle (reference §7 and §11.1), so the client lets you choose:
/// - the PDSm4DMP index says a conditional PATCH of `status` to `superseded`, with no physical DELETE;
///   it is the only encoding valid under IHE MHD (which allows `current` and `superseded` only);
/// - the PDSm4DMP TD3.3c page says PATCH to `entered-in-error`, which MHD forbids (open issue
///   ansforge/IG-fhir-partage-de-documents-de-sante#99);
/// - the overview flowchart says HTTP `DELETE`, although the DMP has no physical deletion.
///
/// The default, ``supersede``, follows the index and stays MHD-valid. Only the document's author may
/// delete it, whatever the encoding.
public enum DMPDeleteEncoding: String, Sendable, Hashable, CaseIterable {
    /// Conditional PATCH `/status` → `superseded` (the default: PDSm4DMP index, MHD-valid).
    case supersede
    /// Conditional PATCH `/status` → `entered-in-error` (PDSm4DMP TD3.3c page; outside MHD).
    case enteredInError
    /// `DELETE <base>/DocumentReference/<id>` (PDSm overview flowchart).
    case httpDelete
}
