import Foundation
import SanteCore
import Testing

@Suite("FHIR types keep what they do not model")
struct FHIRLosslessTests {
    @Test("a _field primitive extension survives and is readable")
    func primitiveExtensionSurvives() throws {
        let json: JSONValue = [
            "system": "http://terminology.hl7.org/CodeSystem/v3-Confidentiality",
            "code": "N",
            "_code": ["id": "c1", "extension": [["url": "https://example.org/why", "valueString": "default"]]],
        ]
        let coding = try FHIRTestJSON.decode(FHIRCoding.self, from: json)
        #expect(coding.code == "N")
        let sibling = try #require(try coding.primitiveExtension(for: "code"))
        #expect(sibling.id == "c1")
        #expect(sibling.extension.first?.url == "https://example.org/why")
        #expect(sibling.extension.first?.value == .string("default"))
        #expect(try coding.primitiveExtension(for: "system") == nil)
        #expect(try FHIRTestJSON.encode(coding) == json)
    }

    @Test("repeating primitive extensions keep their positions")
    func repeatingPrimitiveExtension() throws {
        let json: JSONValue = [
            "profile": ["https://a.example/p1", "https://a.example/p2"],
            "_profile": [nil, ["extension": [["url": "https://example.org/x", "valueBoolean": true]]]],
        ]
        let meta = try FHIRTestJSON.decode(FHIRMeta.self, from: json)
        #expect(meta.profile == ["https://a.example/p1", "https://a.example/p2"])
        let siblings = try meta.primitiveExtensions(forRepeating: "profile")
        #expect(siblings.count == 2)
        #expect(siblings.first == .some(nil))
        #expect(siblings.last??.extension.first?.value?.booleanValue == true)
        #expect(try FHIRTestJSON.encode(meta) == json)
    }

