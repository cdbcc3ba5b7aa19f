import Foundation
import SanteCore
import Testing

@Suite("JSONValue parsed from bytes equals what JSONDecoder gives")
struct JSONValueBytesTests {
    static let valid: [String] = [
        "null", "true", "false", " \t\r\n 1 \n", "0", "-0", "-0.0", "0.0", "1.0", "1e3", "1E2", "1e+2", "1e-0",
        "1.5", "-12.50", "2.5e-3", "12e-1", "0.1e1", "10.0e-1", "123.000", "1.23e2", "0e5", "-0e0", "1e18", "1e19",
        "9.2e18", "1e-400", "5e-324", "2.2250738585072014e-308", "1.7976931348623157e308", "0.30000000000000004",
        "123456789.123456789", "48.8566101", "2.3522219", "1.1e-1", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "-9223372036854775809", "12345678901234567890", "123456789012345678901234567890",
        "9007199254740993", "9007199254740993.0", "9007199254740993.5", "90071992547409930e-1", "1.50e1",
        "9223372036854775807.0", "-9223372036854775808.0", "100000000000000000000.0", "4503599627370495.9",
        #""""#, #""a""#, #""caf\u00e9""#, #""\uD83D\uDE37""#, #""\ud83d\ude37 and \u00E9""#, #""\/\b\f\n\r\t\"\\""#,
        #""\u0000""#, "\"\u{7f}\"", "\"😷 café\"", #""a long string with no escape at all, longer than sixteen""#,
        "[]", "{}", " [ ] ", "[1,]", #"{"a":1,}"#, #"{"a":1 , }"#, "[1 , ]", "[\n]", #"[1,"a",[true,null],{}]"#,
        #"{"a":1,"a":2}"#, #"{"a":{"b":[1,{"c":null}]},"d":-3.25}"#, #"{"n\u006fm":"escaped name","nom":"plain"}"#,
        #"{"\u00e9":1,"é":2}"#, "\u{FEFF}[1]",
    ]

    @Test("every valid input gives the same value as JSONDecoder", arguments: valid)
    func sameAsFoundation(text: String) throws {
        let bytes = Array(text.utf8)
        let expected = try #require(JSONByteReaderSupport.foundation(bytes), "JSONDecoder reads \(text)")
        let parsed = try JSONByteReaderSupport.parse(bytes)
        #expect(parsed == expected)
        #expect(JSONByteReaderSupport.signsMatch(parsed, expected))
    }

    static let invalid: [String] = [
        "", " ", "nul", "truex", "tru", "[1] x", "01", "-", "1.", ".5", "+1", "1e", "1e+", "-01", "1e400", "-1e400",
        "[,]", "[1,,2]", "{,}", #"{"a":1,,"b":2}"#, "[1 2]", #"{"a" 1}"#, #"{"a":}"#, #"{a:1}"#, "[1", "{", #"{"a":1"#,
        #""abc"#, #""\x""#, #""\u00""#, #""\u00zz""#, #""\ud800""#, #""\udc00""#, #""\ud800x""#, #""\ud800\u0041""#,
        "\"tab\there\"", "\"line\nbreak\"", "[1]]", "{}}", "'a'", "NaN", "Infinity", "[01]",
    ]

    @Test("every invalid input throws a StreamingReadError, as JSONDecoder fails", arguments: invalid)
    func rejectsWhatFoundationRejects(text: String) throws {
        let bytes = Array(text.utf8)
        #expect(JSONByteReaderSupport.foundation(bytes) == nil, "JSONDecoder rejects \(text)")
        #expect(throws: StreamingReadError.self) { try JSONByteReaderSupport.parse(bytes) }
    }

    @Test(
        "invalid UTF-8 inside a string is rejected, as JSONDecoder does",
        arguments: [
            [0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xC0, 0xAF, 0x22],
            [0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D],
        ] as [[UInt8]])
    func invalidUTF8(bytes: [UInt8]) {
        #expect(JSONByteReaderSupport.foundation(bytes) == nil)
        #expect(throws: StreamingReadError.self) { try JSONByteReaderSupport.parse(bytes) }
    }

    @Test("errors give the byte offset and tell a cut value from a malformed one")
    func errorDetails() throws {
        let cut = #expect(throws: StreamingReadError.self) { try JSONByteReaderSupport.parse(#"{"a": [1, 2"#) }
        #expect(cut?.reason == .unexpectedEnd)
        let malformed = #expect(throws: StreamingReadError.self) { try JSONByteReaderSupport.parse(#"{"a": [1 2]}"#) }
        #expect(malformed?.reason == .malformedJSON)
        #expect(malformed?.byteOffset == 9)
    }

    @Test("nesting is accepted to 512 levels and rejected beyond, as in JSONDecoder")
    func depth() throws {
        for (levels, accepted) in [(512, true), (513, false), (2000, false)] {
            let text = String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
            #expect((JSONByteReaderSupport.foundation(Array(text.utf8)) != nil) == accepted)
            if accepted {
                #expect(throws: Never.self) { try JSONByteReaderSupport.parse(text) }
            } else {
                #expect(throws: StreamingReadError.self) { try JSONByteReaderSupport.parse(text) }
            }
        }
    }

