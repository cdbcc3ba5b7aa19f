/// Tests on eight bytes at once, to skip the ordinary bytes of JSON strings quickly.
///
/// Each test answers exactly whether some byte of the word qualifies; which byte it is, is left to a
/// byte-by-byte loop.
enum JSONWordScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `offset`, in memory order in a little-endian word.
    @inline(__always)
    static func word(_ base: UnsafePointer<UInt8>, at offset: Int) -> UInt64 {
        UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
    }

    /// Whether a byte of `word` is `byte`.
    @inline(__always)
    static func contains(_ byte: UInt8, in word: UInt64) -> Bool {
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & highs != 0
    }

    /// Whether a byte of `word` is below 0x20 (a control character).
    @inline(__always)
    static func containsControl(_ word: UInt64) -> Bool {
        (word &- ones &* 0x20) & ~word & highs != 0
    }

    /// Whether a byte of `word` is 0x80 or above (not ASCII).
    @inline(__always)
    static func containsNonASCII(_ word: UInt64) -> Bool {
        word & highs != 0
    }
}
