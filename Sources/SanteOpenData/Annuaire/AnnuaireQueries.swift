import Foundation
public import SanteCore

/// A search of professionals (`GET Practitioner?…`).
public struct AnnuairePractitionerQuery: Hashable, Sendable {
    /// An identifier, `system|value` or a bare value.
    public var identifier: String?
    /// The family name (prefix match; add `:exact` yourself through ``AnnuaireSearchOptions/additionalItems``).
    public var family: String?
    /// A given name.
    public var given: String?
    /// Any part of the name.
    public var name: String?
    /// A qualification code, `system|code` or a bare code (such as `21` for pharmacists).
    public var qualificationCode: String?
    /// An MSSanté mailbox.
    public var mailbox: String?
    /// Only active (or inactive) records.
    public var active: Bool?
    /// Page size, delta synchronisation, includes.
    public var options: AnnuaireSearchOptions

    /// Creates a query.
    /// - Parameters:
    ///   - identifier: `system|value` or a bare value.
    ///   - family: The family name.
    ///   - given: A given name.
    ///   - name: Any part of the name.
    ///   - qualificationCode: A qualification code.
    ///   - mailbox: An MSSanté mailbox.
    ///   - active: Active records only.
    ///   - options: Shared settings.
    public init(
        identifier: String? = nil,
        family: String? = nil,
        given: String? = nil,
        name: String? = nil,
        qualificationCode: String? = nil,
        mailbox: String? = nil,
        active: Bool? = nil,
        options: AnnuaireSearchOptions = AnnuaireSearchOptions()
    ) {
        self.identifier = identifier
        self.family = family
        self.given = given
        self.name = name
        self.qualificationCode = qualificationCode
        self.mailbox = mailbox
        self.active = active
        self.options = options
    }

    /// The professional with an RPPS number.
    /// - Parameter rpps: The RPPS number.
    /// - Returns: The query `identifier=https://rpps.esante.gouv.fr|<rpps>`.
    public static func rpps(_ rpps: RPPS) -> AnnuairePractitionerQuery {
        AnnuairePractitionerQuery(identifier: AnnuaireIdentifierSystem.rpps + "|" + rpps.rawValue)
    }

    func queryItems(defaultCount: Int) -> [URLQueryItem] {
        var parameters = SearchParameters()
        parameters.add("identifier", identifier)
        parameters.add("family", family)
        parameters.add("given", given)
        parameters.add("name", name)
        parameters.add("qualification-code", qualificationCode)
        parameters.add("mailbox-mss", mailbox)
        parameters.add("active", active)
        return parameters.items + options.queryItems(defaultCount: defaultCount)
    }
}

/// A search of activities (`GET PractitionerRole?…`).
public struct AnnuairePractitionerRoleQuery: Hashable, Sendable {
    /// The professional: `Practitioner/<id>` or a bare id.
    public var practitioner: String?
    /// The structure: `Organization/<id>` or a bare id.
    public var organization: String?
    /// A role code, `system|code` or a bare code.
    public var role: String?
    /// An identifier.
    public var identifier: String?
    /// Only active (or inactive) activities.
    public var active: Bool?
    /// Page size, delta synchronisation, includes.
    public var options: AnnuaireSearchOptions

    /// Creates a query.
    /// - Parameters:
    ///   - practitioner: The professional's id.
    ///   - organization: The structure's id.
    ///   - role: A role code.
    ///   - identifier: An identifier.
    ///   - active: Active activities only.
    ///   - options: Shared settings.
    public init(
        practitioner: String? = nil,
        organization: String? = nil,
        role: String? = nil,
        identifier: String? = nil,
        active: Bool? = nil,
        options: AnnuaireSearchOptions = AnnuaireSearchOptions()
    ) {
        self.practitioner = practitioner
        self.organization = organization
        self.role = role
        self.identifier = identifier
        self.active = active
        self.options = options
    }

    func queryItems(defaultCount: Int) -> [URLQueryItem] {
        var parameters = SearchParameters()
        parameters.add("practitioner", practitioner)
        parameters.add("organization", organization)
        parameters.add("role", role)
        parameters.add("identifier", identifier)
        parameters.add("active", active)
        return parameters.items + options.queryItems(defaultCount: defaultCount)
    }
}

/// A search of structures (`GET Organization?…`).
public struct AnnuaireOrganizationQuery: Hashable, Sendable {
    /// An identifier, `system|value` or a bare value.
    public var identifier: String?
    /// An identifier type, such as `FINEG`.
    public var identifierType: String?
    /// Any part of the name.
    public var name: String?
    /// The city.
    public var city: String?
    /// The postal code.
    public var postalCode: String?
    /// A type code.
    public var type: String?
    /// The parent structure's id.
    public var partOf: String?
    /// A pharmacy licence number.
    public var pharmacyLicence: String?
    /// Only active (or inactive) structures.
    public var active: Bool?
    /// Page size, delta synchronisation, includes.
    public var options: AnnuaireSearchOptions

