import Crypto
import Foundation
import SanteCore
import SanteMockPlatform
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Raw FHIR requests to the mock DMP (no client module): JSON in, JSON out.
struct DMPTestClient {
    let platform: MockPlatform
    /// The bearer token sent, if any.
    var token: String?

    static let generalPractitioner = "899990000012"
    static let cardiologist = "899990000020"
    static let nurse = "899990000038"
    static let patient = "279035121518989"
    static let otherPatient = "290116912304559"
    static let insSystem = "urn:oid:1.2.250.1.213.1.4.10"

    /// A client acting as a seeded professional.
    static func professional(_ platform: MockPlatform, _ subjectNameID: String = generalPractitioner) async throws
        -> DMPTestClient
    {
        DMPTestClient(
            platform: platform,
            token: try await platform.mintProfessionalToken(subjectNameID: subjectNameID, lifetime: .seconds(3_600)))
    }

    /// A client acting as a seeded patient.
    static func patient(_ platform: MockPlatform, _ ins: String = patient) async throws -> DMPTestClient {
        DMPTestClient(
            platform: platform, token: try await platform.mintPatientToken(ins: ins, lifetime: .seconds(3_600)))
    }

    /// `<base>/dmp/fhir` + `path`.
    func url(_ path: String) throws -> URL {
        try #require(URL(string: platform.baseURL(for: .dmp).absoluteString + path))
    }

    /// Sends a request; `body` is sent as is.
    func send(
        _ method: String, _ path: String, body: Data? = nil, contentType: String? = "application/fhir+json",
        headers: [String: String] = [:]
    ) async throws -> HTTPResult {
        var request = URLRequest(url: try url(path))
        request.httpMethod = method
        request.timeoutInterval = 170
        request.httpBody = body
        request.setValue("application/fhir+json", forHTTPHeaderField: "Accept")
        if body != nil, let contentType {
            request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        }
        if let token {
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        }
        for (name, value) in headers {
            request.setValue(value, forHTTPHeaderField: name)
        }
        return try await OneRequestDelegate.send(request)
    }

    /// Sends JSON.
    func send(_ method: String, _ path: String, json: JSONValue, headers: [String: String] = [:]) async throws
        -> HTTPResult
    {
        try await send(method, path, body: DMPFixtures.data(json), headers: headers)
    }

    /// `GET path`.
    func get(_ path: String, accept: String? = nil) async throws -> HTTPResult {
        try await send("GET", path, headers: accept.map { ["Accept": $0] } ?? [:])
    }

    /// Publishes a transaction Bundle with `Prefer: return=representation`.
    func publish(_ bundle: JSONValue) async throws -> HTTPResult {
        try await send("POST", "", json: bundle, headers: ["Prefer": "return=representation"])
    }

    /// Publishes and returns the stored DocumentReference of the first document entry.
    func publishDocument(_ document: DMPFixtures.Document) async throws -> JSONValue {
        let result = try await publish(DMPFixtures.transaction([document]))
        try #require(result.status == 200, "publish failed: \(String(decoding: result.body, as: UTF8.self))")
        let response = try result.json()
        return try #require(response["entry"]?.arrayValue?[1]["resource"])
    }

    /// Searches DocumentReferences for the test patient (`status=current` unless given).
    func search(_ query: String) async throws -> HTTPResult {
        try await get("/DocumentReference?\(query)")
    }
}

extension HTTPResult {
    /// The body as JSON.
    func json() throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: body)
    }

    /// The issues of an OperationOutcome body.
    func issues() throws -> [JSONValue] {
        let json = try json()
        #expect(json["resourceType"]?.stringValue == "OperationOutcome")
        return json["issue"]?.arrayValue ?? []
    }

    /// Every `expression` of an OperationOutcome body.
    func expressions() throws -> [String] {
        try issues().flatMap { ($0["expression"]?.arrayValue ?? []).compactMap(\.stringValue) }
    }

    /// Every `diagnostics` of an OperationOutcome body, joined.
    func diagnostics() throws -> String {
        try issues().compactMap { $0["diagnostics"]?.stringValue }.joined(separator: " | ")
    }

    /// The resources of a searchset's `match` entries.
    func matches() throws -> [JSONValue] {
        (try json()["entry"]?.arrayValue ?? []).filter { $0.dmpSearchMode == "match" }.compactMap { $0["resource"] }
    }

    /// The text of the body, for failure messages.
    var text: String { String(decoding: body, as: UTF8.self) }
}

