import Foundation
import SanteCore

/// Runs the byte-level parser and `JSONDecoder` on the same text.
enum JSONByteReaderSupport {
    /// The value the byte-level parser gives.
    static func parse(_ text: String) throws -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// The value the byte-level parser gives.
    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBytes { try JSONValue(jsonBytes: $0) }
    }

    /// The value `JSONDecoder` gives, or `nil` when it fails.
    static func foundation(_ bytes: [UInt8]) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }

    /// Whether a number is `-0.0`, which `==` does not tell from `0.0`.
    static func signsMatch(_ left: JSONValue, _ right: JSONValue) -> Bool {
        switch (left, right) {
        case (.number(let a), .number(let b)): a.sign == b.sign
        case (.array(let a), .array(let b)): a.count == b.count && zip(a, b).allSatisfy { signsMatch($0, $1) }
        case (.object(let a), .object(let b)):
            a.count == b.count && a.allSatisfy { key, value in b[key].map { signsMatch(value, $0) } ?? false }
        default: true
        }
    }

    /// A deterministic generator for the random inputs.
    struct Random {
        private var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }
}
