import ArgumentParser
import Foundation
import SanteKit
import SanteMockPlatform

/// The options that choose a Pro Santé Connect provider and client (`sante psc login` and `ciba`).
///
/// With no `--discovery-url`, the provider is the mock platform's (a running `sante-mock` from
/// `--mock-url` or `SANTE_MOCK_URL`, else one started in this process), with its seeded `santekit-demo`
/// client and secret.
struct PSCProviderOptions: ParsableArguments {
    @Option(
        name: .customLong("discovery-url"),
        help: "The provider's discovery document (default: the mock platform's).")
    var discoveryURL: String?

    @Option(
        name: .customLong("client-id"),
        help: "The client id registered with the provider (default with the mock: santekit-demo).")
    var clientID: String?

    @Option(
        name: .customLong("client-secret"),
        help: "The client secret (default: $SANTE_PSC_CLIENT_SECRET; with the mock, the seeded one).")
    var clientSecret: String?

    @Option(
        name: .customLong("scope"),
        help: "A scope to request; repeat it, or separate scopes with spaces (default: openid scope_all).")
    var scopes: [String] = []

    @Option(name: .customLong("acr"), help: "An authentication level to request and require (default: eidas1).")
    var acrValues: [String] = []

    @Option(
        name: .customLong("id-token-alg"),
        help: "An ID token algorithm to accept: RS256, PS256, ES256 or HS256; repeatable (default: the first three).")
    var idTokenAlgorithms: [String] = []

    /// The scopes to request.
    var resolvedScopes: [String] {
        let split = scopes.flatMap { $0.split(separator: " ").map(String.init) }
        return split.isEmpty ? ["openid", "scope_all"] : split
    }

    /// The authentication levels to request.
    var resolvedACRValues: [String] {
        let split = acrValues.flatMap { $0.split(separator: " ").map(String.init) }
        return split.isEmpty ? ["eidas1"] : split
    }

    /// The signature policy from `--id-token-alg`.
    /// - Throws: `ArgumentParser.ValidationError` for an algorithm the client does not accept.
    func signingPolicy() throws -> IDTokenSigningPolicy {
        try PSCSigning.policy(idTokenAlgorithms)
    }

    func validate() throws {
        if let discoveryURL {
            guard let url = URL(string: discoveryURL), let scheme = url.scheme, ["http", "https"].contains(scheme),
                url.host() != nil
            else {
                throw ArgumentParser.ValidationError("--discovery-url must be an http(s) URL, got '\(discoveryURL)'")
            }
            guard clientID?.isEmpty == false else {
                throw ArgumentParser.ValidationError("--discovery-url needs --client-id")
            }
        }
        if let clientID, clientID.isEmpty { throw ArgumentParser.ValidationError("--client-id must not be empty") }
        _ = try signingPolicy()
        guard resolvedScopes.contains("openid") else {
            throw ArgumentParser.ValidationError("--scope must include openid")
        }
    }

    /// Resolves the provider and runs `body` with it, starting an in-process mock when needed.
    /// - Parameters:
    ///   - global: The global options (`--mock-url`, `--verbose`).
    ///   - body: What to do with the provider.
    /// - Returns: What `body` returns.
    /// - Throws: `ArgumentParser.ValidationError` for unusable options, or what `body` throws.
    func withProvider<T>(
        global: GlobalOptions,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        _ body: (PSCProvider) async throws -> T
    ) async throws -> T {
        let secret = clientSecret ?? environment["SANTE_PSC_CLIENT_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
        let signing = try signingPolicy()
        let algorithms = idTokenAlgorithms.map { $0.uppercased() }
        if let discoveryURL, let url = URL(string: discoveryURL), let clientID {
            guard global.mockURL == nil else {
                throw ArgumentParser.ValidationError("--discovery-url and --mock-url cannot be used together")
            }
            guard let secret else {
                throw ArgumentParser.ValidationError(
                    "a client secret is needed: --client-secret or SANTE_PSC_CLIENT_SECRET")
            }
            let known = [ProSanteConnectEnvironment.production, .sandbox].first { $0.discoveryURL == url }
            let provider = PSCProvider(
                environment: known ?? .custom(name: "custom", discoveryURL: url), clientID: clientID,
                clientSecret: secret, scopes: resolvedScopes, acrValues: resolvedACRValues, signing: signing,
                idTokenAlgorithms: algorithms, mock: nil)
            return try await body(provider)
        }
        let mockURL = try global.resolvedMockURL(environment: environment)
        let timeline = MockTimeline()
        return try await MockPlatformSession.with(
            mockURL: mockURL, configuration: MockPlatform.Configuration(clock: timeline.mockClock)
        ) { session in
            let demoClient = MockIdentities.default.demoClient
            let clientID = self.clientID ?? demoClient.clientID
            let usesDemoClient = clientID == demoClient.clientID && (secret == nil || secret == demoClient.clientSecret)
            guard let clientSecret = secret ?? (usesDemoClient ? demoClient.clientSecret : nil) else {
                throw ArgumentParser.ValidationError(
                    "a client secret is needed for \(clientID): --client-secret or SANTE_PSC_CLIENT_SECRET")
            }
            let provider = PSCProvider(
                environment: PSCProvider.mockEnvironment(baseURL: session.baseURL), clientID: clientID,
                clientSecret: clientSecret, scopes: resolvedScopes, acrValues: resolvedACRValues, signing: signing,
                idTokenAlgorithms: algorithms,
                mock: PSCProvider.Mock(
                    baseURL: session.baseURL, isInProcess: session.isInProcess, usesDemoClient: usesDemoClient,
                    clock: session.isInProcess ? timeline.clientClock : SystemClock()))
            return try await body(provider)
        }
    }
}

/// `--id-token-alg` values.
enum PSCSigning {
    /// The policy accepting `names` (RS256, PS256, ES256, HS256), or the default when empty.
    /// - Throws: `ArgumentParser.ValidationError` for another name.
    static func policy(_ names: [String]) throws -> IDTokenSigningPolicy {
        guard !names.isEmpty else { return .asymmetric }
        var asymmetric: Set<JWSAlgorithm> = []
        var hs256 = false
        for name in names {
            switch name.uppercased() {
            case "RS256": asymmetric.insert(.rs256)
            case "PS256": asymmetric.insert(.ps256)
            case "ES256": asymmetric.insert(.es256)
            case "HS256": hs256 = true
            default:
                throw ArgumentParser.ValidationError(
                    "--id-token-alg must be RS256, PS256, ES256 or HS256, got '\(name)'")
            }
        }
        return IDTokenSigningPolicy(asymmetricAlgorithms: asymmetric, acceptsHS256WithClientSecret: hs256)
    }
}
