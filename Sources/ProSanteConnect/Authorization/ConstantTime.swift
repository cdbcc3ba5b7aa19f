/// Comparison of secrets (`state`, `nonce`, hashes) whose duration does not depend on where they differ.
enum ConstantTime {
    /// Whether `left` and `right` have the same UTF-8 bytes. Only the length can leak through timing.
    static func equals(_ left: String, _ right: String) -> Bool {
        let leftBytes = Array(left.utf8)
        let rightBytes = Array(right.utf8)
        guard leftBytes.count == rightBytes.count else { return false }
        var difference: UInt8 = 0
        for index in leftBytes.indices {
            difference |= leftBytes[index] ^ rightBytes[index]
        }
        return difference == 0
    }
}
