import Foundation
import SanteMockPlatform
import Testing

@Suite("Mock webhook endpoints in logs")
struct WebhookEndpointDescriptionTests {
    @Test("The description and the dump of an endpoint show neither its secret nor its bearer token")
    func redacted() throws {
        let url = try #require(URL(string: "http://127.0.0.1:9/hooks"))
        let endpoint = MockWebhookEndpoint(
            id: "ep_1", url: url, secret: "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=", eventTypes: nil,
            bearerToken: "token-abc", disabled: false)
        #expect(endpoint.description == "MockWebhookEndpoint(id: ep_1, url: http://127.0.0.1:9/hooks, disabled: false)")
        var dumped = ""
        dump(endpoint, to: &dumped)
        for secret in ["whsec_", "token-abc"] {
            #expect(!"\(endpoint)".contains(secret))
            #expect(!dumped.contains(secret))
        }
    }
}
