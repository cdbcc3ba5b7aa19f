extension MockPSCClient {
    /// The subject of the seeded `santekit-mtls` client's certificate:
    /// `CN=santekit-mtls,O=SanteKit Mock,C=FR`.
    public static let mutualTLSDemoSubject = MockCertificateSubject(
        commonName: "santekit-mtls", organization: "SanteKit Mock", country: "FR")

    /// The seeded `santekit-mtls` client: `tls_client_auth` only, recognised by a certificate whose subject is
    /// ``mutualTLSDemoSubject`` (issue one with ``MockCertificateAuthority/issueCertificate(for:notValidBefore:notValidAfter:)``),
    /// loopback redirects on any port, RS256 ID tokens, JSON userinfo.
    public static var mutualTLSDemo: MockPSCClient {
        MockPSCClient(
            clientID: "santekit-mtls", tokenEndpointAuthMethod: .tlsClientAuth,
            tlsClientAuthSubjectDN: mutualTLSDemoSubject.distinguishedName)
    }
}
