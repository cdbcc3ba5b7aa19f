public import SanteCore

/// The professional as PSC's userinfo endpoint describes them.
///
/// Identify the professional by ``subjectNameID`` (their national identifier, IDNPS), never by
/// ``subject``. Empty strings, which PSC sends for many members, decode as `nil`; `otherIds` is read
/// under its other spelling `otherIDs` too; unknown members are kept in ``additionalMembers``.
public struct ProSanteConnectUserInfo: Sendable, Hashable, Codable {
    /// `sub`: a technical identifier (`f:<uuid>:<national id>`), equal to the ID token's.
    public var subject: String
    /// `SubjectNameID`: the national identifier (`8`+RPPS, `0`+ADELI, `ANS…` for EDIT test identities).
    public var subjectNameID: NationalProfessionalIdentifier?
    /// `PSISubjectNameID`: the UUID identifier PSC announced for 2026, when present.
    public var psiSubjectNameID: String?
    /// `preferred_username` (on PSC, equal to `SubjectNameID`).
    public var preferredUsername: String?
    /// `given_name`.
    public var givenName: String?
    /// `family_name`.
    public var familyName: String?
    /// `name`.
    public var name: String?
    /// `email`.
    public var email: String?
    /// `email_verified`.
    public var emailVerified: Bool?
    /// `codeCivilite`: the civil title, such as `MME` or `M`.
    public var civilityCode: String?
    /// `otherIds` (or `otherIDs`): the professional's other identifiers.
    public var otherIdentifiers: [OtherIdentifier]
    /// `SubjectOrganization`: the organisation's name.
    public var organizationName: String?
    /// `SubjectOrganizationID`: the organisation's identifier.
    public var organizationIdentifier: String?
    /// `SubjectRole`: the roles, as `code^OID` (the profession code and its nomenclature).
    public var roles: [CodeWithOID]
    /// `Secteur_Activite`: the activity sector, as `code^OID`.
    public var activitySector: CodeWithOID?
    /// `codeGenreActivite`: the activity genre, such as `GENR01`.
    public var activityGenreCode: String?
    /// `Palier_Authentification`: the authentication level reached, as `code^OID`.
    public var authenticationLevel: CodeWithOID?
    /// `Mode_Acces_Raison`: the access mode reason.
    public var accessModeReason: String?
    /// `Acces_Regulation_Medicale`: `VRAI` or `FAUX` as sent; see ``hasMedicalRegulationAccess``.
    public var medicalRegulationAccess: String?
    /// `UITVersion`.
    public var uitVersion: String?
    /// `PSI_Locale`: an OID.
    public var psiLocale: String?
    /// `SubjectRefPro`: the exercises and practice sites (with the `scope_all` scope).
    public var professionalReference: ProfessionalReference?
    /// Members not modelled above.
    public var additionalMembers: [String: JSONValue]

    /// Creates a userinfo value.
    /// - Parameters:
    ///   - subject: `sub`.
    ///   - subjectNameID: `SubjectNameID`.
    public init(subject: String, subjectNameID: NationalProfessionalIdentifier? = nil) {
        self.subject = subject
        self.subjectNameID = subjectNameID
        otherIdentifiers = []
        roles = []
        additionalMembers = [:]
    }

    /// `Acces_Regulation_Medicale` as a Boolean: `VRAI` is `true`, `FAUX` is `false`, anything else `nil`.
    public var hasMedicalRegulationAccess: Bool? {
        switch medicalRegulationAccess?.uppercased() {
        case "VRAI", "TRUE": true
        case "FAUX", "FALSE": false
        default: nil
        }
    }

    /// Decodes leniently; only `sub` is required.
    public init(from decoder: any Decoder) throws {
        var members = try JSONMembers(from: decoder)
        guard let subject = members.text("sub") else {
            throw DecodingError.keyNotFound(
                MemberKey("sub"), .init(codingPath: decoder.codingPath, debugDescription: "the userinfo has no sub"))
        }
        self.subject = subject
        subjectNameID = members.text("SubjectNameID").map(NationalProfessionalIdentifier.init)
        psiSubjectNameID = members.text("PSISubjectNameID")
        preferredUsername = members.text("preferred_username")
        givenName = members.text("given_name")
        familyName = members.text("family_name")
        name = members.text("name")
        email = members.text("email")
        emailVerified = members.flag("email_verified")
        civilityCode = members.text("codeCivilite")
        otherIdentifiers =
            members.objects("otherIds", as: OtherIdentifier.self)
            + members.objects("otherIDs", as: OtherIdentifier.self)
        organizationName = members.text("SubjectOrganization")
        organizationIdentifier = members.text("SubjectOrganizationID")
        roles = members.textList("SubjectRole").map(CodeWithOID.init(parsing:))
        activitySector = members.text("Secteur_Activite").map(CodeWithOID.init(parsing:))
        activityGenreCode = members.text("codeGenreActivite")
        authenticationLevel = members.text("Palier_Authentification").map(CodeWithOID.init(parsing:))
        accessModeReason = members.text("Mode_Acces_Raison")
        medicalRegulationAccess = members.text("Acces_Regulation_Medicale")
        uitVersion = members.text("UITVersion")
        psiLocale = members.text("PSI_Locale")
        professionalReference = members.object("SubjectRefPro", as: ProfessionalReference.self)
        additionalMembers = members.remaining
    }

    /// Encodes every member present, with PSC's names (`otherIds` for the identifiers).
    public func encode(to encoder: any Encoder) throws {
        var members = JSONMembers(additionalMembers)
        members.put("sub", subject)
        members.put("SubjectNameID", subjectNameID?.rawValue)
        members.put("PSISubjectNameID", psiSubjectNameID)
        members.put("preferred_username", preferredUsername)
        members.put("given_name", givenName)
        members.put("family_name", familyName)
        members.put("name", name)
        members.put("email", email)
        members.put("email_verified", emailVerified)
        members.put("codeCivilite", civilityCode)
        if !otherIdentifiers.isEmpty { try members.put("otherIds", encoding: otherIdentifiers) }
        members.put("SubjectOrganization", organizationName)
        members.put("SubjectOrganizationID", organizationIdentifier)
        if !roles.isEmpty { members.put("SubjectRole", roles.map(\.rawValue)) }
        members.put("Secteur_Activite", activitySector?.rawValue)
        members.put("codeGenreActivite", activityGenreCode)
        members.put("Palier_Authentification", authenticationLevel?.rawValue)
        members.put("Mode_Acces_Raison", accessModeReason)
        members.put("Acces_Regulation_Medicale", medicalRegulationAccess)
        members.put("UITVersion", uitVersion)
        members.put("PSI_Locale", psiLocale)
        try members.put("SubjectRefPro", encoding: professionalReference)
        try members.encode(to: encoder)
    }
}
