import Foundation
import SanteCore
import Testing

@Suite("FHIR official examples round-trip without loss")
struct FHIRExampleRoundTripTests {
    @Test(
        "decodes through the most typed model and re-encodes to the same JSON",
        .enabled(if: FHIRExampleFiles.folderExists, "shared/data/fhir is absent"),
        arguments: FHIRExampleFiles.relativePaths
    )
    func roundTrip(relativePath: String) throws {
        let data = try FHIRExampleFiles.data(relativePath)
        let original = try FHIRTestJSON.parse(data)
        let resourceType = try #require(original["resourceType"]?.stringValue)

        let encoded: Data
        switch resourceType {
        case FHIRBundle.resourceType:
            let bundle = try FHIRJSON.decode(FHIRBundle.self, from: data)
            let originalEntries = original["entry"]?.arrayValue ?? []
            #expect(bundle.entry.count == originalEntries.count)
            for (entry, originalEntry) in zip(bundle.entry, originalEntries) {
                #expect(entry.resource?.resourceType == originalEntry["resource"]?["resourceType"]?.stringValue)
                #expect(entry.resource?.id == originalEntry["resource"]?["id"]?.stringValue)
            }
            #expect(bundle.type.rawValue == original["type"]?.stringValue)
            encoded = try FHIRJSON.encode(bundle)
        case FHIROperationOutcome.resourceType:
            encoded = try FHIRJSON.encode(try FHIRJSON.decode(FHIROperationOutcome.self, from: data))
        default:
            let resource = try FHIRJSON.decode(AnyFHIRResource.self, from: data)
            #expect(resource.resourceType == resourceType)
            #expect(resource.id == original["id"]?.stringValue)
            encoded = try FHIRJSON.encode(resource)
        }

        #expect(try FHIRTestJSON.parse(encoded) == original)
        let text = try #require(String(data: encoded, encoding: .utf8))
        #expect(!text.contains("\\/"), "slashes must not be escaped")
    }

    @Test(
        "every typed datatype met in the examples round-trips without loss",
        .enabled(if: FHIRExampleFiles.folderExists, "shared/data/fhir is absent"),
        arguments: FHIRExampleFiles.relativePaths
    )
    func datatypesRoundTrip(relativePath: String) throws {
        let original = try FHIRTestJSON.parse(try FHIRExampleFiles.data(relativePath))
        var checked = 0
        try FHIRDatatypeSweep.visit(original) { key, element in
            guard let datatype = FHIRDatatypeSweep.datatypes[key] else { return }
            let reencoded = try datatype.roundTrip(element)
            #expect(reencoded == element, "\(key) in \(relativePath)")
            checked += 1
        }
        if original["resourceType"]?.stringValue != "Binary" {
            #expect(checked > 0, "no typed datatype found in \(relativePath)")
        }
    }

    @Test(
        "the examples folder holds the expected files",
        .enabled(if: FHIRExampleFiles.folderExists, "shared/data/fhir is absent")
    )
    func examplesArePresent() {
        let paths = FHIRExampleFiles.relativePaths
        #expect(paths.contains("hl7-r4-spec/documentreference-example.json"))
        #expect(paths.contains { $0.hasPrefix("ans-pdsm/conformance/") })
        #expect(!paths.contains { $0.contains("openapi") })
    }
}

/// Finds JSON objects under member names whose FHIR datatype is known, and round-trips them typed.
enum FHIRDatatypeSweep {
    /// A datatype SanteCore models.
    enum Datatype {
        case meta, `extension`, coding, identifier, period, attachment, narrative, codeableConcept, reference, resource

        /// Decodes `json` as this datatype, encodes it again and parses the result.
        func roundTrip(_ json: JSONValue) throws -> JSONValue {
            switch self {
            case .meta: try FHIRTestJSON.encode(try FHIRTestJSON.decode(FHIRMeta.self, from: json))
            case .extension: try FHIRTestJSON.encode(try FHIRTestJSON.decode(FHIRExtension.self, from: json))
            case .coding: try FHIRTestJSON.encode(try FHIRTestJSON.decode(FHIRCoding.self, from: json))
            case .identifier: try FHIRTestJSON.encode(try FHIRTestJSON.decode(FHIRIdentifier.self, from: json))
            case .period: try FHIRTestJSON.encode(try FHIRTestJSON.decode(FHIRPeriod.self, from: json))
            case .attachment: try FHIRTestJSON.encode(try FHIRTestJSON.decode(FHIRAttachment.self, from: json))
            case .narrative: try FHIRTestJSON.encode(try FHIRTestJSON.decode(FHIRNarrative.self, from: json))
            case .codeableConcept:
                try FHIRTestJSON.encode(try FHIRTestJSON.decode(FHIRCodeableConcept.self, from: json))
            case .reference: try FHIRTestJSON.encode(try FHIRTestJSON.decode(FHIRReference.self, from: json))
            case .resource: try FHIRTestJSON.encode(try FHIRTestJSON.decode(AnyFHIRResource.self, from: json))
            }
        }
    }

    /// Member name → the datatype of an object under that name.
    static let datatypes: [String: Datatype] = [
        "meta": .meta,
        "extension": .extension,
        "modifierExtension": .extension,
        "coding": .coding,
        "format": .coding,
        "identifier": .identifier,
        "masterIdentifier": .identifier,
        "period": .period,
        "attachment": .attachment,
        "text": .narrative,
        "type": .codeableConcept,
        "category": .codeableConcept,
        "securityLabel": .codeableConcept,
        "facilityType": .codeableConcept,
        "practiceSetting": .codeableConcept,
        "event": .codeableConcept,
        "subject": .reference,
        "custodian": .reference,
        "author": .reference,
        "authenticator": .reference,
        "target": .reference,
        "assigner": .reference,
        "item": .reference,
        "related": .reference,
        "sourcePatientInfo": .reference,
        "contained": .resource,
    ]

    /// Calls `body` with every object found under a member name, for single objects and array elements.
    static func visit(_ json: JSONValue, _ body: (String, JSONValue) throws -> Void) throws {
        switch json {
        case .object(let members):
            for (key, value) in members {
                switch value {
                case .object:
                    try body(key, value)
                case .array(let elements):
                    for element in elements where element.objectValue != nil { try body(key, element) }
                default:
                    break
                }
                try visit(value, body)
            }
        case .array(let elements):
            for element in elements { try visit(element, body) }
        default:
            break
        }
    }
}
