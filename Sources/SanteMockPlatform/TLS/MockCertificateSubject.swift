import SwiftASN1
import X509

/// The subject of a certificate issued by a ``MockCertificateAuthority``: its distinguished name.
///
/// IGC-Santé certificates name a person or a structure in the same attributes; a `tls_client_auth` client
/// is recognised by its certificate's subject (``MockPSCClient/tlsClientAuthSubjectDN``).
///
/// ```swift
/// let subject = MockCertificateSubject(commonName: "santekit-mtls", organization: "SanteKit Mock", country: "FR")
/// subject.distinguishedName   // "CN=santekit-mtls,O=SanteKit Mock,C=FR"
/// ```
public struct MockCertificateSubject: Sendable, Hashable, CustomStringConvertible {
    /// The common name (`CN`), such as a client id or a structure's name.
    public var commonName: String
    /// The organizational unit (`OU`), if any.
    public var organizationalUnit: String?
    /// The organization (`O`), if any.
    public var organization: String?
    /// The two-letter country code (`C`), if any, such as `"FR"`.
    public var country: String?

    /// Creates a subject.
    /// - Parameters:
    ///   - commonName: The common name (`CN`).
    ///   - organizationalUnit: The organizational unit (`OU`), if any.
    ///   - organization: The organization (`O`), if any.
    ///   - country: The two-letter country code (`C`), if any.
    public init(
        commonName: String, organizationalUnit: String? = nil, organization: String? = nil, country: String? = nil
    ) {
        self.commonName = commonName
        self.organizationalUnit = organizationalUnit
        self.organization = organization
        self.country = country
    }

    /// The distinguished name as RFC 4514 writes it, most specific attribute first, such as
    /// `"CN=santekit-mtls,O=SanteKit Mock,C=FR"`: the form compared with a client's registered subject.
    public var distinguishedName: String {
        (try? x509Name()).map { String(describing: $0) } ?? "CN=\(commonName)"
    }

    /// The same as ``distinguishedName``.
    public var description: String { distinguishedName }

    /// The X.509 name: country, organization, unit, then common name (RFC 4514 prints them reversed).
    func x509Name() throws -> DistinguishedName {
        typealias Attribute = RelativeDistinguishedName.Attribute
        typealias AttributeType = ASN1ObjectIdentifier.RDNAttributeType
        var attributes: [Attribute] = []
        if let country {
            attributes.append(try Attribute(type: AttributeType.countryName, printableString: country))
        }
        if let organization {
            attributes.append(Attribute(type: AttributeType.organizationName, utf8String: organization))
        }
        if let organizationalUnit {
            attributes.append(Attribute(type: AttributeType.organizationalUnitName, utf8String: organizationalUnit))
        }
        attributes.append(Attribute(type: AttributeType.commonName, utf8String: commonName))
        return DistinguishedName(attributes.map { RelativeDistinguishedName($0) })
    }
}