    @Test("setting a primitive extension writes the _field sibling")
    func setPrimitiveExtension() throws {
        var link = FHIRBundle.Link(relation: "next", url: "https://example.org/fhir?page=2")
        try link.setPrimitiveExtension(
            FHIRPrimitiveExtension(extension: [FHIRExtension(url: "https://example.org/x", value: .code("y"))]),
            for: "url"
        )
        #expect(
            try FHIRTestJSON.encode(link) == [
                "relation": "next", "url": "https://example.org/fhir?page=2",
                "_url": ["extension": [["url": "https://example.org/x", "valueCode": "y"]]],
            ]
        )
        try link.setPrimitiveExtension(nil, for: "url")
        #expect(link.additionalMembers.isEmpty)
    }

    @Test("unknown members survive at every level")
    func unknownMembersSurvive() throws {
        let json: JSONValue = [
            "resourceType": "Bundle",
            "type": "searchset",
            "signature": ["type": [["code": "1.2.840.10065.1.12.1.1"]], "data": "AAAA"],
            "futureMember": 42,
            "link": [["relation": "self", "url": "https://example.org/fhir/List", "note": "kept"]],
            "entry": [
                [
                    "fullUrl": "https://example.org/fhir/List/1",
                    "modifierExtension": [["url": "https://example.org/modifier", "valueBoolean": false]],
                    "search": ["mode": "match", "rank": 1.5],
                    "resource": ["resourceType": "List", "id": "1", "status": "current", "mode": "working"],
                ]
            ],
        ]
        let bundle = try FHIRTestJSON.decode(FHIRBundle.self, from: json)
        #expect(bundle.additionalMembers["futureMember"] == 42)
        #expect(bundle.additionalMembers["signature"]?["data"] == "AAAA")
        #expect(bundle.link.first?.additionalMembers["note"] == "kept")
        #expect(bundle.entry.first?.modifierExtension.first?.url == "https://example.org/modifier")
        #expect(bundle.entry.first?.search?.additionalMembers["rank"] == 1.5)
        #expect(try FHIRTestJSON.encode(bundle) == json)
    }

    @Test("absent members stay absent: no nulls, no empty arrays are invented")
    func nothingInvented() throws {
        let coding = try FHIRJSON.decode(FHIRCoding.self, from: Data(#"{"code":"x"}"#.utf8))
        #expect(try FHIRJSON.encode(coding) == Data(#"{"code":"x"}"#.utf8))
        #expect(
            try FHIRJSON.encode(FHIRBundle(type: .searchset))
                == Data(#"{"resourceType":"Bundle","type":"searchset"}"#.utf8))
        #expect(try FHIRJSON.encode(FHIRCodeableConcept()) == Data("{}".utf8))
    }

    @Test("nulls and empty arrays read from the wire are written back as they came")
    func nullsAndEmptyArraysKept() throws {
        let json: JSONValue = ["coding": [], "text": nil, "extension": []]
        let concept = try FHIRTestJSON.decode(FHIRCodeableConcept.self, from: json)
        #expect(concept.coding.isEmpty)
        #expect(concept.text == nil)
        #expect(try FHIRTestJSON.encode(concept) == json)
    }

    @Test("a modelled member set after decoding wins over a kept one of the same name")
    func modelledMemberWins() throws {
        var concept = try FHIRTestJSON.decode(FHIRCodeableConcept.self, from: ["coding": []])
        concept.coding = [FHIRCoding(system: "http://loinc.org", code: "11488-4")]
        #expect(try FHIRTestJSON.encode(concept) == ["coding": [["system": "http://loinc.org", "code": "11488-4"]]])
    }

    @Test("every value[x] of an extension is kept, typed when common")
    func extensionValues() throws {
        let json: JSONValue = [
            "url": "https://example.org/complex",
            "extension": [
                ["url": "flag", "valueBoolean": true],
                ["url": "when", "valueDateTime": "2024-03"],
                ["url": "who", "valueReference": ["reference": "Practitioner/1", "display": "Dr"]],
                ["url": "concept", "valueCodeableConcept": ["coding": [["system": "s", "code": "c"]]]],
                ["url": "amount", "valueQuantity": ["value": 1.5, "unit": "mg"]],
                ["url": "label", "valueString": "x", "_valueString": ["extension": [["url": "u", "valueCode": "y"]]]],
            ],
        ]
        let root = try FHIRTestJSON.decode(FHIRExtension.self, from: json)
        #expect(root.value == nil)
        #expect(root.firstExtension(url: "flag")?.value?.booleanValue == true)
        if case .dateTime(let when) = root.firstExtension(url: "when")?.value {
            #expect(when.precision == .month)
        } else {
            Issue.record("valueDateTime was not typed")
        }
        if case .reference(let who) = root.firstExtension(url: "who")?.value {
            #expect(who.reference == "Practitioner/1")
        } else {
            Issue.record("valueReference was not typed")
        }
        #expect(
            root.firstExtension(url: "amount")?.value == .other(type: "Quantity", value: ["value": 1.5, "unit": "mg"]))
        #expect(root.firstExtension(url: "label")?.value?.stringValue == "x")
        #expect(root.firstExtension(url: "label")?.additionalMembers["_valueString"] != nil)
        #expect(root.extensions(url: "concept").count == 1)
        #expect(try FHIRTestJSON.encode(root) == json)
    }

    @Test("an identifier whose assigner has an identifier round-trips")
    func nestedIdentifierAndReference() throws {
        let json: JSONValue = [
            "system": "urn:oid:1.2.250.1.213.1.4.8",
            "value": "279035121518989",
            "use": "official",
            "period": ["start": "2020-01-01"],
            "assigner": ["display": "INSi", "identifier": ["system": "urn:oid:1.2.250.1.71.4.2.2", "value": "1"]],
        ]
        let identifier = try FHIRTestJSON.decode(FHIRIdentifier.self, from: json)
        #expect(identifier.assigner?.identifier?.value == "1")
        #expect(identifier.period?.start?.precision == .day)
        #expect(try FHIRTestJSON.encode(identifier) == json)
    }
}
