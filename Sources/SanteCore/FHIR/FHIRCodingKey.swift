/// A coding key for any member name, so FHIR types can read members they model and keep the rest.
///
/// `package` so that the byte-level decoders of other SanteKit modules build coding paths with it.
package struct FHIRCodingKey: CodingKey, Hashable {
    /// The member name (or the index as text).
    package let stringValue: String
    /// The array index, for an element's key.
    package let intValue: Int?

    /// The key of the member `stringValue`.
    /// - Parameter stringValue: The member name.
    package init(_ stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    /// The key of the member `stringValue`.
    /// - Parameter stringValue: The member name.
    package init?(stringValue: String) {
        self.init(stringValue)
    }

    /// The key of the array element at `intValue`.
    /// - Parameter intValue: The index.
    package init?(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}
