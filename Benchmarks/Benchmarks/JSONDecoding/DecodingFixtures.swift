import Foundation
import HTTPTypes
import SanteHTTP

/// The documents and types the JSON decoding benchmarks decode.
enum DecodingFixtures {
    /// The mock server's `/_mock/echo` answer to the request pipeline benchmark's request (about 400 bytes).
    static let echo = Data(
        #"{"method":"GET","path":"/_mock/echo","query":"","headers":{"accept":"application/json","x-request-id":"6f1c0a52-3c1e-4f4e-9d8b-2f64a9d0c1b7","user-agent":"SanteKitBenchmarks/1.0 SanteKit/0.1 (Linux)","authorization":"Bearer eyJhbGciOiJSUzI1NiJ9.benchmark.token","host":"127.0.0.1:8080","accept-encoding":"gzip, deflate","connection":"keep-alive","accept-language":"fr-FR"},"bodyBase64":"","bodyByteCount":0}"#
            .utf8)

    /// 100 echo answers in an array (about 40 KB).
    static let echoes = Data(
        ("[" + Array(repeating: String(decoding: echo, as: UTF8.self), count: 100).joined(separator: ",") + "]").utf8)

    /// A FHIR-like search result: a `Bundle` of 20 `Patient` resources (about 17 KB).
    static let bundle: Data = {
        let entries = (0..<20).map { index in
            """
            {"fullUrl":"https://api.example.fr/fhir/Patient/\(index)","resource":{"resourceType":"Patient","id":"p\(index)",\
            "meta":{"versionId":"3","lastUpdated":"2024-05-01T10:00:00+02:00"},\
            "identifier":[{"system":"urn:oid:1.2.250.1.213.1.4.8","value":"27\(index)0575123456"}],\
            "active":true,"name":[{"use":"official","family":"Dupont-\(index)","given":["Marie","Élise"]}],\
            "telecom":[{"system":"phone","value":"+33 1 23 45 67 \(10 + index)","use":"home"},\
            {"system":"email","value":"marie.\(index)@example.fr"}],"gender":"female","birthDate":"1980-0\(1 + index % 9)-15",\
            "address":[{"line":["12 rue de la Paix","Bât. \(index)"],"city":"Paris","postalCode":"75002","country":"FR"}]},\
            "search":{"mode":"match","score":\(Double(index) / 20)}}
            """
        }
        return Data(
            (#"{"resourceType":"Bundle","id":"search-1","type":"searchset","total":20,"link":[{"relation":"self","url":"https://api.example.fr/fhir/Patient?name=dupont"}],"entry":["#
                + entries.joined(separator: ",") + "]}").utf8)
    }()

    /// A client for `decodeJSON` (nothing is sent).
    static let client = SanteHTTPClient(baseURL: URL(fileURLWithPath: "/"), transport: URLSessionTransport())
    /// The request and response `decodeJSON` reports errors with.
    static let request = HTTPRequest(method: .get, scheme: "https", authority: "api.example.fr", path: "/")
    /// The response `decodeJSON` reports errors with.
    static let response = HTTPResponse(status: .ok)

    /// A decoder with one option changed that none of these types uses, so that `decodeJSON` keeps `JSONDecoder`.
    static let foundationOnly: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dataDecodingStrategy = .deferredToData
        return decoder
    }()
}

/// The echo, as the request pipeline benchmark decodes it.
struct Echo: Decodable, Sendable {
    let method: String
    let path: String
    let query: String
    let headers: [String: String]
    let bodyByteCount: Int
}

/// A FHIR-like bundle of patients.
struct PatientBundle: Decodable, Sendable {
    let resourceType: String
    let id: String
    let total: Int?
    let link: [Link]
    let entry: [Entry]

    struct Link: Decodable, Sendable {
        let relation: String
        let url: String
    }

    struct Entry: Decodable, Sendable {
        let fullUrl: String?
        let resource: Patient
        let search: Search?
    }

    struct Search: Decodable, Sendable {
        let mode: String
        let score: Double?
    }

    struct Patient: Decodable, Sendable {
        let resourceType: String
        let id: String
        let meta: Meta?
        let identifier: [Identifier]?
        let active: Bool?
        let name: [HumanName]?
        let telecom: [ContactPoint]?
        let gender: String?
        let birthDate: String?
        let address: [Address]?
    }

    struct Meta: Decodable, Sendable {
        let versionId: String?
        let lastUpdated: String?
    }

    struct Identifier: Decodable, Sendable {
        let system: String?
        let value: String?
    }

    struct HumanName: Decodable, Sendable {
        let use: String?
        let family: String?
        let given: [String]?
    }

    struct ContactPoint: Decodable, Sendable {
        let system: String?
        let value: String?
        let use: String?
    }

    struct Address: Decodable, Sendable {
        let line: [String]?
        let city: String?
        let postalCode: String?
        let country: String?
    }
}
