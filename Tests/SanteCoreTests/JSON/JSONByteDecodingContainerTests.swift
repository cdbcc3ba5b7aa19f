import Foundation
import SanteCore
import Testing

@Suite("JSONByteDecoding containers behave as JSONDecoder's")
struct JSONByteDecodingContainerTests {
    typealias Fixtures = JSONByteDecodingFixtures
    typealias Support = JSONByteDecodingSupport

    static let lenientDocuments: [String] = [
        "{}", #"{"name":"a","count":2,"extra":null,"note":null}"#, #"{"name":null,"count":null,"note":1}"#,
        #"{"name":1}"#, #"{"count":"2"}"#, #"{"note":"x","note":null}"#, #"{"n\u0061me":"escaped"}"#, "[]", "null",
    ]

    @Test("decodeIfPresent, contains and decodeNil(forKey:)", arguments: lenientDocuments)
    func lenient(text: String) {
        Support.check(Fixtures.Lenient.self, text)
    }

    @Test("the fast decoder keeps documents whose reads all succeed")
    func fastWhenNothingThrows() {
        #expect(Support.check(Fixtures.Lenient.self, #"{"name":"a","count":2,"note":null}"#))
        #expect(Support.check(Fixtures.PathHolder.self, Self.pathDocuments[0]))
        #expect(Support.check(Fixtures.Derived.self, Self.superDocuments[0]))
        #expect(Support.check(Fixtures.Manual.self, Self.manualDocuments[0]))
        #expect(Support.check(Fixtures.IntOrString.self, "12"))
    }

    static let pathDocuments: [String] = [
        #"{"probe":1,"list":[1,null,{}],"map":{"a":[1],"b":[],"c":[[],2]}}"#,
        #"{"probe":null,"list":[],"map":{}}"#, #"{"list":[],"map":{}}"#,
    ]

