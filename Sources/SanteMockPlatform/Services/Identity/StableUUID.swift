/// Deterministic UUIDs for the mock's opaque identifiers (a patient token's `sub`, a professional's `sub`).
///
/// Not a secret and not a hash to rely on: a 64-bit FNV-1a of the text expanded by SplitMix64.
enum StableUUID {
    /// A version 8 UUID (RFC 9562 §5.8) derived from `text`: the same on every run and every platform.
    /// - Parameter text: The text, such as `"santekit-mock-patient:279035121518989"`.
    /// - Returns: A lower-case UUID string.
    static func make(from text: String) -> String {
        var seed: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            seed = (seed ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        var generator = SeededRandomNumberGenerator(seed: seed)
        let high = (generator.next() & ~0xF000) | 0x8000  // version 8 (custom), RFC 9562 §5.8
        let low = (generator.next() & ~(0b11 << 62)) | (0b10 << 62)  // variant 10
        let hex = hexadecimal(high) + hexadecimal(low)
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(hex.dropFirst(range.lowerBound).prefix(range.count))
        }
        return groups.joined(separator: "-")
    }

    /// Sixteen lower-case hexadecimal digits.
    private static func hexadecimal(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
