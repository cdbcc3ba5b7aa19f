import Foundation
import SanteCore
import Testing

@Suite("JSONByteDecoding on random documents gives JSONDecoder's result")
struct JSONByteDecodingRandomTests {
    typealias Fixtures = JSONByteDecodingFixtures
    typealias Support = JSONByteDecodingSupport

    /// Builds random JSON text, valid most of the time, from pieces the fixtures' types use.
    struct Generator {
        var random: JSONByteReaderSupport.Random

        private let names = [
            "a", "b", "c", "d", "e", "f", "x", "y", "z", "v", "method", "path", "query", "headers", "bodyByteCount",
            "name", "count", "note", "extra", "circle", "radius", "rectangle", "width", "height", "empty", "super",
            "id",
            "other", "value", "n\\u0061me", "é", "K",
        ]
        private let scalars = [
            "0", "1", "-1", "2.5", "1e2", "1.0", "-0", "1e400", "9007199254740993", "true", "false", "null", "\"\"",
            "\"x\"", "\"GET\"", "\"1\"", "\"caf\\u00e9\"", "\"\\ud83d\\ude37\"", "\"red\"", "\"BLUE\"", "1.5e-3",
            "18446744073709551616", "[]", "{}",
        ]
        private let glitches = ["", ",", "]", "}", "tru", "\"\\x\"", "01", ":", "\"", "\u{1}"]

        /// A random value, nested at most `depth` more levels.
        mutating func value(_ depth: Int) -> String {
            switch random.next(depth > 0 ? 6 : 3) {
            case 0, 1, 2: return scalars[random.next(scalars.count)]
            case 3: return "[" + (0..<random.next(4)).map { _ in value(depth - 1) }.joined(separator: ",") + "]"
            default:
                let members = (0..<random.next(6)).map { _ in
                    "\"" + names[random.next(names.count)] + "\":" + value(depth - 1)
                }
                return "{" + members.joined(separator: random.next(8) == 0 ? " , " : ",") + "}"
            }
        }

        /// A random document, with a glitch once in a while.
        mutating func document() -> String {
            var text = value(4)
            if random.next(10) == 0 {
                let glitch = glitches[random.next(glitches.count)]
                let cut = text.index(text.startIndex, offsetBy: random.next(text.count + 1))
                text.insert(contentsOf: glitch, at: cut)
            }
            return text
        }
    }

    @Test("random documents against every fixture type")
    func randomDocuments() {
        var generator = Generator(random: JSONByteReaderSupport.Random(seed: 2024))
        var fastCount = 0
        for _ in 0..<3_000 {
            let text = generator.document()
            if Support.check(Fixtures.Optionals.self, text) { fastCount += 1 }
            if Support.check(Fixtures.Echo.self, text) { fastCount += 1 }
            if Support.check([Fixtures.Shape].self, text) { fastCount += 1 }
            if Support.check(Fixtures.Lenient.self, text) { fastCount += 1 }
            if Support.check(Fixtures.Derived.self, text) { fastCount += 1 }
            if Support.check(Fixtures.Manual.self, text) { fastCount += 1 }
            if Support.check(Fixtures.PathHolder.self, text) { fastCount += 1 }
            if Support.check([String: Int].self, text) { fastCount += 1 }
            if Support.check([Int?].self, text) { fastCount += 1 }
            if Support.check(Fixtures.Inner.self, text) { fastCount += 1 }
        }
        #expect(fastCount > 100)
    }

    @Test("random documents that encode random values decode the same")
    func encodedValues() throws {
        var random = JSONByteReaderSupport.Random(seed: 5)
        let pieces = ["a", "é", "😷", "\"", "\\", "\n", "\u{1}", "/", " ", "\u{FFFF}", "z"]
        for _ in 0..<500 {
            func text() -> String { (0..<random.next(6)).map { _ in pieces[random.next(pieces.count)] }.joined() }
            var headers: [String: String] = [:]
            for _ in 0..<random.next(10) { headers[text()] = text() }
            let echo = EncodableEcho(
                method: text(), path: text(), query: text(), headers: headers,
                bodyByteCount: random.next(2_000_000) - 1_000_000)
            let bytes = Array(try JSONEncoder().encode(echo))
            #expect(Support.check(Fixtures.Echo.self, bytes))
        }
    }

    /// The echo, to encode.
    struct EncodableEcho: Encodable {
        let method: String
        let path: String
        let query: String
        let headers: [String: String]
        let bodyByteCount: Int
    }
}
