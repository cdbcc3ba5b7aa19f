/// The incremental state machine behind ``CSVRows``: it finds where each record ends in a byte stream
/// cut into arbitrary chunks, and splits a complete record into fields.
///
/// Quotes are special only at the start of a field (as in RFC 4180 and Python's `csv`): a quoted field
/// may hold separators, CR, LF and doubled quotes (`""`); a quote in the middle of an unquoted field is
/// an ordinary character. Records end at LF, CRLF or a lone CR outside quotes.
struct CSVRecordScanner {
    enum Event: Equatable {
        /// A complete record occupies this range of the buffer; it starts on `line`.
        case record(Range<Int>, line: Int)
        /// The buffer ends before the end of the next record.
        case needMoreData
    }

    private enum FieldState {
        case fieldStart
        case unquoted
        case quoted
        case quoteInQuoted
    }

    private static var quote: UInt8 { 0x22 }  // "
    private static var lineFeed: UInt8 { 0x0A }
    private static var carriageReturn: UInt8 { 0x0D }

    /// The separator, once known.
    var separator: UInt8?
    /// The next byte to scan.
    private(set) var position = 0
    /// Where the record in progress starts.
    private(set) var recordStart = 0
    private var state: FieldState = .fieldStart
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

    /// Scans `buffer` to the end of the next record.
    /// - Parameter streamEnded: Whether no more bytes will come: the last record may then lack a line end.
    mutating func scan(_ buffer: UnsafeBufferPointer<UInt8>, streamEnded: Bool) -> Event {
        if atStreamStart {
            if buffer.count - position < 3, !streamEnded { return .needMoreData }
            if buffer.count - position >= 3, buffer[position] == 0xEF, buffer[position + 1] == 0xBB,
                buffer[position + 2] == 0xBF
            {
                position += 3
            }
            atStreamStart = false
            recordStart = position
        }
        if skipsLineFeed {
            guard position < buffer.count else { return streamEnded ? endOfStream(buffer) : .needMoreData }
            if buffer[position] == Self.lineFeed { position += 1 }
            skipsLineFeed = false
            recordStart = position
        }
        if separator == nil {
            guard let detected = detectSeparator(buffer, streamEnded: streamEnded) else { return .needMoreData }
            separator = detected
        }
        let separator = separator ?? UInt8(ascii: ",")
        var index = position
        let end = buffer.count
        defer { position = index }
        while index < end {
            let byte = buffer[index]
            switch state {
            case .quoted:
                if byte == Self.quote {
                    state = .quoteInQuoted
                } else if byte == Self.lineFeed {
                    line += 1
                }
                index += 1
                continue
            case .fieldStart:
                if byte == Self.quote {
                    state = .quoted
                    index += 1
                    continue
                }
            case .quoteInQuoted:
                if byte == Self.quote {
                    state = .quoted
                    index += 1
                    continue
                }
            case .unquoted:
                break
            }
            if byte == separator {
                state = .fieldStart
            } else if byte == Self.lineFeed || byte == Self.carriageReturn {
                let record = recordStart..<index
                let startLine = recordLine
                index += 1
                line += 1
                recordLine = line
                state = .fieldStart
                recordStart = index
                if byte == Self.carriageReturn {
                    if index < end {
                        if buffer[index] == Self.lineFeed { index += 1 }
                        recordStart = index
                    } else {
                        skipsLineFeed = true
                    }
                }
                return .record(record, line: startLine)
            } else {
                state = .unquoted
            }
            index += 1
        }
        if streamEnded {
            position = index
            return endOfStream(buffer)
        }
        return .needMoreData
    }

    /// The last record, when the stream ends without a line end.
    private mutating func endOfStream(_ buffer: UnsafeBufferPointer<UInt8>) -> Event {
        // An open quoted field is reported by the caller (``isInsideQuotes``), not returned as a record.
        guard recordStart < buffer.count, state != .quoted else { return .needMoreData }
        let record = recordStart..<buffer.count
        recordStart = buffer.count
        position = buffer.count
        state = .fieldStart
        return .record(record, line: recordLine)
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

    /// Splits a complete record into fields, undoubling quotes.
    static func fields(
        of record: Range<Int>,
        in buffer: UnsafeBufferPointer<UInt8>,
        separator: UInt8,
        encoding: CSVTextEncoding
    ) -> [String] {
        var fields: [String] = []
        var index = record.lowerBound
        let end = record.upperBound
        var unescaped: [UInt8] = []
        while true {
            if index < end, buffer[index] == quote {
                unescaped.removeAll(keepingCapacity: true)
                index += 1
                var segmentStart = index
                var closed = false
                while index < end {
                    guard buffer[index] == quote else {
                        index += 1
                        continue
                    }
                    unescaped.append(contentsOf: buffer[segmentStart..<index])
                    if index + 1 < end, buffer[index + 1] == quote {
                        unescaped.append(quote)
                        index += 2
                        segmentStart = index
                        continue
                    }
                    index += 1
                    closed = true
                    // Text after the closing quote, up to the separator, is kept as written.
                    let trailingStart = index
                    while index < end, buffer[index] != separator { index += 1 }
                    unescaped.append(contentsOf: buffer[trailingStart..<index])
                    break
                }
                if !closed { unescaped.append(contentsOf: buffer[segmentStart..<end]) }
                fields.append(unescaped.withUnsafeBufferPointer { encoding.decode($0) })
            } else {
                let start = index
                while index < end, buffer[index] != separator { index += 1 }
                fields.append(encoding.decode(UnsafeBufferPointer(rebasing: buffer[start..<index])))
            }
            guard index < end else { break }
            index += 1  // the separator
            if index == end {
                fields.append("")
                break
            }
        }
        return fields
    }
}
