extension JSONByteDecodingState {
    /// The member count above which a keyed container finds keys through a table rather than by comparing
    /// names one after the other.
    static let largeObjectMemberCount = 24

    /// The offset of the value of the first member named `key` in a large object, through a table of its
    /// distinct names built at the first lookup (the first of names equal as `String`s wins, as in
    /// `JSONDecoder`).
    /// - Parameters:
    ///   - key: The key.
    ///   - range: The object's members in ``members``.
    func largeObjectValueOffset(forKey key: String, in range: Range<Int>) -> Int? {
        if let table = largeObjectTables[range.lowerBound] { return table[key] }
        var table: [String: Int] = Dictionary(minimumCapacity: range.count)
        for index in range {
            let member = members[index]
            let name = name(of: member)
            if table[name] == nil { table[name] = member.value }
        }
        largeObjectTables[range.lowerBound] = table
        return table[key]
    }
}
