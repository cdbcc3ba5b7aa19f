/// The incremental state machine behind ``CSVRows``: it finds where each record ends in a byte stream cut
/// into arbitrary chunks, without copying a byte. Fields are split later, when read (``CSVFieldSplitter``).
///
/// Quotes are special only at the start of a field (as in RFC 4180 and Python's `csv`): a quoted field
/// may hold separators, CR, LF and doubled quotes (`""`); a quote in the middle of an unquoted field is
/// an ordinary character. Records end at LF, CRLF or a lone CR outside quotes. Empty lines give no record.
///
/// Outside quotes only LF, CR and `"` matter, and they are all below `#` (0x23), as few data bytes are:
/// the scanner skips eight bytes at a time while none of them is below 0x23. A quote starts a quoted field
/// when the byte before it is the separator or it starts the record.
struct CSVRecordScanner {
    private enum FieldState {
        case outside
        case quoted
        case quoteInQuoted
    }

    private static var quote: UInt8 { 0x22 }  // "
    private static var lineFeed: UInt8 { 0x0A }
    private static var carriageReturn: UInt8 { 0x0D }

    /// The separator, once known.
    private(set) var separator: UInt8?
    /// The next byte to scan.
    private(set) var position = 0
    /// Where the record in progress starts.
    private(set) var recordStart = 0
    private var state: FieldState = .outside
    private var recordHasQuotedField = false
    private var atStreamStart = true
    private var skipsLineFeed = false
    private var line = 1
    private var recordLine = 1
    /// Bytes dropped from the front of the buffer so far.
    private(set) var discardedBytes: Int64 = 0

    init(separator: UInt8?) {
        self.separator = separator
    }

    /// The line the next record starts on.
    var currentLine: Int { recordLine }

    /// Whether a quoted field is open.
    var isInsideQuotes: Bool { state == .quoted }

    /// Tells the scanner that the first `count` bytes of the buffer were dropped.
    mutating func discard(_ count: Int) {
        position -= count
        recordStart -= count
        discardedBytes += Int64(count)
    }

    /// Scans `buffer` from ``position``, appending every complete record to `records`, until the buffer
    /// ends or `records` holds `limit` records.
    /// - Parameters:
    ///   - buffer: The bytes.
    ///   - streamEnded: Whether no more bytes will come: the last record may then lack a line end.
    ///   - records: Where complete records go.
    ///   - limit: The most records `records` may hold.
    /// - Returns: `true` when the scanner stopped because of `limit`; `false` when it needs more bytes
    ///   (or, once the stream has ended, has nothing left).
    mutating func scan(
        _ buffer: UnsafeBufferPointer<UInt8>, streamEnded: Bool, into records: inout CSVRecordIndex, limit: Int
    ) -> Bool {
        if atStreamStart {
            if buffer.count - position < 3, !streamEnded { return false }
            if buffer.count - position >= 3, buffer[position] == 0xEF, buffer[position + 1] == 0xBB,
                buffer[position + 2] == 0xBF
            {
                position += 3
            }
            atStreamStart = false
            recordStart = position
        }
        if skipsLineFeed {
            guard position < buffer.count else {
                if streamEnded { endOfStream(buffer, into: &records) }
                return false
            }
            if buffer[position] == Self.lineFeed { position += 1 }
            skipsLineFeed = false
            recordStart = position
        }
        if separator == nil {
            guard let detected = detectSeparator(buffer, streamEnded: streamEnded) else { return false }
            separator = detected
        }
        let separator = separator ?? UInt8(ascii: ",")
        guard records.count < limit else { return true }
        guard let base = buffer.baseAddress else {
            if streamEnded { endOfStream(buffer, into: &records) }
            return false
        }
        let end = buffer.count
        var index = position
        defer { position = index }
        scanning: while index < end {
            switch state {
            case .quoted:
                // Inside quotes only a quote matters (and LF, for line numbers).
                while index < end {
                    let byte = base[index]
                    if byte == Self.quote { break }
                    if byte == Self.lineFeed { line += 1 }
                    index += 1
                }
                guard index < end else { break scanning }
                index += 1
                state = .quoteInQuoted
                continue
            case .quoteInQuoted:
                if base[index] == Self.quote {
                    // A doubled quote: still inside.
                    index += 1
                    state = .quoted
                    continue
                }
                state = .outside
            case .outside:
                break
            }
            index = Self.nextSpecialByte(from: index, to: end, in: base)
            guard index < end else { break scanning }
            let byte = base[index]
            if byte == Self.quote {
                if index == recordStart || base[index - 1] == separator {
                    state = .quoted
                    recordHasQuotedField = true
                }
                index += 1
                continue
            }
            // A line end closes the record.
            if index > recordStart {
                records.append(
                    CSVRecordIndex.Span(
                        start: recordStart, end: index, line: recordLine, hasQuotedField: recordHasQuotedField))
            }
            recordHasQuotedField = false
            index += 1
            line += 1
            recordLine = line
            recordStart = index
            if byte == Self.carriageReturn {
                if index < end {
                    if base[index] == Self.lineFeed { index += 1 }
                    recordStart = index
                } else {
                    skipsLineFeed = true
                }
            }
            if records.count >= limit { return true }
        }
        if streamEnded {
            position = index
            endOfStream(buffer, into: &records)
            index = position
        }
        return false
    }

    /// The offset of the first LF, CR or quote at or after `start`, or `end`.
    private static func nextSpecialByte(from start: Int, to end: Int, in base: UnsafePointer<UInt8>) -> Int {
        var index = start
        let raw = UnsafeRawPointer(base)
        while index < end {
            var stop = index + 1
            if index + 8 <= end {
                // Eight bytes at a time while none of them is below 0x23 (the classic "has a byte less than
                // n" test: exact for n <= 128; bytes from 0x80 are never flagged).
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let flagged = (word &- 0x2323_2323_2323_2323) & ~word & 0x8080_8080_8080_8080
                if flagged == 0 {
                    index += 8
                    continue
                }
                stop = index + 8
            }
            while index < stop {
                let byte = base[index]
                if byte < 0x23, byte == lineFeed || byte == carriageReturn || byte == quote { return index }
                index += 1
            }
        }
        return end
    }

    /// The last record, when the stream ends without a line end.
    private mutating func endOfStream(_ buffer: UnsafeBufferPointer<UInt8>, into records: inout CSVRecordIndex) {
        // An open quoted field is reported by the caller (``isInsideQuotes``), not returned as a record.
        guard recordStart < buffer.count, state != .quoted else { return }
        records.append(
            CSVRecordIndex.Span(
                start: recordStart, end: buffer.count, line: recordLine, hasQuotedField: recordHasQuotedField))
        recordHasQuotedField = false
        recordStart = buffer.count
        position = buffer.count
        state = .outside
    }

    /// The separator chosen from the first line, once it is complete (or the stream has ended).
    private func detectSeparator(_ buffer: UnsafeBufferPointer<UInt8>, streamEnded: Bool) -> UInt8? {
        var inQuotes = false
        var index = recordStart
        while index < buffer.count {
            let byte = buffer[index]
            if byte == Self.quote {
                inQuotes.toggle()
            } else if !inQuotes, byte == Self.lineFeed || byte == Self.carriageReturn {
                break
            }
            index += 1
        }
        guard index < buffer.count || streamEnded else { return nil }
        return CSVSeparator.detect(in: UnsafeBufferPointer(rebasing: buffer[recordStart..<index]))
    }
}
