import Foundation

extension JSONByteReader {
    /// The parts of a number token, read in one pass.
    struct NumberToken {
        /// The token's bytes.
        var range: Range<Int>
        var isNegative = false
        /// The digits, integer and fraction parts together, while there are at most 19 significant ones.
        var mantissa: UInt64 = 0
        /// The digits from the first non-zero one.
        var significantDigits = 0
        /// The power of ten applied to ``mantissa``.
        var exponent = 0
        /// Whether the token has a fraction or an exponent.
        var hasFractionOrExponent = false
    }

    /// The powers of ten that a `Double` holds exactly.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22,
    ]

    /// Reads the number that starts here as ``JSONValue`` classifies numbers: ``JSONValue/integer(_:)``
    /// for an integral value that fits in 64 bits, written with or without fraction and exponent (`3`, `3.0`,
    /// `1e3`), ``JSONValue/number(_:)`` otherwise.
    /// - Returns: The value.
    /// - Throws: ``StreamingReadError`` when no number starts here or it is beyond `Double`.
    package mutating func readNumber() throws -> JSONValue {
        let token = try scanNumber()
        if !token.hasFractionOrExponent {
            if let integer = Self.integer(token) { return .integer(integer) }
            return .number(try double(token))
        }
        if token.significantDigits == 0 { return .integer(0) }
        if token.significantDigits > 15 || token.exponent < -19 {
            // JSONDecoder rounds such values in ways of its own (`1e-400` is the integer 0): ask it.
            return try decodedByFoundation(token)
        }
        if let integer = Self.exactInteger(token) { return .integer(integer) }
        return .number(try double(token))
    }

    /// The powers of ten that fit in 64 bits.
    private static let integerPowersOfTen: [UInt64] = (0...19).map { exponent in
        (0..<exponent).reduce(UInt64(1)) { power, _ in power * 10 }
    }

    /// The token's value, computed exactly, when it is an integer that fits in an `Int64`
    /// (`1.50e1` is 15; `1.5` is not an integer).
    private static func exactInteger(_ token: NumberToken) -> Int64? {
        var magnitude = token.mantissa
        if token.exponent >= 0 {
            guard token.exponent <= 19 else { return nil }
            let (product, overflow) = magnitude.multipliedReportingOverflow(by: integerPowersOfTen[token.exponent])
            guard !overflow else { return nil }
            magnitude = product
        } else {
            let divisor = integerPowersOfTen[-token.exponent]
            guard magnitude % divisor == 0 else { return nil }
            magnitude /= divisor
        }
        if token.isNegative { return magnitude <= 1 << 63 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// Reads the number that starts here as a `Double`, rounded to nearest as `JSONDecoder` does.
    /// - Returns: The value.
    /// - Throws: ``StreamingReadError`` when no number starts here or it is beyond `Double`.
    package mutating func readDouble() throws -> Double {
        try double(try scanNumber())
    }

    /// The token as an `Int64`, when it is an integer without fraction or exponent that fits.
    private static func integer(_ token: NumberToken) -> Int64? {
        guard token.significantDigits <= 19 else { return nil }
        if token.isNegative {
            if token.mantissa == 1 << 63 { return Int64.min }
            return token.mantissa < 1 << 63 ? -Int64(token.mantissa) : nil
        }
        return token.mantissa <= UInt64(Int64.max) ? Int64(token.mantissa) : nil
    }

    /// The token as the nearest `Double`.
    func double(_ token: NumberToken) throws -> Double {
        var value: Double
        if token.significantDigits <= 15, token.mantissa == 0 {
            value = 0
        } else if token.significantDigits <= 15, (-22...22).contains(token.exponent) {
            // Both operands are exact, so one correctly rounded operation gives the nearest Double.
            let mantissa = Double(token.mantissa)
            value =
                token.exponent < 0
                ? mantissa / Self.exactPowersOfTen[-token.exponent]
                : mantissa * Self.exactPowersOfTen[token.exponent]
        } else {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[token.range]), as: UTF8.self)
            guard let parsed = Double(text) else { throw syntaxError("a number cannot be read") }
            value = abs(parsed)
        }
        guard value.isFinite else { throw syntaxError("a number is beyond the range of Double") }
        return token.isNegative ? -value : value
    }

    /// The token decoded by `JSONDecoder` into a ``JSONValue``.
    private func decodedByFoundation(_ token: NumberToken) throws -> JSONValue {
        let data = Data(UnsafeBufferPointer(rebasing: bytes[token.range]))
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw syntaxError("a number cannot be read")
        }
    }

    /// Reads a number token, checking its grammar.
    mutating func scanNumber() throws -> NumberToken {
        guard peekByte() != nil else { throw syntaxError("expected a number") }
        var token = NumberToken(range: position..<position)
        if bytes[position] == UInt8(ascii: "-") {
            token.isNegative = true
            position += 1
        }
        guard position < bytes.count, Self.isDigit(bytes[position]) else { throw syntaxError("expected a digit") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while position < bytes.count, Self.isDigit(bytes[position]) {
                token.add(digit: bytes[position])
                position += 1
            }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            token.hasFractionOrExponent = true
            position += 1
            guard position < bytes.count, Self.isDigit(bytes[position]) else {
                throw syntaxError("expected a digit after a decimal point")
            }
            while position < bytes.count, Self.isDigit(bytes[position]) {
                token.add(digit: bytes[position])
                token.exponent -= 1
                position += 1
            }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            token.hasFractionOrExponent = true
            position += 1
            var negativeExponent = false
            if position < bytes.count, bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+") {
                negativeExponent = bytes[position] == UInt8(ascii: "-")
                position += 1
            }
            guard position < bytes.count, Self.isDigit(bytes[position]) else {
                throw syntaxError("expected a digit in an exponent")
            }
            var exponent = 0
            while position < bytes.count, Self.isDigit(bytes[position]) {
                exponent = min(exponent * 10 + Int(bytes[position] - UInt8(ascii: "0")), 1_000_000)
                position += 1
            }
            token.exponent += negativeExponent ? -exponent : exponent
        }
        token.range = token.range.lowerBound..<position
        return token
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }
}

extension JSONByteReader.NumberToken {
    /// Adds one digit to the mantissa; past 19 significant digits only the count grows.
    @inline(__always)
    mutating func add(digit: UInt8) {
        let value = UInt64(digit - UInt8(ascii: "0"))
        if significantDigits == 0, value == 0 { return }
        significantDigits += 1
        if significantDigits <= 19 { mantissa = mantissa * 10 + value }
    }
}