extension JSONValue {
    fileprivate var dmpSearchMode: String? { self["search"]?["mode"]?.stringValue }

    /// The value at a path of keys and indices.
    func at(_ path: String...) -> JSONValue? {
        var current: JSONValue? = self
        for key in path {
            if let index = Int(key), let array = current?.arrayValue {
                current = array.indices.contains(index) ? array[index] : nil
            } else {
                current = current?[key]
            }
        }
        return current
    }
}

/// Builds PDSm documents and ITI-65 Bundles.
enum DMPFixtures {
    /// A document to publish.
    struct Document {
        var masterIdentifier = "urn:oid:1.2.250.1.213.1.4.10.99999.\(UInt32.random(in: 1...UInt32.max))"
        var ins = DMPTestClient.patient
        var insSystem = DMPTestClient.insSystem
        var authorIDNPS = DMPTestClient.generalPractitioner
        var authorFamily = "LEFEBVRE"
        var authorGiven = "CAMILLE"
        var content = Data("Compte rendu de consultation: RAS.".utf8)
        var contentType = "text/plain"
        var typeCode = "11488-4"
        var categoryCode = "10"
        var date = "2026-01-10T10:00:00+01:00"
        var periodStart = "2026-01-10T09:30:00+01:00"
        var securityLabels: [String] = []
        var identifier: String?
        var replaces: String?
        var omit: Set<String> = []
        var sizeOverride: Int?
        var hashOverride: String?

        var hash: String { Data(Insecure.SHA1.hash(data: content)).base64EncodedString() }

        /// The DocumentReference JSON; `attachmentURL` is the Binary's fullUrl, or `nil` for inline data.
        func resource(attachmentURL: String?) -> JSONValue {
            var attachment: [String: JSONValue] = [
                "contentType": .string(contentType),
                "title": "Compte rendu",
                "size": .integer(Int64(sizeOverride ?? content.count)),
                "hash": .string(hashOverride ?? hash),
                "creation": .string(date),
            ]
            if let attachmentURL {
                attachment["url"] = .string(attachmentURL)
            } else {
                attachment["data"] = .string(content.base64EncodedString())
            }
            var object: [String: JSONValue] = [
                "resourceType": "DocumentReference",
                "contained": [
                    [
                        "resourceType": "Practitioner", "id": "author",
                        "identifier": [["system": "urn:oid:1.2.250.1.71.4.2.1", "value": .string(authorIDNPS)]],
                        "name": [["family": .string(authorFamily), "given": [.string(authorGiven)]]],
                    ]
                ],
                "masterIdentifier": ["system": "urn:ietf:rfc:3986", "value": .string(masterIdentifier)],
                "status": "current",
                "type": ["coding": [["system": "http://loinc.org", "code": .string(typeCode)]]],
                "category": [
                    [
                        "coding": [
                            [
                                "system":
                                    "https://mos.esante.gouv.fr/NOS/TRE_A03-ClasseDocument/FHIR/TRE-A03-ClasseDocument",
                                "code": .string(categoryCode),
                            ]
                        ]
                    ]
                ],
                "subject": ["identifier": ["system": .string(insSystem), "value": .string(ins)]],
                "date": .string(date),
                "author": [["reference": "#author"]],
                "custodian": ["identifier": ["system": "urn:oid:1.2.250.1.71.4.2.2", "value": "399999001300016"]],
                "content": [
                    [
                        "attachment": .object(attachment),
                        "format": [
                            "system": "http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode",
                            "code": "urn:ihe:iti:xds:2017:mimeTypeSufficient",
                        ],
                    ]
                ],
                "context": [
                    "period": ["start": .string(periodStart)],
                    "facilityType": [
                        "coding": [
                            [
                                "system":
                                    "https://mos.esante.gouv.fr/NOS/TRE_R02-SecteurActivite/FHIR/TRE-R02-SecteurActivite",
                                "code": "SA07",
                            ]
                        ]
                    ],
                ],
            ]
            if !securityLabels.isEmpty {
                object["securityLabel"] = .array(
                    securityLabels.map { code in
                        [
                            "coding": [
                                [
                                    "system":
                                        "https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument",
                                    "code": .string(code),
                                ]
                            ]
                        ]
                    })
            }
            if let identifier {
                object["identifier"] = [["system": "urn:ietf:rfc:3986", "value": .string(identifier)]]
            }
            if let replaces {
                object["relatesTo"] = [
                    ["code": "replaces", "target": ["reference": .string("DocumentReference/\(replaces)")]]
                ]
            }
            for path in omit {
                let parts = path.split(separator: ".").map(String.init)
                object = removing(parts[...], from: .object(object)).objectValue ?? object
            }
            return .object(object)
        }

