import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP
import SanteMockPlatform
import SanteOpenData
import Testing

@Suite("ViteMaDoseDepartmentFile read from bytes equals the JSONDecoder path")
struct ViteMaDoseDepartmentFileBytesTests {
    private static func fast(_ text: String) throws -> ViteMaDoseDepartmentFile {
        try Array(text.utf8).withUnsafeBytes { try ViteMaDoseDepartmentFile(jsonBytes: $0) }
    }

    private static func foundation(_ text: String) throws -> ViteMaDoseDepartmentFile {
        try JSONDecoder().decode(ViteMaDoseDepartmentFile.self, from: Data(text.utf8))
    }

    @Test("every real department file (both eras) reads the same")
    func realSamples() throws {
        guard OpenDataSamples.folderExists else {
            print("ViteMaDoseDepartmentFileBytesTests: skipped, no samples at \(OpenDataSamples.folder.path)")
            return
        }
        var compared = 0
        for path in OpenDataSamples.relativePaths where path.hasSuffix(".json") {
            let data = try OpenDataSamples.data(path)
            guard case .object(let members)? = try? JSONDecoder().decode(JSONValue.self, from: data),
                members["centres_disponibles"] != nil || members["centres_indisponibles"] != nil
            else { continue }
            let expected = try JSONDecoder().decode(ViteMaDoseDepartmentFile.self, from: data)
            let parsed = try data.withUnsafeBytes { try ViteMaDoseDepartmentFile(jsonBytes: $0) }
            #expect(parsed == expected, "\(path)")
            compared += 1
        }
        print("ViteMaDoseDepartmentFileBytesTests: compared \(compared) real department files")
        #expect(compared > 0)
    }

    static let edgeCases: [String] = [
        "{}",
        #"{"version": 1}"#,
        #"{"version": 1, "last_updated": "2021-09-01T08:05:11.441208+02:00", "centres_disponibles": [], "centres_indisponibles": []}"#,
        #"{"centres_disponibles": null, "centres_indisponibles": null, "version": null, "last_updated": null}"#,
        #"{"last_updated": "2021-09-01T08:05:11", "unknown": {"nested": [1, 2, {"a": null}]}, "version": 2}"#,
        #"{"version": 1, "version": 2}"#,
        #"{"centres_disponibl\u0065s": [{"nom": "A", "internal_id": "x1", "appointment_count": 3}]}"#,
        #"{"centres_disponibles": [{"nom": "A"}, {"nom": "B", "extra": true}], "centres_indisponibles": [{"gid": 7}],}"#,
        #"{"centres_disponibles": [{"nom": "first"}], "centres_disponibles": [{"nom": "second"}]}"#,
    ]

    @Test("edge cases read the same", arguments: edgeCases)
    func edgeCase(text: String) throws {
        #expect(try Self.fast(text) == Self.foundation(text))
    }

    static let wrongTypes: [String] = [
        #"{"version": "1"}"#,
        #"{"last_updated": 5}"#,
        #"{"centres_disponibles": {}}"#,
        #"{"centres_indisponibles": ["not a centre"]}"#,
        #"[]"#,
    ]

    @Test("a member of the wrong type fails on both paths with DecodingError", arguments: wrongTypes)
    func wrongType(text: String) {
        #expect(throws: DecodingError.self) { try Self.foundation(text) }
        #expect(throws: DecodingError.self) { try Self.fast(text) }
    }

    @Test("malformed JSON fails with StreamingReadError", arguments: [#"{"version": 1"#, #"{"version" 1}"#, "{,}"])
    func malformed(text: String) {
        #expect(throws: StreamingReadError.self) { try Self.fast(text) }
    }

    /// The check the open-data requester makes, in the same generic context.
    private static func readsBytes<Value: Decodable>(_ type: Value.Type) -> Bool {
        Value.self is any JSONBytesDecodable.Type
    }

    @Test("departmentFile against the mock gives what JSONDecoder gives for the same bytes", .timeLimit(.minutes(2)))
    func endToEnd() async throws {
        try await withMockPlatform { platform in
            let http = platform.openDataHTTP("data/vitemadose")
            let client = ViteMaDoseClient(http: http)
            let fileURL = platform.baseURL.appending(path: "data/vitemadose/69.json")
            let (_, bytes) = try await http.data(for: try http.makeRequest(.get, path: "69.json"))
            let expected = try JSONDecoder().decode(ViteMaDoseDepartmentFile.self, from: bytes)
            // The client decodes with a default JSONDecoder, so it takes the byte path.
            #expect(Self.readsBytes(ViteMaDoseDepartmentFile.self))
            #expect(JSONDecoder().hasDefaultOptions)
            let file = try await client.departmentFile("69")
            #expect(file == expected)
            #expect(!file.availableCentres.isEmpty)

            // A body that does not decode gives the error JSONDecoder's path gives.
            await platform.faults.inject(
                MockFault(.malformedJSON, phase: .afterHandler), on: MockRoute(method: .get, path: fileURL.path),
                count: 1)
            let error = await TestSupport.openDataError { _ = try await client.departmentFile("69") }
            #expect(error?.reason == .decoding)
            #expect(error?.operation == "vitemadose.department")
        }
    }
}
