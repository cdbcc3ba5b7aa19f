extension JSONByteDecodingState {
    /// The kind of the value at `offset` (-1 being a missing value read as null), from its first byte.
    func kind(at offset: Int) -> JSONValueKind {
        guard offset >= 0 else { return .null }
        switch layout.byte(at: offset) {
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: return .number
        }
    }

    /// Reads a string as `JSONDecoder` does.
    /// - Parameters:
    ///   - offset: The offset of the value.
    ///   - path: The coding path step of the container or decoder.
    ///   - key: The key of the value in its container, if any.
    /// - Returns: The string.
    /// - Throws: `DecodingError` when the value is not a string.
    func decodeString(at offset: Int, path: Int, key: @autoclosure () -> JSONByteCodingPathNode.Step?) throws -> String
    {
        try expect(.string, String.self, at: offset, path: path, key: key())
        var reader = reader(at: offset)
        do {
            return try reader.readString()
        } catch {
            throw unreadable(String.self, path: path, key: key())
        }
    }

    /// Reads a Boolean as `JSONDecoder` does: only `true` and `false`.
    /// - Parameters:
    ///   - offset: The offset of the value.
    ///   - path: The coding path step of the container or decoder.
    ///   - key: The key of the value in its container, if any.
    /// - Returns: The Boolean.
    /// - Throws: `DecodingError` when the value is not a Boolean.
    func decodeBool(at offset: Int, path: Int, key: @autoclosure () -> JSONByteCodingPathNode.Step?) throws -> Bool {
        try expect(.bool, Bool.self, at: offset, path: path, key: key())
        return layout.byte(at: offset) == UInt8(ascii: "t")
    }

    /// Reads an integer as `JSONDecoder` does: digits that fit, or a number with a fraction or an exponent
    /// whose `Double` value is an integer below 2^53 that fits (`3.0`, `1e2`); anything else throws.
    /// - Parameters:
    ///   - type: The integer type.
    ///   - offset: The offset of the value.
    ///   - path: The coding path step of the container or decoder.
    ///   - key: The key of the value in its container, if any.
    /// - Returns: The integer.
    /// - Throws: `DecodingError` when the value is not a number or does not fit.
    func decodeInteger<Integer: FixedWidthInteger>(
        _ type: Integer.Type, at offset: Int, path: Int, key: @autoclosure () -> JSONByteCodingPathNode.Step?
    ) throws -> Integer {
        try expect(.number, type, at: offset, path: path, key: key())
        var reader = reader(at: offset)
        do {
            let token = try reader.scanNumber()
            if !token.hasFractionOrExponent {
                if let integer = Self.integer(
                    Integer.self, digits: UnsafeBufferPointer(rebasing: layout.bytes[token.range]))
                {
                    return integer
                }
            } else {
                // JSONDecoder goes through Double, then through Decimal from 2^53 on: that last case is left to it.
                let double = try reader.double(token)
                if double.magnitude < 9_007_199_254_740_992, let integer = Integer(exactly: double) { return integer }
            }
        } catch {}
        throw unreadable(type, path: path, key: key())
    }

    /// Reads a `Double` as `JSONDecoder` does: the nearest value, an error beyond the range or when a
    /// non-zero number rounds to zero.
    /// - Parameters:
    ///   - offset: The offset of the value.
    ///   - path: The coding path step of the container or decoder.
    ///   - key: The key of the value in its container, if any.
    /// - Returns: The number.
    /// - Throws: `DecodingError` when the value is not a number or is out of range.
    func decodeDouble(at offset: Int, path: Int, key: @autoclosure () -> JSONByteCodingPathNode.Step?) throws -> Double
    {
        try expect(.number, Double.self, at: offset, path: path, key: key())
        var reader = reader(at: offset)
        do {
            let token = try reader.scanNumber()
            let double = try reader.double(token)
            if double != 0 || (token.significantDigits == 0 && !hasExponent(token)) { return double }
        } catch {}
        throw unreadable(Double.self, path: path, key: key())
    }

    /// Reads a `Float` as `JSONDecoder` does: parsed as a `Float` from the text (not through `Double`), an
    /// error beyond the range or when a non-zero number rounds to zero.
    /// - Parameters:
    ///   - offset: The offset of the value.
    ///   - path: The coding path step of the container or decoder.
    ///   - key: The key of the value in its container, if any.
    /// - Returns: The number.
    /// - Throws: `DecodingError` when the value is not a number or is out of range.
    func decodeFloat(at offset: Int, path: Int, key: @autoclosure () -> JSONByteCodingPathNode.Step?) throws -> Float {
        try expect(.number, Float.self, at: offset, path: path, key: key())
        var reader = reader(at: offset)
        do {
            let token = try reader.scanNumber()
            let text = String(decoding: UnsafeBufferPointer(rebasing: layout.bytes[token.range]), as: UTF8.self)
            if let float = Float(text), float.isFinite,
                float != 0 || (token.significantDigits == 0 && !hasExponent(token))
            {
                return float
            }
        } catch {}
        throw unreadable(Float.self, path: path, key: key())
    }

    /// Whether a number is written with an exponent. A zero written so (`0e1`, `0E2`) is left to `JSONDecoder`,
    /// which accepts or refuses it depending on where the exponent's digits fall.
    private func hasExponent(_ token: JSONByteReader.NumberToken) -> Bool {
        layout.bytes[token.range].contains { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
    }

    /// Whether the value at `offset` is `null` (a missing value read as null is).
    func isNull(at offset: Int) -> Bool {
        kind(at: offset) == .null
    }

    /// A reader at `offset`.
    private func reader(at offset: Int) -> JSONByteReader {
        var reader = JSONByteReader(layout.bytes)
        reader.position = max(offset, 0)
        return reader
    }

    /// The integer written as `digits` (with an optional minus sign), or `nil` when it does not fit.
    private static func integer<Integer: FixedWidthInteger>(
        _ type: Integer.Type, digits: UnsafeBufferPointer<UInt8>
    ) -> Integer? {
        var index = 0
        let isNegative = digits.first == UInt8(ascii: "-")
        if isNegative { index = 1 }
        var value: Integer = 0
        while index < digits.count {
            let digit = Integer(truncatingIfNeeded: digits[index] &- UInt8(ascii: "0"))
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) =
                isNegative ? product.subtractingReportingOverflow(digit) : product.addingReportingOverflow(digit)
            guard !overflow, !carry else { return nil }
            value = sum
            index += 1
        }
        return value
    }

    /// Throws the error `JSONDecoder` gives when the value at `offset` is not of `kind`: `valueNotFound` for
    /// null (`typeMismatch` for a Boolean, as it does), else `typeMismatch`.
    private func expect(
        _ kind: JSONValueKind, _ type: Any.Type, at offset: Int, path: Int,
        key: @autoclosure () -> JSONByteCodingPathNode.Step?
    ) throws {
        let found = self.kind(at: offset)
        guard found != kind else { return }
        let keys = codingPath(path, appending: key())
        if found == .null, kind != .bool {
            throw failure(
                DecodingError.valueNotFound(
                    type,
                    DecodingError.Context(
                        codingPath: keys,
                        debugDescription: "Cannot get value of type \(type) -- found null value instead"
                    )))
        }
        throw failure(
            DecodingError.typeMismatch(
                type,
                DecodingError.Context(
                    codingPath: keys,
                    debugDescription: "Expected to decode \(type) but found \(found.decodingName) instead.")))
    }

    /// The error for a value of the right kind that does not read as `type` (out of range, say).
    private func unreadable(_ type: Any.Type, path: Int, key: @autoclosure () -> JSONByteCodingPathNode.Step?)
        -> DecodingError
    {
        failure(
            DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: codingPath(path, appending: key()),
                    debugDescription: "The value does not read as \(type).")))
    }
}
