import Foundation
import SanteCore
import Testing

@Suite("JSONByteReader typed reads and JSONBytesDecodable in DecodedJSONElements")
struct JSONByteReaderDecodingTests {
    /// A type that records which decoder built it.
    struct Probe: JSONBytesDecodable, Equatable {
        var name: String
        var count: Int?
        var viaBytes: Bool

        private enum CodingKeys: String, CodingKey { case name, count }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            count = try container.decodeIfPresent(Int.self, forKey: .count)
            viaBytes = false
        }

        init(json reader: inout JSONByteReader) throws {
            try reader.decodeObject(at: [])
            var name: String?
            count = nil
            while let member = try reader.nextMemberName() {
                if member.matches("name"), name == nil {
                    name = try reader.decodeString(at: [FHIRCodingKey("name")])
                } else if member.matches("count") {
                    if try !reader.readNull() { count = try reader.decodeInt(at: [FHIRCodingKey("count")]) }
                } else {
                    try reader.skipValue()
                }
            }
            guard let name else {
                throw DecodingError.keyNotFound(
                    FHIRCodingKey("name"), DecodingError.Context(codingPath: [], debugDescription: "no name"))
            }
            self.name = name
            viaBytes = true
        }
    }

    private func decodeAll(_ text: String, decoder: JSONDecoder = JSONDecoder()) async throws -> [Probe] {
        var values: [Probe] = []
        for try await value in JSONArrayElements(ChunkedBytes(text)).decoded(as: Probe.self, decoder: decoder) {
            values.append(value)
        }
        return values
    }

    @Test("a plain decoder uses the byte-level initializer")
    func usesBytes() async throws {
        let values = try await decodeAll(#"[{"name":"a","count":3.0},{"name":"b","count":null,"x":[1]}]"#)
        #expect(values.map(\.name) == ["a", "b"])
        #expect(values.map(\.count) == [3, nil])
        #expect(values.allSatisfy { $0.viaBytes })
    }

    @Test("a decoder with options keeps JSONDecoder")
    func optionsKeepFoundation() async throws {
        let decoders: [JSONDecoder] = {
            let snake = JSONDecoder()
            snake.keyDecodingStrategy = .convertFromSnakeCase
            let info = JSONDecoder()
            if let key = CodingUserInfoKey(rawValue: "probe") { info.userInfo[key] = "x" }
            let floats = JSONDecoder()
            floats.nonConformingFloatDecodingStrategy = .convertFromString(
                positiveInfinity: "+", negativeInfinity: "-", nan: "n")
            let json5 = JSONDecoder()
            json5.allowsJSON5 = true
            return [snake, info, floats, json5]
        }()
        #expect(JSONDecoder().hasDefaultOptions)
        for decoder in decoders {
            #expect(!decoder.hasDefaultOptions)
            let values = try await decodeAll(#"[{"name":"a"}]"#, decoder: decoder)
            #expect(values.map(\.viaBytes) == [false])
        }
    }

    @Test(
        "an element the byte-level reader rejects fails with JSONDecoder's own error",
        arguments: [
            #"[{"name":"a"},{"name":5}]"#, #"[{"name":"a"},{"count":1}]"#, #"[{"name":"a"},{"name":"b","count":3.5}]"#,
            #"[{"name":"a"},{"name":tru}]"#, #"[{"name":"a"},{"name":"\x"}]"#, #"[{"name":"a"},[1]]"#,
        ])
    func sameErrors(text: String) async throws {
        let plain = JSONDecoder()
        let withOptions = JSONDecoder()
        withOptions.dataDecodingStrategy = .deferredToData
        let fast = await #expect(throws: StreamingReadError.self) { try await decodeAll(text, decoder: plain) }
        let slow = await #expect(throws: StreamingReadError.self) { try await decodeAll(text, decoder: withOptions) }
        #expect(fast?.reason == .elementDecodingFailed)
        #expect(fast?.elementIndex == 1)
        #expect(fast == slow)
        #expect(fast?.underlyingError is DecodingError)
    }

    @Test("typed reads throw DecodingError for a value of the wrong type")
    func typedErrors() throws {
        func read(_ text: String, _ body: (inout JSONByteReader) throws -> Void) throws {
            try Array(text.utf8).withUnsafeBytes { bytes in
                var reader = JSONByteReader(bytes)
                try body(&reader)
            }
        }
        let key = FHIRCodingKey("member")
        #expect(throws: DecodingError.self) { try read("5") { _ = try $0.decodeString(at: [key]) } }
        #expect(throws: DecodingError.self) { try read(#""5""#) { _ = try $0.decodeInt(at: [key]) } }
        #expect(throws: DecodingError.self) { try read("3.5") { _ = try $0.decodeInt(at: [key]) } }
        #expect(throws: DecodingError.self) { try read("1e19") { _ = try $0.decodeInt(at: [key]) } }
        #expect(throws: DecodingError.self) { try read("1") { _ = try $0.decodeBool(at: [key]) } }
        #expect(throws: DecodingError.self) { try read("true") { _ = try $0.decodeDouble(at: [key]) } }
        #expect(throws: DecodingError.self) { try read("[]") { try $0.decodeObject(at: [key]) } }
        #expect(throws: DecodingError.self) { try read("{}") { try $0.decodeArray(at: [key]) } }
        #expect(throws: DecodingError.self) { try read("[]") { _ = try $0.decodeMembers(at: [key]) } }
        #expect(throws: StreamingReadError.self) { try read("tru") { _ = try $0.decodeBool(at: [key]) } }
        do {
            try read("null") { _ = try $0.decodeString(at: [key]) }
            Issue.record("null read as a string")
        } catch DecodingError.valueNotFound(_, let context) {
            #expect(context.codingPath.map(\.stringValue) == ["member"])
        }
        do {
            try read("12") { _ = try $0.decodeString(at: [key]) }
            Issue.record("number read as a string")
        } catch DecodingError.typeMismatch(_, let context) {
            #expect(context.codingPath.map(\.stringValue) == ["member"])
        }
        var integer: Int?
        try read(" 3.0 ") { integer = try $0.decodeInt(at: [key]) }
        #expect(integer == 3)
        var double: Double?
        try read("2") { double = try $0.decodeDouble(at: [key]) }
        #expect(double == 2)
        var string: String?
        try read(#""caf\u00e9""#) { string = try $0.decodeString(at: [key]) }
        #expect(string == "café")
    }

    @Test("member names compare as bytes, escaped or not")
    func memberNames() throws {
        try Array(#"{"nom":1,"n\u006fm":2,"nomx":3,"":4}"#.utf8).withUnsafeBytes { bytes in
            var reader = JSONByteReader(bytes)
            try reader.beginObject()
            var matches: [Bool] = []
            var names: [String] = []
            while let name = try reader.nextMemberName() {
                matches.append(name.matches("nom"))
                names.append(name.string)
                try reader.skipValue()
            }
            try reader.finish()
            #expect(matches == [true, true, false, false])
            #expect(names == ["nom", "nom", "nomx", ""])
        }
    }
}
