/// A FHIR code from a fixed list, such as a Bundle type, kept as an extensible string constant.
///
/// Conforming types list the known codes as static constants, yet any code read from the wire is
/// kept, so a code added by a later FHIR version never breaks decoding.
public protocol FHIRCodeValue: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
where RawValue == String {
    /// Creates the code from its string form.
    init(rawValue: String)
}

extension FHIRCodeValue {
    /// Creates the code from a string literal.
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    /// The code's string form.
    public var description: String { rawValue }
}