    @Test("random numbers of every shape give the same value as JSONDecoder")
    func randomNumbers() throws {
        var random = JSONByteReaderSupport.Random(seed: 42)
        var checked = 0
        for _ in 0..<20_000 {
            var text = random.next(4) == 0 ? "-" : ""
            let integerDigits = 1 + random.next(random.next(3) == 0 ? 22 : 8)
            text += String(1 + random.next(9))
            for _ in 1..<integerDigits { text += String(random.next(10)) }
            if random.next(2) == 0 {
                text += "."
                let fractionDigits = 1 + random.next(random.next(3) == 0 ? 20 : 6)
                for _ in 0..<fractionDigits { text += String(random.next(10)) }
                if random.next(4) == 0 { text += String(repeating: "0", count: random.next(4)) }
            }
            if random.next(3) == 0 {
                text += ["e", "E", "e+", "e-"][random.next(4)] + String(random.next(random.next(4) == 0 ? 330 : 25))
            }
            let bytes = Array(text.utf8)
            guard let expected = JSONByteReaderSupport.foundation(bytes) else {
                #expect(throws: StreamingReadError.self, "\(text)") { try JSONByteReaderSupport.parse(bytes) }
                continue
            }
            let parsed = try JSONByteReaderSupport.parse(bytes)
            #expect(parsed == expected, "\(text)")
            checked += 1
        }
        #expect(checked > 15_000)
    }

    @Test("long strings read the same whatever the offset of an escape, a control byte or non-ASCII text")
    func stringOffsets() throws {
        let specials: [[UInt8]] = [
            Array(#"\""#.utf8), Array(#"\\"#.utf8), Array(#"\n"#.utf8), Array(#"\u00e9"#.utf8), Array("é".utf8),
            Array("😷".utf8), [0x01], [0x1F], [0x7F], [0xFF], [0xC3], Array(#"\ud83d\ude37"#.utf8),
        ]
        for special in specials {
            for offset in 0..<40 {
                for tail in [0, 3, 9, 17] {
                    let bytes =
                        [0x22] + Array(repeating: UInt8(ascii: "a"), count: offset) + special
                        + Array(repeating: UInt8(ascii: "b"), count: tail) + [0x22]
                    if let expected = JSONByteReaderSupport.foundation(bytes) {
                        #expect(try JSONByteReaderSupport.parse(bytes) == expected, "\(special) at \(offset)")
                    } else {
                        #expect(throws: StreamingReadError.self, "\(special) at \(offset)") {
                            try JSONByteReaderSupport.parse(bytes)
                        }
                    }
                }
            }
        }
    }

    @Test("random documents round-trip through JSONEncoder and parse like JSONDecoder")
    func randomDocuments() throws {
        var random = JSONByteReaderSupport.Random(seed: 7)
        let pieces = ["a", "é", "😷", "\"", "\\", "\n", "\u{1}", "/", " ", "\u{FFFF}", "z"]
        func value(_ depth: Int) -> JSONValue {
            switch random.next(depth > 3 ? 5 : 7) {
            case 0: return .null
            case 1: return .bool(random.next(2) == 0)
            case 2: return .integer(Int64(random.next(2_000_000)) - 1_000_000)
            case 3: return .number(Double(random.next(2_000_000)) / 1024 + 0.5)
            case 4: return .string((0..<random.next(12)).map { _ in pieces[random.next(pieces.count)] }.joined())
            case 5: return .array((0..<random.next(5)).map { _ in value(depth + 1) })
            default:
                var members: [String: JSONValue] = [:]
                for _ in 0..<random.next(5) { members["k" + pieces[random.next(pieces.count)]] = value(depth + 1) }
                return .object(members)
            }
        }
        for _ in 0..<500 {
            let original = value(0)
            let encoded = try JSONEncoder().encode(original)
            let parsed = try JSONByteReaderSupport.parse(Array(encoded))
            #expect(parsed == original)
            #expect(parsed == JSONByteReaderSupport.foundation(Array(encoded)))
        }
    }

    @Test("every JSON sample under the shared open-data folder parses like JSONDecoder")
    func realSamples() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("../shared/data/opendata")
            .standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            print("JSONValueBytesTests: skipped, no samples at \(folder.path)")
            return
        }
        var compared = 0
        for case let url as URL in enumerator where url.pathExtension == "json" {
            let bytes = Array(try Data(contentsOf: url))
            guard let expected = JSONByteReaderSupport.foundation(bytes) else { continue }
            #expect(try JSONByteReaderSupport.parse(bytes) == expected, "\(url.lastPathComponent)")
            compared += 1
        }
        print("JSONValueBytesTests: compared \(compared) sample files")
    }
}
