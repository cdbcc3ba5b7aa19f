import SanteCore

/// One resource of the mock directory, with the values its search parameters match.
struct AnnuaireResource: Sendable {
    /// `Practitioner`, `PractitionerRole`, `Organization` or `HealthcareService`.
    let type: String
    /// The logical id (six digits, so that sorting by `_id` is numeric).
    let id: String
    /// The resource as FHIR JSON.
    let json: [String: JSONValue]
    /// Token parameters: `system|code` values (`identifier`, `active`, `role`, `type`, …).
    let tokens: [String: [String]]
    /// String parameters (`family`, `name`, `address-city`, …).
    let strings: [String: [String]]
    /// Reference parameters: `Type/id` values (`practitioner`, `organization`, `partof`).
    let references: [String: [String]]

    /// `Type/id`.
    var reference: String { "\(type)/\(id)" }
}

/// Small builders of FHIR JSON members.
enum FHIRJSONBuilder {
    /// `{"coding": [{"system": …, "code": …}]}`.
    static func concept(_ codings: [(system: String, code: String)]) -> JSONValue {
        ["coding": .array(codings.map { ["system": .string($0.system), "code": .string($0.code)] })]
    }

    /// An official identifier with its type.
    static func identifier(system: String, value: String, typeCode: String?) -> JSONValue {
        var members: [String: JSONValue] = ["system": .string(system), "value": .string(value)]
        if let typeCode {
            members["use"] = "official"
            members["type"] = concept([(AnnuaireSystems.identifierType, typeCode)])
        }
        return .object(members)
    }

    /// `meta` with the Annuaire profiles.
    static func meta(frCore: String?, annuaire: String) -> JSONValue {
        [
            "versionId": "1", "lastUpdated": .string(AnnuaireSystems.lastUpdated),
            "source": .string(AnnuaireSystems.source),
            "profile": .array(AnnuaireSystems.profiles(frCore: frCore, annuaire: annuaire).map(JSONValue.string)),
        ]
    }

    /// `{"reference": "Type/id"}`.
    static func reference(_ value: String) -> JSONValue {
        ["reference": .string(value)]
    }
}
