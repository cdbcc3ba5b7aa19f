/// Where the records of a buffer are, as byte offsets: what ``CSVRecordScanner`` finds and what a
/// ``CSVRecordBatch`` reads. Fields are found when read (see ``CSVFieldSplitter``).
struct CSVRecordIndex: Sendable {
    /// One record.
    struct Span: Sendable {
        /// The offset of the record's first byte.
        var start: Int
        /// The offset just after its last byte (the line end is not part of the record).
        var end: Int
        /// The 1-based line where it starts.
        var line: Int
        /// Whether a field of the record starts with a quote (its fields then need the quote-aware split).
        var hasQuotedField: Bool
    }

    /// The records, in order.
    private(set) var spans: [Span] = []

    /// The number of records.
    var count: Int { spans.count }

    /// Adds a record.
    mutating func append(_ span: Span) {
        spans.append(span)
    }

    /// Forgets the first `count` records.
    mutating func removeFirst(_ count: Int) {
        spans.removeFirst(Swift.min(count, spans.count))
    }
}

/// Splits a record into fields, with the scanner's rules: a quote is special only at the start of a field;
/// a quoted field ends at a quote that is not doubled, and any text after it up to the separator belongs to
/// the field.
enum CSVFieldSplitter {
    /// The offset of the separator that ends the field starting at `start`, or `end` for the last field.
    static func fieldEnd(
        from start: Int, to end: Int, in buffer: UnsafeBufferPointer<UInt8>, separator: UInt8, quotes: Bool
    ) -> Int {
        var index = start
        if quotes, index < end, buffer[index] == CSVQuoting.quote {
            index += 1
            while index < end {
                if buffer[index] == CSVQuoting.quote {
                    if index + 1 < end, buffer[index + 1] == CSVQuoting.quote {
                        index += 2
                        continue
                    }
                    index += 1
                    break
                }
                index += 1
            }
        }
        while index < end, buffer[index] != separator { index += 1 }
        return index
    }

    /// The byte range of field `position` of `span`, or `nil` when the record has no such field.
    static func fieldRange(
        _ position: Int, of span: CSVRecordIndex.Span, in buffer: UnsafeBufferPointer<UInt8>, separator: UInt8
    ) -> Range<Int>? {
        guard position >= 0 else { return nil }
        var start = span.start
        var remaining = position
        while true {
            let end = fieldEnd(
                from: start, to: span.end, in: buffer, separator: separator, quotes: span.hasQuotedField)
            if remaining == 0 { return start..<end }
            guard end < span.end else { return nil }
            start = end + 1
            remaining -= 1
        }
    }

    /// The byte ranges of every field of `span`.
    static func fieldRanges(
        of span: CSVRecordIndex.Span, in buffer: UnsafeBufferPointer<UInt8>, separator: UInt8
    ) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = span.start
        while true {
            let end = fieldEnd(
                from: start, to: span.end, in: buffer, separator: separator, quotes: span.hasQuotedField)
            ranges.append(start..<end)
            guard end < span.end else { return ranges }
            start = end + 1
        }
    }
}
