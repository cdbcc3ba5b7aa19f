import Foundation
import SanteCore
import Testing

@Suite("JSONByteDecoding gives JSONDecoder's result for structs, enums and collections")
struct JSONByteDecodingTests {
    typealias Fixtures = JSONByteDecodingFixtures
    typealias Support = JSONByteDecodingSupport

    static let echoDocuments: [String] = [
        #"{"method":"GET","path":"/_mock/echo","query":"","headers":{"accept":"application/json","x-request-id":"1"},"bodyByteCount":0}"#,
        #" {"bodyByteCount":12.0,"headers":{},"query":"a=1","path":"/p","method":"POST"} "#,
        #"{"method":"GET","path":"/","query":"","headers":{"a":"1","a":"2"},"bodyByteCount":1,"method":"PUT"}"#,
        #"{"method":"G\u0045T","path":"caf\u00e9 😷","query":"\"\\\/\n","headers":{"h\u00e9":"v","he\u0301":"w"},"bodyByteCount":-0}"#,
        #"{"method":"GET","path":"/","query":"","headers":{"a":1},"bodyByteCount":1}"#,
        #"{"method":"GET","path":"/","query":"","headers":{"a":null},"bodyByteCount":1}"#,
        #"{"method":"GET","path":"/","query":"","headers":{},"bodyByteCount":1.5}"#,
        #"{"method":"GET","path":"/","query":"","headers":{},"bodyByteCount":"1"}"#,
        #"{"method":"GET","path":"/","query":"","headers":{}}"#,
        #"{"method":null,"path":"/","query":"","headers":{},"bodyByteCount":1}"#,
        #"{"method":"GET","path":"/","query":"","headers":{},"bodyByteCount":1,"extra":[1,{"a":tru}]}"#,
        #"{"method":"GET","path":"/","query":"","headers":{},"bodyByteCount":1,"extra":"\ud800"}"#,
        #"{"method":"GET","path":"/","query":"","headers":{},"bodyByteCount":1,"extra":1e400}"#,
        #"{"method":"GET","path":"/","query":"","headers":{},"bodyByteCount":1} x"#,
        #"{"method":"GET","path":"/","query":"","headers":{},"bodyByteCount":1,}"#,
        #"{"method":"GET","path":"/","query":"","headers":{"k":"v",},"bodyByteCount":1e2}"#,
        "\u{FEFF}{\"method\":\"GET\",\"path\":\"/\",\"query\":\"\",\"headers\":{},\"bodyByteCount\":1}",
        #"[]"#, #"null"#, "", "  ", #"{"#, #"{"method":"GET""#,
        "{\"method\":\"\u{212A}\",\"path\":\"/\",\"query\":\"\",\"headers\":{\"\u{212A}\":\"1\",\"K\":\"2\"},\"bodyByteCount\":1}",
        "{\"\u{212A}\":1}",
    ]

    @Test("the echo response, valid and invalid", arguments: echoDocuments)
    func echo(text: String) {
        Support.check(Fixtures.Echo.self, text)
    }

    @Test("the fast decoder decodes ordinary documents itself")
    func decodesItself() {
        #expect(Support.check(Fixtures.Echo.self, Self.echoDocuments[0]))
        #expect(Support.check(Fixtures.Echo.self, Self.echoDocuments[1]))
        #expect(Support.check(Fixtures.Echo.self, Self.echoDocuments[2]))
        #expect(Support.check(Fixtures.Echo.self, Self.echoDocuments[3]))
        #expect(Support.check([Fixtures.Echo].self, "[" + Self.echoDocuments[0] + "," + Self.echoDocuments[1] + "]"))
        #expect(Support.check(Fixtures.Optionals.self, #"{"a":null,"c":[1,2],"d":{"x":1,"y":[]}}"#))
    }

    static let optionalDocuments: [String] = [
        "{}", #"{"a":1,"b":"x","c":[],"d":{"x":1,"y":["a"]},"e":true,"f":1.5}"#,
        #"{"a":null,"b":null,"c":null,"d":null,"e":null,"f":null}"#, #"{"a":"1"}"#, #"{"b":1}"#, #"{"c":[null]}"#,
        #"{"d":{"x":1}}"#, #"{"d":{"x":1,"y":[],"z":{"k":{"x":2,"y":["b"]}}}}"#, #"{"d":[]}"#, #"{"e":1}"#,
        #"{"e":0}"#, #"{"f":"1.5"}"#, #"{"f":1e-400}"#, #"{"f":-0.0}"#, #"{"f":1e308}"#, #"{"f":1.8e308}"#,
        #"{"a":1,"a":"x"}"#, #"{"a":"x","a":1}"#, #"{"a" : 1 , "b" : "c" }"#, "[]", "1",
        #"{"d":{"x":1,"y":[],"z":{"k":null}}}"#,
    ]

    @Test("optionals: present, missing, null, wrong types", arguments: optionalDocuments)
    func optionals(text: String) {
        Support.check(Fixtures.Optionals.self, text)
    }

