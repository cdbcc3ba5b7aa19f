/// A FHIR `code`: a token from a code system or value set, such as `"current"`.
public typealias FHIRCode = String

/// A FHIR `uri`: any URI, absolute or relative, such as `"urn:oid:1.2.250.1.213.1.4.8"`.
public typealias FHIRURI = String

/// A FHIR `url`: an absolute URL.
public typealias FHIRURL = String

/// A FHIR `canonical`: the canonical URL of a conformance resource, optionally with `|version`.
public typealias FHIRCanonical = String

/// A FHIR `id`: a logical id of up to 64 letters, digits, `-` and `.`.
public typealias FHIRID = String

/// A FHIR `markdown` string.
public typealias FHIRMarkdown = String
