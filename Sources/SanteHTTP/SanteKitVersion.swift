/// The version of SanteKit, as sent in the `User-Agent` header.
public enum SanteKitVersion {
    /// The current SanteKit version string, such as `"0.1.0"`.
    public static let current = "0.1.0"
}
