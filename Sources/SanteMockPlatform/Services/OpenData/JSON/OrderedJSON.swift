/// A JSON value whose object members keep the order they were written in, with a fast serializer.
///
/// The real services do not all sort their keys (udata's API v2 and Vite Ma Dose keep insertion order), and the
/// generated files must be byte-for-byte reproducible; `JSONValue` (a dictionary) can do neither.
indirect enum OrderedJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([OrderedJSON])
    case object([Member])

    /// One member of an object.
    struct Member: Sendable, Equatable {
        let key: String
        let value: OrderedJSON

        init(_ key: String, _ value: OrderedJSON) {
            self.key = key
            self.value = value
        }
    }

    /// An integer value.
    static func int(_ value: Int) -> OrderedJSON { .integer(Int64(value)) }

    /// A string, or `null` when `value` is `nil`.
    static func optional(_ value: String?) -> OrderedJSON { value.map(OrderedJSON.string) ?? .null }

    /// An array of strings.
    static func strings(_ values: [String]) -> OrderedJSON { .array(values.map(OrderedJSON.string)) }

    /// The members of an object, or `nil`.
    var members: [Member]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The member named `key` of an object.
    subscript(key: String) -> OrderedJSON? {
        members?.first { $0.key == key }?.value
    }

    /// The same value with the members of every object sorted by key, as Flask's JSON encoder writes them.
    func sortedKeys() -> OrderedJSON {
        switch self {
        case .array(let values):
            return .array(values.map { $0.sortedKeys() })
        case .object(let members):
            let sorted = members.map { Member($0.key, $0.value.sortedKeys()) }.sorted { $0.key < $1.key }
            return .object(sorted)
        default:
            return self
        }
    }

    /// The compact JSON text as UTF-8 bytes.
    func serialized() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        write(into: &output)
        return output
    }

    /// Appends the compact JSON text to `output`.
    func write(into output: inout [UInt8]) {
        switch self {
        case .null:
            output.append(contentsOf: Self.nullBytes)
        case .bool(let value):
            output.append(contentsOf: value ? Self.trueBytes : Self.falseBytes)
        case .integer(let value):
            ASCII.appendInteger(value, to: &output)
        case .number(let value):
            output.append(contentsOf: Self.numberText(value).utf8)
        case .string(let value):
            Self.writeString(value, into: &output)
        case .array(let values):
            output.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                value.write(into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.writeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                member.value.write(into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// A finite number as Python's `repr` writes it (`84.0`, `0.5555555555555556`); non-finite numbers become `null`.
    static func numberText(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        return String(describing: value)
    }

    /// Appends a JSON string literal: quotes, backslashes and control characters escaped, other text as UTF-8.
    static func writeString(_ value: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00..<0x20:
                output.append(contentsOf: Array("\\u00".utf8))
                output.append(ASCII.hexDigit(byte >> 4))
                output.append(ASCII.hexDigit(byte & 0x0F))
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    private static let nullBytes = Array("null".utf8)
    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
}