    @Test("coding paths read by the types", arguments: pathDocuments)
    func codingPaths(text: String) {
        Support.check(Fixtures.PathHolder.self, text)
        Support.check([Fixtures.PathProbe].self, "[1,2]")
        Support.check([String: [String: Fixtures.PathProbe]].self, #"{"a":{"b":1},"c":{}}"#)
    }

    static let superDocuments: [String] = [
        #"{"super":{"id":1},"other":{"id":2},"name":"n"}"#, #"{"name":"n"}"#, #"{"super":null,"other":{},"name":"n"}"#,
        #"{"super":{"id":"x"},"other":{"id":2},"name":"n"}"#, #"{"super":[],"name":"n"}"#,
    ]

    @Test("superDecoder() and superDecoder(forKey:)", arguments: superDocuments)
    func superDecoders(text: String) {
        Support.check(Fixtures.Derived.self, text)
    }

    static let manualDocuments: [String] = [
        #"{"map":{"b":1,"a":2,"b":3},"list":["x",null,"y"],"pairs":[[1,2],[],[3]]}"#,
        #"{"map":{},"list":[],"pairs":[]}"#, #"{"map":{"é":1,"e\u0301":2},"list":[null,null],"pairs":[[1]]}"#,
        #"{"map":[],"list":[],"pairs":[]}"#, #"{"map":{},"list":{},"pairs":[]}"#, #"{"map":{},"list":[1],"pairs":[]}"#,
        #"{"map":{},"list":[],"pairs":[1]}"#, #"{"map":{},"list":[],"pairs":[[null]]}"#, #"{"map":{},"list":[]}"#,
        #"{"map":{},"list":[ "a" , null , ],"pairs":[ [ 1 , 2 , ] , ]}"#,
    ]

    @Test("nested containers, allKeys, count, isAtEnd, currentIndex and decodeNil", arguments: manualDocuments)
    func manual(text: String) {
        Support.check(Fixtures.Manual.self, text)
    }

    static let fallbackDocuments: [String] = [
        #"{"value":{"value":"inner"}}"#, #"{"value":{"other":1}}"#, #"{"value":["a","b"]}"#, #"{"value":[1]}"#,
        #"{"value":2.5}"#, #"{"value":"text"}"#, #"{"value":null}"#, #"{"value":true}"#, "{}",
    ]

    @Test("types that catch failed reads and try something else", arguments: fallbackDocuments)
    func caughtFailures(text: String) {
        Support.check(Fixtures.Fallbacks.self, text)
        Support.check([String: Fixtures.IntOrString].self, text)
    }

    static let specialDocuments: [String] = [
        #"{"data":"aGVsbG8=","url":"https://example.com/a?b=1","decimal":12.50}"#,
        #"{"data":"not base64!","url":"","decimal":"1"}"#, #"{"data":[104,105],"url":1,"decimal":1e400}"#,
        #"{"data":null,"url":null,"decimal":null}"#, "{}", #"{"decimal":0.1}"#,
        #"{"decimal":123456789012345678901234567890}"#,
    ]

    @Test("Data, URL and Decimal give JSONDecoder's result, even when caught with try?", arguments: specialDocuments)
    func specialTypes(text: String) {
        #expect(!Support.check(Fixtures.Specials.self, text))
    }

    @Test(
        "Data, URL and Decimal as values, elements and optionals",
        arguments: [
            #""aGVsbG8=""#, #""not base64!""#, #""https://example.com/a?b=1""#, #""""#, "12.50", "1e400", "0.1", "null",
            "[104,105]", "1",
        ])
    func specialValues(text: String) {
        for wrapped in [text, "[" + text + "]", #"{"v":"# + text + "}"] {
            Support.check(Data.self, wrapped)
            Support.check(URL.self, wrapped)
            Support.check(Decimal.self, wrapped)
            Support.check([Data?].self, wrapped)
            Support.check([URL?].self, wrapped)
            Support.check([String: Decimal?].self, wrapped)
        }
    }

    @Test("duplicate member names: the first wins, in structs, dictionaries and allKeys")
    func duplicates() {
        #expect(Support.check([String: Int].self, #"{"a":1,"b":2,"a":3}"#))
        #expect(Support.check(Fixtures.Optionals.self, #"{"a":1,"a":3,"b":"x","b":"y"}"#))
        Support.check([String: Int].self, #"{"a":1,"a":"x"}"#)
        Support.check([String: Int].self, #"{"a":"x","a":1}"#)
        Support.check([String: Int].self, "{\"\u{E9}\":1,\"e\u{301}\":2}")
        Support.check([Int: Int].self, #"{"1":1,"2":2,"1":3}"#)
    }

    @Test("large objects: keys found through a table, the first of duplicates winning")
    func largeObjects() {
        let fillers = (0..<40).map { #""m\#($0)":\#($0)"# }
        let object =
            "{"
            + (fillers + [#""a":1"#, #""b":"x""#, #""a":2"#, "\"\u{E9}\":3", "\"e\u{301}\":4"])
            .joined(separator: ",") + "}"
        #expect(Support.check(Fixtures.Optionals.self, object))
        #expect(Support.check([String: Int?].self, object.replacingOccurrences(of: #""x""#, with: "5")))
        let entries = (0..<100).map { #""k\#($0 % 90)":{"x":\#($0),"y":[]}"# }
        #expect(Support.check([String: Fixtures.Inner].self, "{" + entries.joined(separator: ",") + "}"))
    }

    @Test("a value that keeps its decoder or container is left to JSONDecoder, whose container keeps working")
    func escapedDecoder() throws {
        // Kept past the run, the fast decoder's container would be closed: the value is left to JSONDecoder,
        // whose container keeps working.
        #expect(Support.fast(Escaper.self, Array(#"{"a":1}"#.utf8)) == nil)
        let escaped = try JSONDecoder().decodeUsingBytesFirst(Escaper.self, from: Data(#"{"a":1}"#.utf8))
        #expect(try escaped.container.decode(Int.self, forKey: .a) == 1)
        #expect(escaped.container.allKeys.map(\.stringValue) == ["a"])
    }

    /// A type that keeps its container.
    struct Escaper: Decodable {
        enum Key: String, CodingKey { case a }
        let container: KeyedDecodingContainer<Key>

        init(from decoder: any Decoder) throws {
            container = try decoder.container(keyedBy: Key.self)
        }
    }
}
