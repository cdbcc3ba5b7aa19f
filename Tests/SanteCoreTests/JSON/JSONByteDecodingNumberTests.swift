import Foundation
import SanteCore
import Testing

@Suite("JSONByteDecoding reads numbers and Booleans as JSONDecoder does")
struct JSONByteDecodingNumberTests {
    typealias Support = JSONByteDecodingSupport

    /// Texts around the bounds of `Integer`, and shapes JSONDecoder treats in its own ways.
    static func integerTexts<Integer: FixedWidthInteger>(_ type: Integer.Type) -> [String] {
        let min = String(Integer.min)
        let max = String(Integer.max)
        // No maximum ends in 9, so adding one to the last digit is enough.
        let pastMax = String(max.dropLast()) + String((max.last?.wholeNumberValue ?? 0) + 1)
        return [
            min, max, pastMax, "-" + pastMax, min + ".0", max + ".0", max + "e0", "0", "-0", "-0.0", "0e5", "1.0",
            "1e2",
            "1E2", "1.5e1", "1.5", "-1", "-1.0", "1e-400", "1.0000000000000001", "9007199254740993",
            "9007199254740993.0",
            "9007199254740992.0", "-9007199254740991.0", "1e19", "1e20", "18446744073709551615", "18446744073709551616",
            "-9223372036854775809", "\"1\"", "true", "null", "[1]", "{}", "1e400", "123456789012345678901234567890",
        ]
    }

    /// Checks `Integer` as a value, an optional member and an array element.
    static func checkInteger<Integer: FixedWidthInteger & Decodable>(_ type: Integer.Type) {
        for text in integerTexts(type) {
            Support.check(Integer.self, text)
            Support.check([Integer].self, "[" + text + "]")
            Support.check([Integer?].self, "[" + text + ",null]")
            Support.check([String: Integer].self, #"{"v":"# + text + "}")
            Support.check(Member<Integer>.self, #"{"v":"# + text + "}")
        }
    }

    /// One member of any type, decoded with the typed methods.
    struct Member<Value: Decodable & Equatable>: Decodable, Equatable {
        var v: Value?
    }

    @Test("every integer width at its bounds and one past")
    func integers() {
        Self.checkInteger(Int.self)
        Self.checkInteger(Int8.self)
        Self.checkInteger(Int16.self)
        Self.checkInteger(Int32.self)
        Self.checkInteger(Int64.self)
        Self.checkInteger(UInt.self)
        Self.checkInteger(UInt8.self)
        Self.checkInteger(UInt16.self)
        Self.checkInteger(UInt32.self)
        Self.checkInteger(UInt64.self)
        Self.checkInteger(Int128.self)
        Self.checkInteger(UInt128.self)
    }

    static let floatTexts: [String] = [
        "0", "-0", "0.0", "-0.0", "1", "1.5", "-2.25", "0.1", "0.30000000000000004", "1e308", "1.7976931348623157e308",
        "1.7976931348623159e308", "1.8e308", "1e309", "-1e309", "5e-324", "2e-324", "3e-324", "1e-400", "0e-400",
        "2.2250738585072014e-308", "123456789012345678901234567890", "9007199254740993", "3.4028235e38", "3.4028236e38",
        "3.5e38", "1e-45", "1.4e-45", "7e-46", "1e-50", "16777217", "0.1e1", "1E2", "1e+2", "48.8566101",
        "2.3522219", "\"1.5\"", "true", "null", "\"nan\"", "\"inf\"", "12345.678e-3",
        // Zeros with an exponent: JSONDecoder refuses some (`0e1`, `0E9`, `-0.0E2`) and accepts others.
        "0e1", "0E2", "0E9", "-0.0E2", "0e-1", "0.0e1", "-0e1", "0e0", "0.00E+5",
    ]

    @Test("Double and Float edge values, with their signs", arguments: floatTexts)
    func floats(text: String) {
        Support.check(Double.self, text)
        Support.check(Float.self, text)
        Support.check([Double].self, "[" + text + "]")
        Support.check([Float?].self, "[" + text + "]")
        Support.check(Member<Double>.self, #"{"v":"# + text + "}")
        Support.check(Member<Float>.self, #"{"v":"# + text + "}")
        if let fast = Support.fast(Double.self, Array(text.utf8)),
            let expected = try? JSONDecoder().decode(Double.self, from: Data(text.utf8))
        {
            #expect(fast.bitPattern == expected.bitPattern, "\(text)")
        }
        if let fast = Support.fast(Float.self, Array(text.utf8)),
            let expected = try? JSONDecoder().decode(Float.self, from: Data(text.utf8))
        {
            #expect(fast.bitPattern == expected.bitPattern, "\(text)")
        }
    }

    @Test("random numbers read as Double, Float, Int and Int32 as JSONDecoder reads them")
    func randomNumbers() {
        var random = JSONByteReaderSupport.Random(seed: 99)
        var fastCount = 0
        for _ in 0..<4_000 {
            var text = random.next(4) == 0 ? "-" : ""
            let integerDigits = 1 + random.next(random.next(3) == 0 ? 22 : 8)
            text += String(1 + random.next(9))
            for _ in 1..<integerDigits { text += String(random.next(10)) }
            if random.next(2) == 0 {
                text += "."
                for _ in 0...random.next(random.next(3) == 0 ? 20 : 6) { text += String(random.next(10)) }
            }
            if random.next(3) == 0 {
                text += ["e", "E", "e+", "e-"][random.next(4)] + String(random.next(random.next(4) == 0 ? 330 : 25))
            }
            if Support.check([Double].self, "[" + text + "]") { fastCount += 1 }
            Support.check([Float].self, "[" + text + "]")
            Support.check([Int].self, "[" + text + "]")
            Support.check([Int32].self, "[" + text + "]")
        }
        #expect(fastCount > 3_000)
    }

    @Test(
        "Booleans are only true and false",
        arguments: ["true", "false", "0", "1", "\"true\"", "null", "[true]", "tru", "truex", "true ,"])
    func booleans(text: String) {
        Support.check(Bool.self, text)
        Support.check([Bool].self, "[" + text + "]")
        Support.check(Member<Bool>.self, #"{"v":"# + text + "}")
        Support.check([Bool?].self, "[" + text + ",null]")
    }

    @Test("dates with the default strategy decode from a number", arguments: ["0", "1000.5", "-1e10", "\"0\"", "null"])
    func dates(text: String) {
        Support.check(Date.self, text)
        Support.check([Date].self, "[" + text + "]")
        Support.check(Member<Date>.self, #"{"v":"# + text + "}")
    }
}
