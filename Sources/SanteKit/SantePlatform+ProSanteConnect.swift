public import Foundation
public import ProSanteConnect

extension SantePlatform {
    /// A Pro Santé Connect client for this platform's environment, transport, logger and clock.
    ///
    /// ```swift
    /// let psc = try platform.proSanteConnect(
    ///     clientID: "my-service", clientAuthentication: .clientSecretBasic(secret),
    ///     redirectURI: URL(string: "https://my-service.example/callback")!)
    /// let prepared = try await psc.prepareAuthorization()
    /// ```
    ///
    /// - Parameters:
    ///   - clientID: The client id PSC registered for the service.
    ///   - clientAuthentication: How the client authenticates at the token endpoint.
    ///   - redirectURI: The registered redirect URI.
    ///   - configure: Changes to the rest of the configuration (scopes, `acr_values`, algorithms, leeway…).
    /// - Returns: The client.
    /// - Throws: ``SantePlatformError`` when the environment has no Pro Santé Connect discovery URL, or the
    ///   client's own configuration error.
    public func proSanteConnect(
        clientID: String,
        clientAuthentication: ClientAuthentication,
        redirectURI: URL,
        configure: (inout ProSanteConnectConfiguration) -> Void = { _ in }
    ) throws -> ProSanteConnectClient {
        guard let discoveryURL = environment.proSanteConnectDiscoveryURL else {
            throw SantePlatformError(
                operation: "platform.proSanteConnect",
                message: "the \(environment.name) environment has no Pro Santé Connect discovery URL")
        }
        let known = [ProSanteConnectEnvironment.production, .sandbox].first { $0.discoveryURL == discoveryURL }
        var configuration = ProSanteConnectConfiguration(
            environment: known ?? .custom(name: environment.name, discoveryURL: discoveryURL),
            clientID: clientID,
            clientAuthentication: clientAuthentication,
            redirectURI: redirectURI,
            clock: clock)
        configure(&configuration)
        return try ProSanteConnectClient(
            configuration: configuration, transport: transport, logger: logger, retryPolicy: retryPolicy,
            timeout: timeout, appProduct: appProduct)
    }
}