    static let mixedDocuments: [String] = [
        #"{"colour":"red","shapes":[],"tags":[],"byNumber":{},"matrix":[],"flag":false}"#,
        #"{"colour":"BLUE","level":2,"shapes":[{"circle":{"radius":2.5}},{"rectangle":{"width":1,"height":null}},{"labelled":{"_0":"a","_1":3}},{"empty":{}}],"tags":["a","b","a"],"byNumber":{"1":"one","-2":"minus two"},"matrix":[[1,2.5],[]],"flag":true,"date":1000.5,"float":3.4028235e38}"#,
        #"{"colour":"blue","shapes":[],"tags":[],"byNumber":{},"matrix":[],"flag":false}"#,
        #"{"colour":"red","level":3,"shapes":[],"tags":[],"byNumber":{},"matrix":[],"flag":false}"#,
        #"{"colour":"red","shapes":[{"circle":{"radius":1},"empty":{}}],"tags":[],"byNumber":{},"matrix":[],"flag":false}"#,
        #"{"colour":"red","shapes":[{}],"tags":[],"byNumber":{},"matrix":[],"flag":false}"#,
        #"{"colour":"red","shapes":[{"square":{}}],"tags":[],"byNumber":{},"matrix":[],"flag":false}"#,
        #"{"colour":"red","shapes":[{"circle":{"radius":1},"circle":{"radius":2}}],"tags":[],"byNumber":{},"matrix":[],"flag":false}"#,
        #"{"colour":"red","shapes":[],"tags":[],"byNumber":{"x":"1"},"matrix":[],"flag":false}"#,
        #"{"colour":"red","shapes":[],"tags":[],"byNumber":{"01":"a"},"matrix":[],"flag":false}"#,
        #"{"colour":"red","shapes":[],"tags":[],"byNumber":{},"matrix":[[null]],"flag":false}"#,
        #"{"colour":"red","shapes":[],"tags":[],"byNumber":{},"matrix":[],"flag":false,"date":"2024-01-01"}"#,
        #"{"colour":"red","shapes":[],"tags":[],"byNumber":{},"matrix":[],"flag":false,"date":-1e10}"#,
        #"{"colour":"red","shapes":[],"tags":[],"byNumber":{},"matrix":[],"flag":false,"float":3.5e38}"#,
        #"{"colour":"red","shapes":[],"tags":[],"byNumber":{},"matrix":[],"flag":false,"float":1e-50}"#,
        #"{"colour":"red","shapes":[],"tags":[],"byNumber":{},"matrix":[],"flag":false,"float":0.1}"#,
        #"{"colour":"red","shapes":[],"tags":[],"byNumber":{},"matrix":[],"flag":false,"float":16777217}"#,
        #"{"colour":"red","shapes":[{"rectangle":{"width":1}}],"tags":[],"byNumber":{},"matrix":[],"flag":false}"#,
    ]

    @Test("enums, sets, integer-keyed dictionaries, dates and floats", arguments: mixedDocuments)
    func mixed(text: String) {
        Support.check(Fixtures.Mixed.self, text)
    }

    static let topLevelDocuments: [String] = [
        "1", "-1", "1.0", "\"a\"", "true", "null", "[1,2,3]", "[1,\"2\"]", "{\"a\":1}", " 7 ", "[[]]", "[1,]", "[1,,]",
        "01", "[1] [2]", "\u{FEFF}3",
    ]

    @Test("top-level values of several types", arguments: topLevelDocuments)
    func topLevel(text: String) {
        Support.check(Int.self, text)
        Support.check(Int?.self, text)
        Support.check(String.self, text)
        Support.check(Bool.self, text)
        Support.check(Double.self, text)
        Support.check([Int].self, text)
        Support.check([Int?].self, text)
        Support.check([String: Int].self, text)
        Support.check(Fixtures.IntOrString.self, text)
        Support.check([Fixtures.IntOrString].self, text)
    }

    @Test("deep nesting up to and past 512 levels")
    func depth() {
        for levels in [1, 100, 511, 512, 513] {
            let text = String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
            Support.check(Fixtures.Nest.self, text)
        }
    }

    @Test("UTF-16 and UTF-32 documents and byte order marks go to JSONDecoder")
    func encodings() {
        let text = #"{"a":"1","b":"é"}"#
        for encoding in [String.Encoding.utf16BigEndian, .utf16LittleEndian, .utf16, .utf32, .utf32LittleEndian] {
            guard let data = text.data(using: encoding) else { continue }
            #expect(!Support.check([String: String].self, Array(data)))
        }
        #expect(Support.check([String: String].self, [0xEF, 0xBB, 0xBF] + Array(text.utf8)))
    }
}

extension JSONByteDecodingFixtures {
    /// Arrays nested to any depth.
    struct Nest: Decodable, Equatable {
        var depth: Int

        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            depth = container.isAtEnd ? 1 : try container.decode(Nest.self).depth + 1
        }
    }
}
