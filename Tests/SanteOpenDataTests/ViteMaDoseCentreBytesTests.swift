import Foundation
import SanteCore
import SanteOpenData
import Testing

@Suite("ViteMaDoseCentre read from bytes equals the JSONDecoder path")
struct ViteMaDoseCentreBytesTests {
    /// One byte source holding every byte.
    private struct Bytes: AsyncSequence, Sendable {
        let bytes: [UInt8]
        struct AsyncIterator: AsyncIteratorProtocol {
            var bytes: [UInt8]?
            mutating func next() async throws -> [UInt8]? {
                defer { bytes = nil }
                return bytes
            }
        }
        func makeAsyncIterator() -> AsyncIterator { AsyncIterator(bytes: bytes) }
    }

    private static func fast(_ bytes: [UInt8]) throws -> ViteMaDoseCentre {
        try bytes.withUnsafeBytes { try ViteMaDoseCentre(jsonBytes: $0) }
    }

    private static func foundation(_ bytes: [UInt8]) throws -> ViteMaDoseCentre {
        try JSONDecoder().decode(ViteMaDoseCentre.self, from: Data(bytes))
    }

    /// Both paths on one element; `true` when they agree.
    private static func compare(_ bytes: [UInt8], _ label: String) throws {
        let expected = try foundation(bytes)
        let parsed = try fast(bytes)
        #expect(parsed == expected, "\(label)")
        #expect(parsed.additionalMembers == expected.additionalMembers, "\(label)")
    }

    @Test("every centre of every real Vite Ma Dose sample (both eras) reads the same")
    func realSamples() async throws {
        guard OpenDataSamples.folderExists else {
            print("ViteMaDoseCentreBytesTests: skipped, no samples at \(OpenDataSamples.folder.path)")
            return
        }
        var compared = 0
        for path in OpenDataSamples.relativePaths where path.hasSuffix(".json") {
            let data = try OpenDataSamples.data(path)
            guard let document = try? JSONDecoder().decode(JSONValue.self, from: data) else { continue }
            for keyPath in Self.centreListPaths(in: document, at: []) {
                var index = 0
                for try await element in JSONArrayElements(Bytes(bytes: Array(data)), keyPath: keyPath) {
                    try Self.compare(Array(element), "\(path) \(keyPath) #\(index)")
                    index += 1
                    compared += 1
                }
            }
        }
        print("ViteMaDoseCentreBytesTests: compared \(compared) real centres")
        #expect(compared > 50)
    }

    /// The key paths of every `centres_disponibles` and `centres_indisponibles` list.
    private static func centreListPaths(in value: JSONValue, at path: [String]) -> [[String]] {
        guard let members = value.objectValue else { return [] }
        var paths: [[String]] = []
        for (key, member) in members.sorted(by: { $0.key < $1.key }) {
            if key == "centres_disponibles" || key == "centres_indisponibles", member.arrayValue != nil {
                paths.append(path + [key])
            } else {
                paths += centreListPaths(in: member, at: path + [key])
            }
        }
        return paths
    }

    static let edgeCases: [String] = [
        // April 2021: gid, no appointment_schedules.
        #"{"departement":"75","nom":"Centre","url":"https://partners.doctolib.fr/x","location":{"longitude":2.35,"latitude":48.85,"city":"Paris"},"metadata":{"address":"1 rue X","phone_number":null,"business_hours":null},"prochain_rdv":"2021-04-22T13:20:00.000+02:00","plateforme":"Doctolib","type":"vaccination-center","appointment_count":12,"gid":"d123","vaccine_type":["Pfizer-BioNTech"],"appointment_by_phone_only":false,"erreur":null}"#,
        // December 2021: atlas_gid number, naive prochain_rdv, capitalised days.
        #"{"departement":"61","nom":"Pharmacie","internal_id":"maiia604b1866","atlas_gid":106,"prochain_rdv":"2021-09-20T12:00:00","metadata":{"address":"a","phone_number":"+33233","business_hours":{"Lundi":"09:00-12:00","Mardi":null}},"appointment_schedules":[{"name":"chronodose","from":"2021-12-30T00:00:00+01:00","to":"2021-12-31T23:59:59+01:00","total":0},{"name":"1_days","from":null,"total":3.0,"extra":[1]}],"request_counts":{"cabinets":2,"creneaux":8}}"#,
        // Number ids of every kind.
        #"{"internal_id":604,"gid":12.5,"atlas_gid":true}"#,
        #"{"internal_id":-7,"gid":{"a":1},"atlas_gid":[1]}"#,
        #"{"internal_id":12345678901234567890,"gid":1e3,"atlas_gid":"x"}"#,
        // vaccine_type forms.
        #"{"vaccine_type":null}"#, #"{"vaccine_type":[]}"#, #"{"vaccine_type":[{"Janssen":true}]}"#,
        #"{"vaccine_type":[{"Janssen":false,"Moderna":true,"AstraZeneca":1}]}"#,
        #"{"vaccine_type":["Moderna",{"Janssen":true},3]}"#, #"{"vaccine_type":"Moderna"}"#, #"{"vaccine_type":5}"#,
        #"{"vaccine_type":["Pfizer-BioNTech","Moderna"]}"#,
        // Days: lower-case, capitalised, mixed, not an object.
        #"{"metadata":{"business_hours":{"lundi":"9-12","mardi":null}}}"#,
        #"{"metadata":{"business_hours":{"Lundi":"9-12","mardi":5}}}"#,
        #"{"metadata":{"business_hours":"closed","address":5,"phone_number":"1","other":{"x":null}}}"#,
        #"{"metadata":{}}"#, #"{"metadata":null}"#,
        #"{"metadata":{"address":"a","address":"b","business_hours":{"Lundi":"x"},"business_hours":null,"x":1,"x":2}}"#,
        #"{"metadata":{"address":null,"phone_number":null,"business_hours":{}}}"#,
        #"{"metadata":{"\u0061ddress":"escaped","phone_number":["1"],"business_hours":[]}}"#,
        // Unknown members, escapes, unicode, numbers.
        #"{"nom":"caf\u00e9 \ud83d\ude37 \"q\" \\ \/ \n\t","emoji":"😷 é","big":12345678901234567890,"neg":-42,"frac":0.000123,"exp":1e3,"f":3.0,"nz":-0.0,"deep":{"a":[1,[2,{"b":null}]]},"t":true}"#,
        // Every known member null.
        #"{"departement":null,"nom":null,"url":null,"location":null,"metadata":null,"prochain_rdv":null,"plateforme":null,"type":null,"appointment_count":null,"internal_id":null,"gid":null,"atlas_gid":null,"vaccine_type":null,"appointment_by_phone_only":null,"last_scan_with_availabilities":null,"appointment_schedules":null}"#,
        // Schedules empty, and location details.
        #"{"appointment_schedules":[],"location":{"longitude":2,"latitude":-48,"city":null,"cp":"75001","extra":true}}"#,
        #"{"location":{},"appointment_count":1e2,"appointment_by_phone_only":true,"last_scan_with_availabilities":"2021-12-30T10:00:00Z"}"#,
        // Duplicates: the first wins.
        #"{"nom":"A","nom":"B","x":1,"x":2}"#, #"{"nom":null,"nom":"B"}"#, #"{"nom":"A","nom":5}"#,
        #"{"location":{"city":"A","city":"B"},"appointment_schedules":[{"name":"a","name":"b","total":1,"total":"x"}]}"#,
        // Escaped member names match the modelled ones.
        #"{"n\u006fm":"escaped name","\u0064epartement":"01","caf\u00e9":1}"#,
        // Whitespace everywhere, trailing commas (JSONDecoder accepts them).
        "{\n  \"nom\" : \"A\" ,\n  \"vaccine_type\" : [ \"Moderna\" , ] ,\n  \"location\" : { \"city\" : \"B\" , } ,\n}",
        "{}",
    ]

