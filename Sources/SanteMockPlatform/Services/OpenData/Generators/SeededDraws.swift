/// Deterministic random draws for generated data: the same seed and key always give the same sequence, on every
/// platform and Swift version (the arithmetic is spelled out instead of relying on `random(in:using:)`).
///
/// The key separates independent streams (one per file, per department, per row), so that generating one file
/// never shifts the values of another and any row can be generated on its own.
struct SeededDraws {
    private var generator: SeededRandomNumberGenerator

    /// A stream for `key` under the platform `seed`.
    init(seed: UInt64, key: String) {
        generator = SeededRandomNumberGenerator(seed: Self.mix(seed, Self.fnv1a(key)))
    }

    /// A stream for `key` and a number (such as a row index) under the platform `seed`.
    init(seed: UInt64, key: String, index: Int) {
        generator = SeededRandomNumberGenerator(
            seed: Self.mix(Self.mix(seed, Self.fnv1a(key)), UInt64(bitPattern: Int64(index))))
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        generator.next()
    }

    /// An integer in `range` (the tiny modulo bias does not matter for test data).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % width)
    }

    /// A number in `range`.
    mutating func double(in range: ClosedRange<Double>) -> Double {
        let unit = Double(next() >> 11) * 0x1p-53
        return range.lowerBound + unit * (range.upperBound - range.lowerBound)
    }

    /// `true` with the given probability.
    mutating func chance(_ probability: Double) -> Bool {
        double(in: 0...1) < probability
    }

    /// One element of a non-empty array (the first one when `values` is empty is impossible by construction).
    mutating func pick<Element>(_ values: [Element]) -> Element {
        values[int(in: 0...(values.count - 1))]
    }

    /// A lower-case hexadecimal string of `count` digits.
    mutating func hex(_ count: Int) -> String {
        var digits: [UInt8] = []
        while digits.count < count {
            var bits = next()
            for _ in 0..<16 where digits.count < count {
                digits.append(ASCII.hexDigit(UInt8(bits & 0x0F)))
                bits >>= 4
            }
        }
        return String(decoding: digits, as: UTF8.self)
    }

    /// 64-bit FNV-1a of the UTF-8 bytes of `text`.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    private static func mix(_ left: UInt64, _ right: UInt64) -> UInt64 {
        var value = left ^ (right &+ 0x9E37_79B9_7F4A_7C15 &+ (left << 6) &+ (left >> 2))
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