    /// Creates a query.
    /// - Parameters:
    ///   - identifier: `system|value` or a bare value.
    ///   - identifierType: An identifier type.
    ///   - name: Any part of the name.
    ///   - city: The city.
    ///   - postalCode: The postal code.
    ///   - type: A type code.
    ///   - partOf: The parent structure's id.
    ///   - pharmacyLicence: A pharmacy licence number.
    ///   - active: Active structures only.
    ///   - options: Shared settings.
    public init(
        identifier: String? = nil,
        identifierType: String? = nil,
        name: String? = nil,
        city: String? = nil,
        postalCode: String? = nil,
        type: String? = nil,
        partOf: String? = nil,
        pharmacyLicence: String? = nil,
        active: Bool? = nil,
        options: AnnuaireSearchOptions = AnnuaireSearchOptions()
    ) {
        self.identifier = identifier
        self.identifierType = identifierType
        self.name = name
        self.city = city
        self.postalCode = postalCode
        self.type = type
        self.partOf = partOf
        self.pharmacyLicence = pharmacyLicence
        self.active = active
        self.options = options
    }

    /// The structure with a FINESS number.
    /// - Parameter finess: The FINESS number.
    /// - Returns: The query `identifier=https://finess.esante.gouv.fr|<finess>`.
    public static func finess(_ finess: FINESS) -> AnnuaireOrganizationQuery {
        AnnuaireOrganizationQuery(identifier: AnnuaireIdentifierSystem.finess + "|" + finess.rawValue)
    }

    /// The structure with a SIRET number: its national identifier `3` + SIRET, or its FR Core SIRET
    /// identifier (the comma is FHIR's "or").
    /// - Parameter siret: The SIRET number.
    /// - Returns: The query `identifier=urn:oid:1.2.250.1.71.4.2.2|3<siret>,https://sirene.fr|<siret>`.
    public static func siret(_ siret: SIRET) -> AnnuaireOrganizationQuery {
        AnnuaireOrganizationQuery(
            identifier: AnnuaireIdentifierSystem.nationalStructure + "|"
                + NationalStructureIdentifier.siret(siret).rawValue
                + "," + AnnuaireIdentifierSystem.sirene + "|" + siret.rawValue)
    }

    func queryItems(defaultCount: Int) -> [URLQueryItem] {
        var parameters = SearchParameters()
        parameters.add("identifier", identifier)
        parameters.add("identifier-type", identifierType)
        parameters.add("name", name)
        parameters.add("address-city", city)
        parameters.add("address-postalcode", postalCode)
        parameters.add("type", type)
        parameters.add("partof", partOf)
        parameters.add("pharmacy-licence", pharmacyLicence)
        parameters.add("active", active)
        return parameters.items + options.queryItems(defaultCount: defaultCount)
    }
}

/// A search of services (`GET HealthcareService?…`).
public struct AnnuaireHealthcareServiceQuery: Hashable, Sendable {
    /// The structure offering the service (its id).
    public var organization: String?
    /// A category code.
    public var serviceCategory: String?
    /// A type code.
    public var serviceType: String?
    /// A characteristic code.
    public var characteristic: String?
    /// A profile URL (`_profile`).
    public var profile: String?
    /// Only active (or inactive) services.
    public var active: Bool?
    /// Page size, delta synchronisation, includes.
    public var options: AnnuaireSearchOptions

    /// Creates a query.
    /// - Parameters:
    ///   - organization: The structure's id.
    ///   - serviceCategory: A category code.
    ///   - serviceType: A type code.
    ///   - characteristic: A characteristic code.
    ///   - profile: A profile URL.
    ///   - active: Active services only.
    ///   - options: Shared settings.
    public init(
        organization: String? = nil,
        serviceCategory: String? = nil,
        serviceType: String? = nil,
        characteristic: String? = nil,
        profile: String? = nil,
        active: Bool? = nil,
        options: AnnuaireSearchOptions = AnnuaireSearchOptions()
    ) {
        self.organization = organization
        self.serviceCategory = serviceCategory
        self.serviceType = serviceType
        self.characteristic = characteristic
        self.profile = profile
        self.active = active
        self.options = options
    }

    func queryItems(defaultCount: Int) -> [URLQueryItem] {
        var parameters = SearchParameters()
        parameters.add("organization", organization)
        parameters.add("service-category", serviceCategory)
        parameters.add("service-type", serviceType)
        parameters.add("characteristic", characteristic)
        parameters.add("_profile", profile)
        parameters.add("active", active)
        return parameters.items + options.queryItems(defaultCount: defaultCount)
    }
}
