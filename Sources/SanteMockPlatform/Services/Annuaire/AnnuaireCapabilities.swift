import SanteCore

/// The mock's CapabilityStatement: the resource types, their search parameters, includes and reverse includes.
enum AnnuaireCapabilities {
    static func statement() -> JSONValue {
        let resources = AnnuaireDirectory.types.map { type -> JSONValue in
            let parameters = AnnuaireSearchParameters.parameters(of: type).sorted { $0.key < $1.key }.map {
                name, kind in
                let kindName: String
                switch kind {
                case .token: kindName = "token"
                case .string: kindName = name == "_profile" ? "uri" : "string"
                case .reference: kindName = "reference"
                case .ignored: kindName = name == "_lastUpdated" ? "date" : "token"
                }
                return JSONValue.object(["name": .string(name), "type": .string(kindName)])
            }
            return [
                "type": .string(type),
                "interaction": [["code": "read"], ["code": "search-type"]],
                "searchParam": .array(parameters),
                "searchInclude": .array(
                    AnnuaireSearchParameters.includes(of: type).keys.sorted().map(JSONValue.string)),
                "searchRevInclude": .array(
                    AnnuaireSearchParameters.reverseIncludes(of: type).keys.sorted().map(JSONValue.string)),
            ]
        }
        return [
            "resourceType": "CapabilityStatement",
            "status": "active",
            "date": "2024-01-15",
            "kind": "instance",
            "software": ["name": "SanteKit mock Annuaire Santé"],
            "fhirVersion": "4.0.1",
            "format": ["json"],
            "rest": [["mode": "server", "resource": .array(resources)]],
        ]
    }
}