        private func removing(_ path: ArraySlice<String>, from value: JSONValue) -> JSONValue {
            guard let key = path.first else { return value }
            if let index = Int(key), var array = value.arrayValue, array.indices.contains(index) {
                if path.count == 1 {
                    array.remove(at: index)
                } else {
                    array[index] = removing(path.dropFirst(), from: array[index])
                }
                return .array(array)
            }
            guard var object = value.objectValue else { return value }
            if path.count == 1 {
                object[key] = nil
            } else if let child = object[key] {
                object[key] = removing(path.dropFirst(), from: child)
            }
            return .object(object)
        }
    }

    /// An ITI-65 transaction: one SubmissionSet, then each document and its Binary; `patches` adds PATCH entries
    /// superseding these document ids.
    static func transaction(_ documents: [Document], patches: [String] = []) -> JSONValue {
        var entries: [JSONValue] = []
        var documentEntries: [JSONValue] = []
        var references: [JSONValue] = []
        for document in documents {
            let documentURL = "urn:uuid:\(UUID().uuidString.lowercased())"
            let binaryURL = "urn:uuid:\(UUID().uuidString.lowercased())"
            references.append(["item": ["reference": .string(documentURL)]])
            documentEntries.append([
                "fullUrl": .string(documentURL), "resource": document.resource(attachmentURL: binaryURL),
                "request": ["method": "POST", "url": "DocumentReference"],
            ])
            documentEntries.append([
                "fullUrl": .string(binaryURL),
                "resource": [
                    "resourceType": "Binary", "contentType": .string(document.contentType),
                    "data": .string(document.content.base64EncodedString()),
                ],
                "request": ["method": "POST", "url": "Binary"],
            ])
        }
        let first = documents.first ?? Document()
        entries.append([
            "fullUrl": .string("urn:uuid:\(UUID().uuidString.lowercased())"),
            "resource": [
                "resourceType": "List",
                "extension": [
                    [
                        "url": "https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-sourceId",
                        "valueIdentifier": ["system": "urn:ietf:rfc:3986", "value": "urn:oid:1.2.3.4.5"],
                    ]
                ],
                "identifier": [
                    ["system": "urn:ietf:rfc:3986", "value": .string("urn:uuid:\(UUID().uuidString.lowercased())")]
                ],
                "status": "current", "mode": "working", "title": "Soumission",
                "code": [
                    "coding": [
                        ["system": "https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes", "code": "submissionset"]
                    ]
                ],
                "subject": ["identifier": ["system": .string(first.insSystem), "value": .string(first.ins)]],
                "date": "2026-01-10T11:00:00+01:00",
                "entry": .array(references),
            ],
            "request": ["method": "POST", "url": "List"],
        ])
        entries += documentEntries
        for target in patches {
            entries.append([
                "resource": [
                    "resourceType": "Parameters",
                    "parameter": [
                        [
                            "name": "operation",
                            "part": [
                                ["name": "type", "valueCode": "replace"],
                                ["name": "path", "valueString": "DocumentReference.status"],
                                ["name": "value", "valueCode": "superseded"],
                            ],
                        ]
                    ],
                ],
                "request": ["method": "PATCH", "url": .string("DocumentReference/\(target)")],
            ])
        }
        return ["resourceType": "Bundle", "type": "transaction", "entry": .array(entries)]
    }

    /// Compact JSON.
    static func data(_ value: JSONValue) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data()
    }

    /// `patient.identifier=<system>|<ins>` percent-encoded.
    static func patientQuery(_ ins: String = DMPTestClient.patient) -> String {
        "patient.identifier=\(encode("\(DMPTestClient.insSystem)|\(ins)"))"
    }

    /// Percent-encodes a query value.
    static func encode(_ value: String) -> String {
        PSC.encode(value)
    }
}
