public import SanteCore

/// A health professional as the DMP records them: the author of a document or a submission set.
public struct DMPProfessional: Hashable, Sendable {
    /// The professional's identifier, usually the IDNPS (`urn:oid:1.2.250.1.71.4.2.1`, `8` + RPPS).
    public var identifier: FHIRIdentifier?
    /// The family name.
    public var familyName: String?
    /// The given names.
    public var givenNames: [String]
    /// A title such as `DR` (FHIR `name.prefix`).
    public var prefix: String?

    /// Creates a professional.
    /// - Parameters:
    ///   - identifier: The identifier (IDNPS preferred).
    ///   - familyName: The family name.
    ///   - givenNames: The given names.
    ///   - prefix: A title such as `DR`.
    public init(
        identifier: FHIRIdentifier?, familyName: String? = nil, givenNames: [String] = [], prefix: String? = nil
    ) {
        self.identifier = identifier
        self.familyName = familyName
        self.givenNames = givenNames
        self.prefix = prefix
    }

    /// A professional identified by their RPPS number, sent as IDNPS `8` + RPPS.
    /// - Parameters:
    ///   - rpps: The RPPS number.
    ///   - familyName: The family name.
    ///   - givenNames: The given names.
    ///   - prefix: A title such as `DR`.
    /// - Returns: The professional.
    public static func rpps(
        _ rpps: RPPS, familyName: String? = nil, givenNames: [String] = [], prefix: String? = nil
    ) -> DMPProfessional {
        DMPProfessional(
            identifier: FHIRIdentifier(system: PDSmURLs.professionalIdentifierSystem, value: "8" + rpps.rawValue),
            familyName: familyName, givenNames: givenNames, prefix: prefix)
    }

    /// The professional as a contained FR Core `Practitioner`.
    /// - Parameter id: The contained resource's id.
    /// - Returns: The resource as JSON.
    func practitionerJSON(id: String) -> JSONValue {
        var members: [String: JSONValue] = ["resourceType": "Practitioner", "id": .string(id)]
        if let identifier, let json = try? FHIRJSONValue.encode(identifier) {
            members["identifier"] = .array([json])
        }
        var name: [String: JSONValue] = [:]
        if let familyName { name["family"] = .string(familyName) }
        if !givenNames.isEmpty { name["given"] = .array(givenNames.map(JSONValue.string)) }
        if let prefix { name["prefix"] = .array([.string(prefix)]) }
        if !name.isEmpty { members["name"] = .array([.object(name)]) }
        return .object(members)
    }

    /// Reads a contained `Practitioner` or `PractitionerRole` (its identifier only).
    init(resource: JSONValue) {
        let identifiers = (resource["identifier"]?.arrayValue ?? []).compactMap {
            try? FHIRJSONValue.decode(FHIRIdentifier.self, from: $0)
        }
        let preferred =
            identifiers.first { $0.system == PDSmURLs.professionalIdentifierSystem }
            ?? identifiers.first { $0.system == PDSmURLs.rppsSystem } ?? identifiers.first
        let name = resource["name"]?.arrayValue?.first
        self.init(
            identifier: preferred,
            familyName: name?["family"]?.stringValue,
            givenNames: name?["given"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            prefix: name?["prefix"]?.arrayValue?.first?.stringValue)
    }
}
