public import SanteCore

/// An organisation as the DMP records it: the author's structure or a document's custodian.
public struct DMPOrganization: Hashable, Sendable {
    /// The structure's identifier, usually the IDNST (`urn:oid:1.2.250.1.71.4.2.2`: `1` + FINESS,
    /// `3` + SIRET…).
    public var identifier: FHIRIdentifier?
    /// The structure's name.
    public var name: String?

    /// Creates an organisation.
    /// - Parameters:
    ///   - identifier: The identifier (IDNST preferred).
    ///   - name: The name.
    public init(identifier: FHIRIdentifier?, name: String? = nil) {
        self.identifier = identifier
        self.name = name
    }

    /// An organisation identified by its SIRET, sent as IDNST `3` + SIRET.
    /// - Parameters:
    ///   - siret: The SIRET.
    ///   - name: The name.
    /// - Returns: The organisation.
    public static func siret(_ siret: SIRET, name: String? = nil) -> DMPOrganization {
        DMPOrganization(
            identifier: FHIRIdentifier(system: PDSmURLs.structureIdentifierSystem, value: "3" + siret.rawValue),
            name: name)
    }

    /// An organisation identified by its FINESS, sent as IDNST `1` + FINESS.
    /// - Parameters:
    ///   - finess: The FINESS number.
    ///   - name: The name.
    /// - Returns: The organisation.
    public static func finess(_ finess: FINESS, name: String? = nil) -> DMPOrganization {
        DMPOrganization(
            identifier: FHIRIdentifier(system: PDSmURLs.structureIdentifierSystem, value: "1" + finess.rawValue),
            name: name)
    }

    /// A logical reference (`identifier` + `display`), as used for `custodian`.
    var logicalReference: FHIRReference {
        FHIRReference(type: "Organization", identifier: identifier, display: name)
    }

    /// The organisation as a contained `Organization`.
    func organizationJSON(id: String) -> JSONValue {
        var members: [String: JSONValue] = ["resourceType": "Organization", "id": .string(id)]
        if let identifier, let json = try? FHIRJSONValue.encode(identifier) {
            members["identifier"] = .array([json])
        }
        if let name { members["name"] = .string(name) }
        return .object(members)
    }

    /// Reads a contained `Organization`.
    init(resource: JSONValue) {
        let identifiers = (resource["identifier"]?.arrayValue ?? []).compactMap {
            try? FHIRJSONValue.decode(FHIRIdentifier.self, from: $0)
        }
        self.init(
            identifier: identifiers.first { $0.system == PDSmURLs.structureIdentifierSystem } ?? identifiers.first,
            name: resource["name"]?.stringValue)
    }

    /// Reads a reference: a contained organisation, or a logical reference.
    init?(reference: FHIRReference, in contained: [AnyFHIRResource]) {
        if let target = reference.reference, target.hasPrefix("#"),
            let resource = contained.first(where: { "#" + ($0.id ?? "") == target }),
            resource.resourceType == "Organization"
        {
            self.init(resource: resource.json)
        } else if reference.identifier != nil || reference.display != nil {
            self.init(identifier: reference.identifier, name: reference.display)
        } else {
            return nil
        }
    }
}
