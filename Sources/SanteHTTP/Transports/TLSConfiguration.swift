public import Foundation

/// A TLS client certificate and its private key, for mutual TLS (IGC-Santé certificates).
///
/// The ``URLSessionTransport`` cannot present one (FoundationNetworking on Linux has no client certificate
/// support, and the Apple keychain import is not implemented); use the AsyncHTTPClient transport from the
/// `SanteAsyncHTTPClient` product. The description never shows the key.
public enum TLSClientIdentity: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// A PEM certificate chain (leaf first) and a PEM private key, optionally encrypted with `passphrase`.
    case pem(certificateChain: String, privateKey: String, passphrase: String?)
    /// A PKCS #12 bundle and its passphrase.
    case pkcs12(Data, passphrase: String)

    /// Names the kind of identity, never its content.
    public var description: String {
        switch self {
        case .pem: "TLSClientIdentity.pem([REDACTED])"
        case .pkcs12: "TLSClientIdentity.pkcs12([REDACTED])"
        }
    }

    /// The same as ``description``: never the key, the certificates or the passphrase.
    public var debugDescription: String { description }

    /// A mirror without children, so that `dump` prints no key, certificate or passphrase.
    public var customMirror: Mirror {
        Mirror(self, children: [], displayStyle: .enum)
    }
}

/// Certificate authorities to trust instead of (or beside) the system's, such as the IGC-Santé roots.
public enum TLSTrustRoots: Sendable, Hashable, CustomStringConvertible {
    /// One or more PEM certificates.
    case pem(String)
    /// DER-encoded certificates.
    case der([Data])

    /// Names the kind of roots.
    public var description: String {
        switch self {
        case .pem: "TLSTrustRoots.pem"
        case .der(let certificates): "TLSTrustRoots.der(\(certificates.count) certificates)"
        }
    }
}
