import Crypto
import Foundation
import HTTPTypes
import SanteCore
import SanteNotify

/// Signed messages made once per run: a typical `document.added` event (about 300 bytes), signed with one
/// secret, with a distinct `webhook-id` per message so that the replay store accepts each of them once.
struct WebhookFixture: Sendable {
    static let messageCount = 50_000
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    let verifier: WebhookVerifier
    let verifierWithReplayStore: WebhookVerifier
    let key: SymmetricKey
    let body: Data
    let messages: [HTTPFields]

    static func make() throws -> WebhookFixture {
        let secret = try WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        let signer = WebhookSigner(secret: secret)
        let body = Data(
            """
            {"type":"document.added","timestamp":"2027-01-15T08:00:00Z","data":{"id":"doc-4f1c2a","versionId":"1",\
            "patient":{"system":"urn:oid:1.2.250.1.213.1.4.10","value":"279035121518989"},\
            "masterIdentifier":{"system":"urn:ietf:rfc:3986","value":"urn:uuid:6f0b8e52-1d3c-4b7a-9e21-5f4c7d2b1a01"},\
            "status":"current"}}
            """.utf8)
        var messages: [HTTPFields] = []
        messages.reserveCapacity(messageCount)
        for index in 0..<messageCount {
            messages.append(try signer.headers(id: "msg_\(index)", timestamp: now, body: body))
        }
        let clock = TestClock(now: now)
        return WebhookFixture(
            verifier: WebhookVerifier(secret: secret, clock: clock),
            verifierWithReplayStore: WebhookVerifier(
                secret: secret, clock: clock, replayStore: InMemoryWebhookReplayStore()),
            key: SymmetricKey(data: secret.bytes), body: body, messages: messages)
    }

    /// The signed content of message `index`, as Standard Webhooks defines it: `id.timestamp.body`.
    func signedContent(_ index: Int) -> Data {
        var content = Data("msg_\(index).\(Int64(Self.now.timeIntervalSince1970)).".utf8)
        content.append(body)
        return content
    }
}
