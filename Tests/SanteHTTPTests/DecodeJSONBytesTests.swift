import Foundation
import HTTPTypes
import SanteCore
import Testing

@testable import SanteHTTP

@Suite("decodeJSON reads from the bytes with the default decoder and gives the same values and errors")
struct DecodeJSONBytesTests {
    /// A response type that records which decoder built it.
    struct Echo: Decodable, Equatable {
        let method: String
        let headers: [String: String]
        let bodyByteCount: Int
        let note: String?
        let decoderName: String

        private enum CodingKeys: String, CodingKey { case method, headers, bodyByteCount, note }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            method = try container.decode(String.self, forKey: .method)
            headers = try container.decode([String: String].self, forKey: .headers)
            bodyByteCount = try container.decode(Int.self, forKey: .bodyByteCount)
            note = try container.decodeIfPresent(String.self, forKey: .note)
            decoderName = String(describing: Swift.type(of: decoder))
        }

        static func == (left: Echo, right: Echo) -> Bool {
            left.method == right.method && left.headers == right.headers && left.bodyByteCount == right.bodyByteCount
                && left.note == right.note
        }
    }

    private func decode<Value: Decodable>(
        _ type: Value.Type, _ text: String, decoder: JSONDecoder = JSONDecoder()
    ) -> Result<Value, SanteHTTPError> {
        let client = SanteHTTPClient(baseURL: testURL("https://api.example.fr"), transport: StubTransport())
        let request = HTTPRequest(method: .get, scheme: "https", authority: "api.example.fr", path: "/echo")
        do {
            return .success(
                try client.decodeJSON(
                    type, from: Data(text.utf8), response: HTTPResponse(status: .ok), request: request, decoder: decoder
                ))
        } catch let error as SanteHTTPError {
            return .failure(error)
        } catch {
            Issue.record("unexpected error \(error)")
            return .failure(SanteHTTPError(code: .decoding, message: "", requestWasSent: true))
        }
    }

    /// A decoder whose options differ from the defaults in a way that cannot change these types.
    private var optionedDecoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dataDecodingStrategy = .deferredToData
        return decoder
    }

    @Test(
        "values and errors are those JSONDecoder gives",
        arguments: [
            #"{"method":"GET","headers":{"a":"1","b":"2"},"bodyByteCount":3}"#,
            #"{"method":"GET","headers":{"a":"1"},"bodyByteCount":3,"note":null}"#,
            #"{"method":"GET","headers":{"a":1},"bodyByteCount":3}"#, #"{"method":"GET","headers":{}}"#,
            #"{"method":"GET","headers":{},"bodyByteCount":3.5}"#, #"{"method":"GET","headers":{},"bodyByteCount":3"#,
            #"{"method":"GET","headers":{},"bodyByteCount":3,"x":[tru]}"#, "[]", "",
        ])
    func sameResults(text: String) {
        let fast = decode(Echo.self, text)
        let slow = decode(Echo.self, text, decoder: optionedDecoder)
        switch (fast, slow) {
        case (.success(let fastValue), .success(let slowValue)):
            #expect(fastValue == slowValue)
            #expect(fastValue.decoderName.contains("JSONByteDecoder"))
            #expect(!slowValue.decoderName.contains("JSONByteDecoder"))
        case (.failure(let fastError), .failure(let slowError)):
            #expect(fastError.message == slowError.message)
            #expect(fastError.codingPath == slowError.codingPath)
            #expect(String(describing: fastError.underlyingError) == String(describing: slowError.underlyingError))
        default:
            Issue.record("\(fast) vs \(slow)")
        }
    }

    /// A `JSONDecoder` subclass with the default options that decodes its own way.
    final class AnswerDecoder: JSONDecoder, @unchecked Sendable {
        override func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
            if let answer = 42 as? T { return answer }
            return try super.decode(type, from: data)
        }
    }

    @Test("a JSONDecoder subclass decodes its own way, not from the bytes")
    func subclassDecoder() throws {
        #expect(try decode(Int.self, "1", decoder: AnswerDecoder()).get() == 42)
        #expect(try decode(Int.self, "1").get() == 1)
    }

    @Test("EmptyResponse still skips decoding")
    func emptyResponse() {
        #expect((try? decode(EmptyResponse.self, "not json").get()) == EmptyResponse())
    }
}
