/// Fast appends of ASCII text to byte buffers, for the generators that write megabytes of CSV and JSON.
enum ASCII {
    /// Appends the decimal digits of `value`.
    static func appendInteger(_ value: Int64, to output: inout [UInt8]) {
        if value < 0 {
            output.append(UInt8(ascii: "-"))
            // The magnitude of Int64.min does not fit an Int64; it goes through UInt64.
            appendUnsigned(value.magnitude, to: &output)
        } else {
            appendUnsigned(UInt64(value), to: &output)
        }
    }

    /// Appends the decimal digits of `value`.
    static func appendInteger(_ value: Int, to output: inout [UInt8]) {
        appendInteger(Int64(value), to: &output)
    }

    /// Appends the decimal digits of `value`, left-padded with zeros to `width`.
    static func appendPadded(_ value: Int, width: Int, to output: inout [UInt8]) {
        var digits = 1
        var rest = value / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        if digits < width {
            output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digits))
        }
        appendInteger(value, to: &output)
    }

    /// Appends `value` with exactly `places` decimals and `separator` (`.` or `,`), rounded half away from zero.
    static func appendDecimal(
        _ value: Double, places: Int, separator: UInt8 = UInt8(ascii: "."), to output: inout [UInt8]
    ) {
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * Double(scale)).rounded()
        let units = Int64(scaled)
        if value < 0 && units != 0 { output.append(UInt8(ascii: "-")) }
        appendUnsigned(UInt64(units / scale), to: &output)
        if places > 0 {
            output.append(separator)
            appendPadded(Int(units % scale), width: places, to: &output)
        }
    }

    /// Appends the UTF-8 bytes of `text`.
    static func append(_ text: String, to output: inout [UInt8]) {
        output.append(contentsOf: text.utf8)
    }

    /// The lower-case hexadecimal digit of a nibble.
    static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    /// Lower-case hexadecimal text of `bytes`.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var output: [UInt8] = []
        for byte in bytes {
            output.append(hexDigit(byte >> 4))
            output.append(hexDigit(byte & 0x0F))
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func appendUnsigned(_ value: UInt64, to output: inout [UInt8]) {
        if value < 10 {
            output.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: enough for 20 digits
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &buffer) { raw in
            while rest > 0 {
                raw[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) {
                output.append(raw[index])
            }
        }
    }
}
