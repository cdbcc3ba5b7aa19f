import Foundation
import HTTPTypes
import SanteAsyncHTTPClient
import SanteCore
import SanteHTTP
import SanteMockPlatform
import SanteTestSupport
import Testing

@Suite(
    "TLS client identities and trust roots (certificates made with openssl)",
    .enabled(if: OpenSSLTool.isAvailable, "the openssl command is not installed: TLS identity tests skipped"))
struct TLSIdentityTests {
    @Test("A PEM identity is read, and its thumbprint matches openssl's SHA-256 of the DER certificate")
    func pemIdentityThumbprint() async throws {
        let generated = try await GeneratedIdentity.make()
        let material = try TLSClientIdentityMaterial(
            .pem(certificateChain: generated.certificatePEM, privateKey: generated.privateKeyPEM, passphrase: nil))
        #expect(material.certificateChain.count == 1)
        #expect(material.leafCertificateDER == generated.certificateDER)
        #expect(generated.opensslDigest.count == 32)
        #expect(material.certificateThumbprint == generated.expectedThumbprint)
        #expect(material.certificateThumbprint.count == 43)
        #expect(!material.certificateThumbprint.contains("="))
    }

    @Test("An encrypted PEM key needs the right passphrase")
    func encryptedPEMKey() async throws {
        let generated = try await GeneratedIdentity.make()
        let identity = TLSClientIdentity.pem(
            certificateChain: generated.certificatePEM, privateKey: generated.encryptedPrivateKeyPEM,
            passphrase: generated.passphrase)
        #expect(try identity.certificateThumbprint() == generated.expectedThumbprint)

        let wrong = TLSClientIdentity.pem(
            certificateChain: generated.certificatePEM, privateKey: generated.encryptedPrivateKeyPEM,
            passphrase: "not the passphrase")
        let error = #expect(throws: SanteHTTPError.self) { try TLSClientIdentityMaterial(wrong) }
        #expect(error?.code == .configuration)
        #expect(error?.message.contains("private key") == true)
        #expect(error?.description.contains(generated.passphrase) == false)
    }

    @Test("A PKCS #12 identity is read with its passphrase and gives the same thumbprint")
    func pkcs12Identity() async throws {
        let generated = try await GeneratedIdentity.make()
        let material = try TLSClientIdentityMaterial(.pkcs12(generated.pkcs12, passphrase: generated.passphrase))
        #expect(material.leafCertificateDER == generated.certificateDER)
        #expect(material.certificateThumbprint == generated.expectedThumbprint)

        let error = #expect(throws: SanteHTTPError.self) {
            try TLSClientIdentityMaterial(.pkcs12(generated.pkcs12, passphrase: "wrong"))
        }
        #expect(error?.code == .configuration)
        #expect(error?.message.contains("PKCS #12") == true)
    }

    @Test(
        "The transport exposes its client certificate's thumbprint and still speaks plain HTTP",
        .timeLimit(.minutes(3)))
    func transportWithIdentity() async throws {
        let generated = try await GeneratedIdentity.make()
        let transport = try AsyncHTTPClientTransport(
            validating: AsyncHTTPClientTransport.Configuration(
                clientIdentity: .pem(
                    certificateChain: generated.certificatePEM, privateKey: generated.privateKeyPEM, passphrase: nil),
                trustRoots: .pem(generated.certificatePEM)))
        #expect(try transport.clientCertificateThumbprint() == generated.expectedThumbprint)
        #expect(try AsyncHTTPClientTransport().clientCertificateThumbprint() == nil)
        try await withPlatform { platform in
            let (response, body) = try await transport.send(
                mockRequest(platform, .get, "/_mock/echo?tls=ignored-for-http"), body: nil, context: RequestContext())
            #expect(response.status == .ok)
            let echo = try JSONDecoder().decode(Echo.self, from: try await collect(body))
            #expect(echo.query == "tls=ignored-for-http")
        }
    }

    @Test("Trust roots are read from PEM and DER")
    func trustRoots() async throws {
        let generated = try await GeneratedIdentity.make()
        for roots in [TLSTrustRoots.pem(generated.certificatePEM), .der([generated.certificateDER])] {
            for usage in [
                AsyncHTTPClientTransport.Configuration.TrustRootsUsage.inAdditionToSystemRoots, .insteadOfSystemRoots,
            ] {
                #expect(throws: Never.self) {
                    _ = try AsyncHTTPClientTransport(
                        validating: AsyncHTTPClientTransport.Configuration(trustRoots: roots, trustRootsUsage: usage))
                }
            }
        }
    }
}

@Suite("TLS configuration errors")
struct TLSConfigurationErrorTests {
    @Test(
        "Unreadable identities and trust roots are refused with .configuration errors",
        arguments: [
            AsyncHTTPClientTransport.Configuration(
                clientIdentity: .pem(certificateChain: "not PEM", privateKey: "not PEM either", passphrase: nil)),
            AsyncHTTPClientTransport.Configuration(clientIdentity: .pkcs12(Data([1, 2, 3]), passphrase: "x")),
            AsyncHTTPClientTransport.Configuration(trustRoots: .pem("-----BEGIN CERTIFICATE-----\nAAAA\n")),
            AsyncHTTPClientTransport.Configuration(trustRoots: .der([])),
            AsyncHTTPClientTransport.Configuration(trustRoots: .der([Data([0x30, 0x03, 0x02, 0x01, 0x01])])),
        ])
    func refused(configuration: AsyncHTTPClientTransport.Configuration) async throws {
        let error = #expect(throws: SanteHTTPError.self) {
            _ = try AsyncHTTPClientTransport(validating: configuration)
        }
        #expect(error?.code == .configuration)
        #expect(error?.requestWasSent == false)
        #expect(error?.isRetryable == false)
    }

    @Test(
        "A transport made without validation fails every request at once, before any connection",
        .timeLimit(.minutes(3)))
    func failsAtSend() async throws {
        let transport = AsyncHTTPClientTransport(
            configuration: AsyncHTTPClientTransport.Configuration(
                clientIdentity: .pem(certificateChain: "garbage", privateKey: "garbage", passphrase: nil)))
        #expect(throws: SanteHTTPError.self) { _ = try transport.clientCertificateThumbprint() }
        try await withPlatform { platform in
            let error = await #expect(throws: SanteHTTPError.self) {
                _ = try await transport.send(
                    mockRequest(platform, .get, "/_mock/echo"), body: nil,
                    context: RequestContext(options: RequestOptions(operation: "tls.check")))
            }
            #expect(error?.code == .configuration)
            #expect(error?.operation == "tls.check")
            #expect(error?.method == .get)
            #expect(await platform.requestLog.entries(forPath: "/_mock/echo").isEmpty)
        }
    }
}
