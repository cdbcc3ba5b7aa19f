import Foundation
import HTTPTypes
import Testing

@testable import SanteHTTP

@Suite("HTTPRedactor")
struct RedactionTests {
    let redactor = HTTPRedactor.default

    @Test(
        "Sensitive header names are redacted",
        arguments: [
            "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-API-KEY", "ESANTE-API-KEY",
            "webhook-signature", "X-Auth-Token", "X-Client-Secret", "Idempotency-Key",
        ])
    func sensitiveHeaders(name: String) {
        #expect(redactor.isSensitiveHeaderName(name))
        #expect(redactor.redactedHeaderValue("s3cr3t", name: name) == HTTPRedactor.placeholder)
    }

    @Test(
        "Ordinary headers and authentication challenges are kept",
        arguments: ["Accept", "Content-Type", "X-Request-ID", "User-Agent", "WWW-Authenticate", "Keep-Alive"])
    func ordinaryHeaders(name: String) {
        #expect(!redactor.isSensitiveHeaderName(name))
        #expect(redactor.redactedHeaderValue("value", name: name) == "value")
    }

    @Test("The header allow-list keeps a value whose name looks sensitive")
    func headerAllowList() {
        let lenient = HTTPRedactor(allowedHeaderNames: ["idempotency-key"])
        #expect(lenient.redactedHeaderValue("abc", name: "Idempotency-Key") == "abc")
        #expect(lenient.redactedHeaderValue("abc", name: "Authorization") == HTTPRedactor.placeholder)
    }

    @Test("redactedHeaders keeps order and replaces only sensitive values")
    func headerFields() {
        let fields: HTTPFields = [.authorization: "Bearer abc", .accept: "application/json", .apiKey: "k"]
        let redacted = redactor.redactedHeaders(fields)
        #expect(redacted[.authorization] == "[REDACTED]")
        #expect(redacted[.accept] == "application/json")
        #expect(redacted[.apiKey] == "[REDACTED]")
        #expect(redacted.map(\.name) == fields.map(\.name))
    }

    @Test(
        "Sensitive query parameters are redacted",
        arguments: [
            "access_token", "code", "client_secret", "client_assertion", "state", "api_key", "password",
            "refresh_token", "id_token_hint", "X-Amz-Signature",
        ])
    func sensitiveQuery(name: String) {
        let url = redactor.redactedURL("https://h.example/cb?\(name)=abc123&page=2")
        #expect(url == "https://h.example/cb?\(name)=[REDACTED]&page=2")
    }

    @Test("Percent-encoded query names are decoded before matching")
    func encodedQueryName() {
        #expect(redactor.redactedURL("/x?access%5Ftoken=abc") == "/x?access%5Ftoken=[REDACTED]")
    }

    @Test("The query allow-list keeps a parameter whose name looks sensitive")
    func queryAllowList() {
        let lenient = HTTPRedactor(allowedQueryParameterNames: ["code"])
        #expect(lenient.redactedURL("/x?code=12&state=s") == "/x?code=12&state=[REDACTED]")
    }

    @Test(
        "NIR and INS values are redacted anywhere in a URL",
        arguments: [
            ("/Patient?identifier=1850578123456", "/Patient?identifier=[REDACTED]"),
            ("/Patient?identifier=185057812345678", "/Patient?identifier=[REDACTED]"),
            ("/Patient/185057812345678/$everything", "/Patient/[REDACTED]/$everything"),
            (
                "/Patient?identifier=urn:oid:1.2.250.1.213.1.4.8%7C285022A12345678",
                "/Patient?identifier=urn:oid:1.2.250.1.213.1.4.8%7C[REDACTED]"
            ),
            ("/p?ins=185052b123456", "/p?ins=[REDACTED]"),
            ("/p?q=%20185057812345678", "/p?q=%20[REDACTED]"),
            ("/p?ins=1850578123456#185057812345678", "/p?ins=[REDACTED]#[REDACTED]"),
        ])
    func healthIdentifiers(url: String, expected: String) {
        #expect(redactor.redactedURL(url) == expected)
    }

    @Test(
        "Other numbers are kept",
        arguments: ["/Patient?_count=50", "/p?rpps=10003456789", "/p?id=12345678901234", "/p?n=1234567890123456"])
    func otherNumbers(url: String) {
        #expect(redactor.redactedURL(url) == url)
    }

    @Test("Health identifiers in header values are redacted, unless disabled")
    func healthIdentifierInHeader() {
        #expect(redactor.redactedHeaderValue("patient 1850578123456", name: "X-Patient") == "patient [REDACTED]")
        let off = HTTPRedactor(redactsHealthIdentifiers: false)
        #expect(off.redactedHeaderValue("1850578123456", name: "X-Patient") == "1850578123456")
    }

    @Test("User information in a URL is redacted")
    func userInfo() {
        #expect(redactor.redactedURL("https://user:pw@h.example/a?b=1") == "https://[REDACTED]@h.example/a?b=1")
    }

    @Test("Location headers get URL redaction")
    func locationHeader() {
        let value = redactor.redactedHeaderValue("https://app.example/cb?code=xyz&state=abc", name: "Location")
        #expect(value == "https://app.example/cb?code=[REDACTED]&state=[REDACTED]")
    }

    @Test("A request's URL is rebuilt and redacted")
    func requestURL() {
        let request = Fixtures.request(path: "/fhir/Patient?identifier=1850578123456&access_token=t")
        #expect(
            redactor.redactedURL(of: request)
                == "https://api.example.fr/fhir/Patient?identifier=[REDACTED]&access_token=[REDACTED]")
    }

    @Test("Bodies are summarised by size only")
    func bodySummary() {
        #expect(redactor.bodySummary(nil) == "none")
        #expect(redactor.bodySummary(HTTPBody("secret")) == "6 bytes")
        #expect(redactor.bodySummary(HTTPBody([ArraySlice<UInt8>([1])].async)) == "unknown length")
    }
}

@Suite("TLS client identity redaction")
struct TLSClientIdentityRedactionTests {
    @Test("Neither describing, reflecting nor dumping shows the key or the passphrase")
    func identityIsRedacted() {
        let pem = TLSClientIdentity.pem(
            certificateChain: "-----BEGIN CERTIFICATE-----CERTDATA", privateKey: "-----BEGIN PRIVATE KEY-----KEYDATA",
            passphrase: "hunter2")
        let pkcs12 = TLSClientIdentity.pkcs12(Data("PKCS12DATA".utf8), passphrase: "hunter2")
        for identity in [pem, pkcs12] {
            var dumped = ""
            dump(identity, to: &dumped)
            for text in [String(describing: identity), String(reflecting: identity), "\(identity)", dumped] {
                #expect(!text.contains("KEYDATA"), "\(text)")
                #expect(!text.contains("hunter2"), "\(text)")
                #expect(!text.contains("privateKey"), "\(text)")
                #expect(text.contains("[REDACTED]"), "\(text)")
            }
        }
    }
}
