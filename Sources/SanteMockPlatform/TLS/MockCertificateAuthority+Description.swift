extension MockCertificateAuthority: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The authority's subject; never its key.
    public var description: String { "MockCertificateAuthority(subject: \(subjectDistinguishedName))" }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror showing only the subject, so that `dump` prints no key.
    public var customMirror: Mirror {
        Mirror(self, children: ["subjectDistinguishedName": subjectDistinguishedName], displayStyle: .struct)
    }
}
