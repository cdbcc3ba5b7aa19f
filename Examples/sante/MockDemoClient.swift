import SanteMockPlatform

/// The mock platform's seeded Pro Santé Connect client (`santekit-demo`), whose secret is public.
enum MockDemoClient {
    /// `santekit-demo`.
    static var clientID: String { MockIdentities.default.demoClient.clientID }
    /// Its secret.
    static var secret: String { MockIdentities.default.demoClient.clientSecret }
}
