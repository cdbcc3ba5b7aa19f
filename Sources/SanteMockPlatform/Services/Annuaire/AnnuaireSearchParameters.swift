/// The search parameters each resource type accepts (the CapabilityStatement of API v2), by kind.
enum AnnuaireSearchParameters {
    enum Kind: Sendable {
        case token
        case string
        case reference
        /// Accepted and ignored (`_lastUpdated`, `data-information-system`, …): every mock resource matches.
        case ignored
    }

    /// Parameters every type accepts.
    static let common: [String: Kind] = [
        "_id": .token, "_lastUpdated": .ignored, "data-information-system": .ignored,
        "data-registration-authority": .ignored,
    ]

    /// Result parameters, handled by the search itself.
    static let control: Set<String> = ["_count", "_include", "_revinclude", "_total", "_format", "_sort"]

    /// The parameters of one type.
    static func parameters(of type: String) -> [String: Kind] {
        let specific: [String: Kind]
        switch type {
        case "Practitioner":
            specific = [
                "identifier": .token, "identifier-type": .token, "family": .string, "given": .string,
                "name": .string, "qualification-code": .token, "mailbox-mss": .string, "active": .token,
                "number-smartcard": .ignored, "type-smartcard": .ignored,
            ]
        case "PractitionerRole":
            specific = [
                "practitioner": .reference, "organization": .reference, "role": .token, "identifier": .token,
                "active": .token, "mailbox-mss": .ignored,
            ]
        case "Organization":
            specific = [
                "identifier": .token, "identifier-type": .token, "name": .string, "address-city": .string,
                "address-postalcode": .string, "type": .token, "partof": .reference, "active": .token,
                "pharmacy-licence": .ignored, "address": .ignored, "address-line": .ignored, "mailbox-mss": .ignored,
            ]
        case "HealthcareService":
            specific = [
                "organization": .reference, "service-category": .token, "service-type": .token,
                "characteristic": .token, "_profile": .string, "identifier": .token, "active": .token,
            ]
        default:
            specific = [:]
        }
        return common.merging(specific) { first, _ in first }
    }

    /// The `_include` values a type accepts, and the reference parameter each follows.
    static func includes(of type: String) -> [String: String] {
        switch type {
        case "PractitionerRole":
            ["PractitionerRole:practitioner": "practitioner", "PractitionerRole:organization": "organization"]
        case "HealthcareService": ["HealthcareService:organization": "organization"]
        case "Organization": ["Organization:partof": "partof"]
        default: [:]
        }
    }

    /// The `_revinclude` values a type accepts: the referring type and its reference parameter.
    static func reverseIncludes(of type: String) -> [String: (type: String, parameter: String)] {
        switch type {
        case "Practitioner": ["PractitionerRole:practitioner": ("PractitionerRole", "practitioner")]
        case "Organization":
            [
                "PractitionerRole:organization": ("PractitionerRole", "organization"),
                "HealthcareService:organization": ("HealthcareService", "organization"),
            ]
        default: [:]
        }
    }
}
