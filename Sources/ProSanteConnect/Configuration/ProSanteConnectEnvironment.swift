public import Foundation

/// Where a Pro Santé Connect provider lives: its discovery document, and the issuer it must announce.
///
/// The discovery URL is always explicit. PSC names its document `wallet-openid-configuration`, not the
/// standard `openid-configuration`, so it is never derived from the issuer; and the login page lives on
/// another host (`wallet.*`) than the issuer (`auth.*`), which only the discovery document tells.
public struct ProSanteConnectEnvironment: Sendable, Hashable, CustomStringConvertible {
    /// A short name for logs, such as `"production"`.
    public var name: String
    /// The discovery document's URL.
    public var discoveryURL: URL
    /// The issuer the discovery document must announce, byte for byte, or `nil` to accept the one it
    /// announces (every token is then checked against that one).
    public var expectedIssuer: String?

    /// Creates an environment.
    /// - Parameters:
    ///   - name: A short name for logs.
    ///   - discoveryURL: The discovery document's URL.
    ///   - expectedIssuer: The issuer the document must announce, if known.
    public init(name: String, discoveryURL: URL, expectedIssuer: String? = nil) {
        self.name = name
        self.discoveryURL = discoveryURL
        self.expectedIssuer = expectedIssuer
    }

    /// The production provider (`auth.esw.esante.gouv.fr`, realm `esante-wallet`).
    public static let production = ProSanteConnectEnvironment(
        name: "production",
        discoveryURL: knownURL(
            "https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet/.well-known/wallet-openid-configuration"),
        expectedIssuer: "https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet")

    /// The sandbox, "BAS" (bac à sable: `auth.bas.psc.esante.gouv.fr`), used with EDIT test identities.
    public static let sandbox = ProSanteConnectEnvironment(
        name: "sandbox",
        discoveryURL: knownURL(
            "https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet/.well-known/wallet-openid-configuration"),
        expectedIssuer: "https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet")

    /// Any other provider, such as a `sante-mock` or a test realm.
    /// - Parameters:
    ///   - name: A short name for logs (default `"custom"`).
    ///   - discoveryURL: The discovery document's URL.
    ///   - expectedIssuer: The issuer the document must announce, if known.
    /// - Returns: The environment.
    public static func custom(
        name: String = "custom", discoveryURL: URL, expectedIssuer: String? = nil
    ) -> ProSanteConnectEnvironment {
        ProSanteConnectEnvironment(name: name, discoveryURL: discoveryURL, expectedIssuer: expectedIssuer)
    }

    /// The name.
    public var description: String { name }

    /// A URL written in this file; the literals above are valid, the fallback is never used.
    private static func knownURL(_ text: String) -> URL {
        URL(string: text) ?? URL(fileURLWithPath: "/")
    }
}
