import Foundation
import SanteCore
import Testing

@Suite("Base64URL")
struct Base64URLTests {
    @Test("encodes without padding and with the URL-safe alphabet")
    func encodes() {
        #expect(Base64URL.encode(Data()) == "")
        #expect(Base64URL.encode(Data([0xFB])) == "-w")
        #expect(Base64URL.encode(Data([0xFF, 0xFF])) == "__8")
        #expect(Base64URL.encode(Data([0xFB, 0xFF, 0xBF])) == "-_-_")
        #expect(Base64URL.encode(utf8: "{\"alg\":\"HS256\",\"typ\":\"JWT\"}") == "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9")
    }

    @Test("decodes with or without padding")
    func decodes() throws {
        #expect(try Base64URL.decode("-w") == Data([0xFB]))
        #expect(try Base64URL.decode("-w==") == Data([0xFB]))
        #expect(try Base64URL.decode("__8") == Data([0xFF, 0xFF]))
        #expect(try Base64URL.decode("__8=") == Data([0xFF, 0xFF]))
        #expect(try Base64URL.decode("") == Data())
        let text = try #require(String(data: try Base64URL.decode("eyJpc3MiOiJqb2UifQ"), encoding: .utf8))
        #expect(text == "{\"iss\":\"joe\"}")
    }

    @Test(
        "refuses bad input with a typed error",
        arguments: ["a", "ab+c", "ab/c", "ab c", "ab\nc", "a=bc", "-w=", "-w===", "ab==c", "é", "-x"]
    )
    func refuses(_ text: String) {
        #expect(joseReason { try Base64URL.decode(text) } == .invalidBase64URL)
    }

    @Test("round-trips every byte length up to 70")
    func roundTrips() throws {
        for length in 0...70 {
            let bytes = Data((0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) })
            let text = Base64URL.encode(bytes)
            #expect(!text.contains("="))
            #expect(try Base64URL.decode(text) == bytes)
        }
    }

    @Test("the error is a decoding error")
    func errorCode() {
        do {
            _ = try Base64URL.decode("*")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .decoding)
            #expect(error.reason == .invalidBase64URL)
        }
    }
}
