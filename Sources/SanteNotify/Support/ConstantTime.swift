import Foundation

/// Comparison of secrets whose duration does not depend on where they differ.
enum ConstantTime {
    /// Whether `left` and `right` hold the same bytes. Only the lengths can leak through timing.
    static func equals(_ left: some Collection<UInt8>, _ right: some Collection<UInt8>) -> Bool {
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for (leftByte, rightByte) in zip(left, right) {
            difference |= leftByte ^ rightByte
        }
        return difference == 0
    }

    /// Whether `left` and `right` have the same UTF-8 bytes, compared in constant time.
    static func equals(_ left: String, _ right: String) -> Bool {
        equals(Array(left.utf8), Array(right.utf8))
    }
}
