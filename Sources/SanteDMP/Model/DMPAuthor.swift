public import SanteCore

/// The author of a DMP document: a professional and, when known, their organisation.
///
/// On the wire the author is a contained `Practitioner` (`#author-N`); the organisation is a contained
/// `Organization` linked by a contained `PractitionerRole`. When reading, any contained `Practitioner`,
/// `PractitionerRole` or `Organization` the author references is understood.
public struct DMPAuthor: Hashable, Sendable {
    /// The professional, when the author is one.
    public var professional: DMPProfessional?
    /// The professional's organisation (XDS `authorInstitution`).
    public var organization: DMPOrganization?
    /// The raw reference, when the author is not contained (such as `PractitionerRole/123`).
    public var reference: FHIRReference?

    /// Creates an author.
    /// - Parameters:
    ///   - professional: The professional.
    ///   - organization: Their organisation.
    ///   - reference: A non-contained reference, when the author lives elsewhere.
    public init(
        professional: DMPProfessional?, organization: DMPOrganization? = nil, reference: FHIRReference? = nil
    ) {
        self.professional = professional
        self.organization = organization
        self.reference = reference
    }
}