    @Test("edge cases read the same", arguments: edgeCases)
    func edgeCase(text: String) throws {
        try Self.compare(Array(text.utf8), text)
    }

    static let wrongTypes: [String] = [
        #"{"nom":5}"#, #"{"appointment_count":"3"}"#, #"{"appointment_count":3.5}"#, #"{"appointment_count":1e19}"#,
        #"{"location":[]}"#, #"{"location":{"longitude":"x"}}"#, #"{"location":{"cp":75001}}"#, #"{"metadata":[]}"#,
        #"{"appointment_schedules":{}}"#, #"{"appointment_schedules":[{"total":1}]}"#,
        #"{"appointment_schedules":[{"name":null}]}"#, #"{"appointment_schedules":[null]}"#,
        #"{"appointment_by_phone_only":1}"#, #"{"prochain_rdv":5}"#, #"[]"#, #""centre""#, "null",
    ]

    @Test("a member of the wrong type gives a DecodingError on both paths", arguments: wrongTypes)
    func wrongType(text: String) throws {
        let bytes = Array(text.utf8)
        #expect(throws: DecodingError.self) { try Self.foundation(bytes) }
        #expect(throws: DecodingError.self) { try Self.fast(bytes) }
    }

    static let malformed: [String] = [
        #"{"nom": tru}"#, #"{"nom": "a" "b"}"#, #"{"nom": "\x"}"#, #"{"appointment_count": 01}"#,
        #"{"nom": "a",, "url": "b"}"#, #"{"location": {"city": "a"]}"#, #"{"nom": "a""#,
    ]

    @Test("malformed JSON gives a StreamingReadError on the byte path", arguments: malformed)
    func malformedJSON(text: String) throws {
        let bytes = Array(text.utf8)
        #expect(throws: DecodingError.self) { try Self.foundation(bytes) }
        #expect(throws: StreamingReadError.self) { try Self.fast(bytes) }
    }

    @Test("the public streaming readers give the same centres and the same errors as JSONDecoder")
    func publicPath() async throws {
        let list = "[" + Self.edgeCases.joined(separator: ",") + "]"
        let file = Array(#"{"version":1,"centres_disponibles":"#.utf8) + Array(list.utf8) + Array("}".utf8)
        var read: [ViteMaDoseCentre] = []
        for try await centre in HealthDatasets.viteMaDoseCentres(json: Bytes(bytes: file)) { read.append(centre) }
        let expected = try Self.edgeCases.map { try Self.foundation(Array($0.utf8)) }
        #expect(read == expected)

        // The last two malformed elements are unbalanced: the scanner, not the decoder, rejects them.
        for text in Self.wrongTypes + Self.malformed.prefix(5) {
            let bytes = Array(("[{},\(text)]").utf8)
            let slowDecoder = JSONDecoder()
            slowDecoder.dateDecodingStrategy = .secondsSince1970
            let fast = await #expect(throws: StreamingReadError.self) {
                for try await _ in JSONArrayElements(Bytes(bytes: bytes)).decoded(as: ViteMaDoseCentre.self) {}
            }
            let slow = await #expect(throws: StreamingReadError.self) {
                for try await _ in JSONArrayElements(Bytes(bytes: bytes)).decoded(
                    as: ViteMaDoseCentre.self, decoder: slowDecoder)
                {}
            }
            #expect(fast != nil && fast == slow, "\(text)")
            #expect(fast?.elementIndex == 1)
            #expect(fast?.underlyingError is DecodingError)
        }
    }
}
