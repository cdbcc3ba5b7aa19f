/// The part of the mock's `/_mock/echo` answer that the SanteKit benchmark decodes.
struct EchoResponse: Decodable, Sendable {
    let method: String
    let path: String
    let query: String
    let headers: [String: String]
    let bodyByteCount: Int
}
