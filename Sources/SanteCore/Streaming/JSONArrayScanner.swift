import Foundation

/// The incremental state machine behind ``JSONArrayElements``: it walks a JSON document byte by byte,
/// down a key path to an array, and reports the byte range of each element of that array.
///
/// It keeps its whole state between calls, so a document can arrive in chunks cut anywhere (inside a
/// string, an escape, a number or a key): ``scan(_:)`` reports ``Event/needMoreData`` and carries on
/// where it stopped once the buffer has grown. Positions are indexes into the caller's buffer; when the
/// caller drops a prefix of the buffer it calls ``discard(_:)``.
///
/// Elements are delimited, not validated: strings (with escapes) and nesting are followed exactly, and
/// brackets must match, but the inside of an element is left to the decoder.
struct JSONArrayScanner {
    enum Event: Equatable {
        /// One complete element occupies this range of the buffer.
        case element(Range<Int>)
        /// The array is complete; nothing more will be reported.
        case arrayEnded
        /// The buffer ends before the next event: append more bytes and scan again.
        case needMoreData
    }

    private enum Phase {
        case documentStart
        case expectValue
        case expectFirstKeyOrObjectEnd
        case expectKey
        case inKey
        case expectColon
        case expectSkippedValue
        case skippingValue
        case expectCommaOrObjectEnd
        case expectFirstElementOrArrayEnd
        case expectElement
        case inElement
        case expectCommaOrArrayEnd
        case nullTarget(matched: Int)
        case finished
    }

    private enum ValueShape {
        case container
        case string
        case literal
    }

    private static var quote: UInt8 { 0x22 }  // "
    private static var backslash: UInt8 { 0x5C }  // \
    private static var openBrace: UInt8 { 0x7B }  // {
    private static var closeBrace: UInt8 { 0x7D }  // }
    private static var openBracket: UInt8 { 0x5B }  // [
    private static var closeBracket: UInt8 { 0x5D }  // ]
    private static var comma: UInt8 { 0x2C }  // ,
    private static var colon: UInt8 { 0x3A }  // :
    private static let nullLiteral: [UInt8] = Array("null".utf8)

    private let keyPath: [[UInt8]]
    private var phase: Phase = .documentStart
    private var level = 0
    /// The next byte to look at.
    private(set) var position = 0
    /// Where the value being scanned started (element or skipped value).
    private var valueStart = 0
    private var shape: ValueShape = .container
    private var containers: [UInt8] = []
    private var inString = false
    private var escapePending = false
    private var keyBytes: [UInt8] = []
    private var keyHasEscape = false
    private var keyMatches = false
    /// Bytes dropped from the front of the buffer so far, to report absolute offsets.
    private(set) var discardedBytes: Int64 = 0

    init(keyPath: [String]) {
        self.keyPath = keyPath.map { Array($0.utf8) }
    }

    /// The first buffer index the scanner still needs: the start of the element or value in progress,
    /// or the next byte to scan.
    var firstNeededIndex: Int {
        switch phase {
        case .inElement, .skippingValue: valueStart
        default: position
        }
    }

    /// Whether the scanner is inside an element (so the buffer must keep it).
    var isInsideElement: Bool {
        if case .inElement = phase { return true }
        return false
    }

    /// What the scanner expected when the stream ended too early.
    var expectation: String {
        switch phase {
        case .documentStart, .expectValue:
            level < keyPath.count ? "an object" : "an array"
        case .expectFirstKeyOrObjectEnd, .expectKey, .inKey, .expectColon: "a member of an object"
        case .expectSkippedValue, .skippingValue, .expectCommaOrObjectEnd: "the end of an object"
        case .expectFirstElementOrArrayEnd, .expectElement, .inElement, .expectCommaOrArrayEnd:
            "the end of the array"
        case .nullTarget: "null"
        case .finished: "nothing"
        }
    }

    /// Tells the scanner that the first `count` bytes of the buffer were dropped.
    mutating func discard(_ count: Int) {
        position -= count
        valueStart -= count
        discardedBytes += Int64(count)
    }

    /// Scans `buffer` from ``position`` to the next event.
    /// - Throws: ``StreamingReadError`` when the document is malformed or has another shape.
    mutating func scan(_ buffer: UnsafeBufferPointer<UInt8>) throws -> Event {
        while position < buffer.count {
            switch phase {
            case .finished:
                return .arrayEnded
            case .inElement:
                if try scanValue(buffer) {
                    phase = .expectCommaOrArrayEnd
                    return .element(valueStart..<position)
                }
                return .needMoreData
            case .skippingValue:
                if try scanValue(buffer) { phase = .expectCommaOrObjectEnd }
            case .inKey:
                try scanKey(buffer)
            case .nullTarget(let matched):
                try scanNullTarget(buffer, matched: matched)
            default:
                let byte = buffer[position]
                if Self.isWhitespace(byte) {
                    position += 1
                    continue
                }
                if let event = try handleStructural(byte, buffer) { return event }
            }
        }
        if case .finished = phase { return .arrayEnded }
        return .needMoreData
    }

    /// Reports the end of the stream: a literal element (a number at the very end) cannot end the array,
    /// so any phase but `.finished` means the document was cut short.
    func endOfStreamError() -> StreamingReadError {
        StreamingReadError(
            reason: .unexpectedEnd,
            message: "the stream ended while expecting \(expectation)",
            byteOffset: discardedBytes + Int64(position)
        )
    }

    // MARK: - Structure around the array

    private mutating func handleStructural(_ byte: UInt8, _ buffer: UnsafeBufferPointer<UInt8>) throws -> Event? {
        switch phase {
        case .documentStart:
            if byte == 0xEF {
                // A UTF-8 byte order mark: EF BB BF.
                guard position + 2 < buffer.count else { return .needMoreData }
                guard buffer[position + 1] == 0xBB, buffer[position + 2] == 0xBF else {
                    throw malformed("an invalid byte at the start of the document")
                }
                position += 3
                phase = .expectValue
                return nil
            }
            phase = .expectValue
            return try handleStructural(byte, buffer)
        case .expectValue:
            position += 1
            if level < keyPath.count {
                guard byte == Self.openBrace else {
                    throw unexpectedKind("an object", found: byte, at: position - 1)
                }
                phase = .expectFirstKeyOrObjectEnd
            } else if byte == Self.openBracket {
                phase = .expectFirstElementOrArrayEnd
            } else if byte == Self.nullLiteral[0], !keyPath.isEmpty {
                phase = .nullTarget(matched: 1)
            } else {
                throw unexpectedKind("an array", found: byte, at: position - 1)
            }
        case .expectFirstKeyOrObjectEnd, .expectKey:
            if byte == Self.closeBrace, case .expectFirstKeyOrObjectEnd = phase {
                throw keyNotFound()
            }
            guard byte == Self.quote else { throw malformed("expected a member name") }
            position += 1
            keyBytes.removeAll(keepingCapacity: true)
            keyHasEscape = false
            escapePending = false
            phase = .inKey
        case .expectColon:
            guard byte == Self.colon else { throw malformed("expected ':' after a member name") }
            position += 1
            if keyMatches {
                level += 1
                phase = .expectValue
            } else {
                phase = .expectSkippedValue
            }
        case .expectSkippedValue:
            startValue(byte)
            phase = .skippingValue
        case .expectCommaOrObjectEnd:
            position += 1
            if byte == Self.comma {
                phase = .expectKey
            } else if byte == Self.closeBrace {
                throw keyNotFound()
            } else {
                throw malformed("expected ',' or '}' in an object")
            }
        case .expectFirstElementOrArrayEnd, .expectElement:
            if byte == Self.closeBracket, case .expectFirstElementOrArrayEnd = phase {
                position += 1
                phase = .finished
                return .arrayEnded
            }
            if byte == Self.closeBracket || byte == Self.comma || byte == Self.colon || byte == Self.closeBrace {
                throw malformed("expected an array element")
            }
            startValue(byte)
            phase = .inElement
        case .expectCommaOrArrayEnd:
            position += 1
            if byte == Self.comma {
                phase = .expectElement
            } else if byte == Self.closeBracket {
                phase = .finished
                return .arrayEnded
            } else {
                throw malformed("expected ',' or ']' after an array element")
            }
        case .inElement, .skippingValue, .inKey, .nullTarget, .finished:
            break
        }
        return nil
    }

    private mutating func scanKey(_ buffer: UnsafeBufferPointer<UInt8>) throws {
        while position < buffer.count {
            let byte = buffer[position]
            position += 1
            if escapePending {
                escapePending = false
                keyBytes.append(byte)
                continue
            }
            if byte == Self.backslash {
                escapePending = true
                keyHasEscape = true
                keyBytes.append(byte)
            } else if byte == Self.quote {
                keyMatches = level < keyPath.count && keyEquals(keyPath[level])
                phase = .expectColon
                return
            } else {
                keyBytes.append(byte)
            }
        }
    }

    private func keyEquals(_ expected: [UInt8]) -> Bool {
        guard keyHasEscape else { return keyBytes == expected }
        // Rare: an escaped member name. Let the JSON decoder unescape it.
        let quoted = [Self.quote] + keyBytes + [Self.quote]
        guard let decoded = try? JSONDecoder().decode(String.self, from: Data(quoted)) else { return false }
        return Array(decoded.utf8) == expected
    }

    private mutating func scanNullTarget(_ buffer: UnsafeBufferPointer<UInt8>, matched: Int) throws {
        var matched = matched
        while position < buffer.count, matched < Self.nullLiteral.count {
            guard buffer[position] == Self.nullLiteral[matched] else {
                throw unexpectedKind("an array", found: Self.nullLiteral[0], at: position - matched)
            }
            position += 1
            matched += 1
        }
        phase = matched == Self.nullLiteral.count ? .finished : .nullTarget(matched: matched)
    }

    // MARK: - One value (an element, or a value skipped on the way)

    private mutating func startValue(_ byte: UInt8) {
        valueStart = position
        position += 1
        escapePending = false
        containers.removeAll(keepingCapacity: true)
        switch byte {
        case Self.openBrace, Self.openBracket:
            shape = .container
            inString = false
            containers.append(byte)
        case Self.quote:
            shape = .string
            inString = true
        default:
            shape = .literal
            inString = false
        }
    }

    /// Advances through the current value; returns `true` once it is complete, with ``position`` just
    /// after its last byte.
    private mutating func scanValue(_ buffer: UnsafeBufferPointer<UInt8>) throws -> Bool {
        if shape == .literal {
            while position < buffer.count {
                let byte = buffer[position]
                if byte == Self.comma || byte == Self.closeBracket || byte == Self.closeBrace
                    || Self.isWhitespace(byte)
                {
                    return true
                }
                if byte == Self.quote || byte == Self.openBrace || byte == Self.openBracket || byte == Self.colon {
                    throw malformed("unexpected character after a literal")
                }
                position += 1
            }
            return false
        }
        var index = position
        let end = buffer.count
        defer { position = index }
        while index < end {
            if inString {
                if escapePending {
                    escapePending = false
                    index += 1
                    continue
                }
                // Skip ordinary string bytes quickly: eight at a time, then one at a time.
                if let base = buffer.baseAddress {
                    while index + 8 <= end {
                        let word = JSONWordScan.word(base, at: index)
                        if JSONWordScan.contains(Self.quote, in: word)
                            || JSONWordScan.contains(Self.backslash, in: word)
                        {
                            break
                        }
                        index += 8
                    }
                }
                while index < end {
                    let byte = buffer[index]
                    if byte == Self.quote || byte == Self.backslash { break }
                    index += 1
                }
                guard index < end else { return false }
                let byte = buffer[index]
                index += 1
                if byte == Self.backslash {
                    escapePending = true
                } else {
                    inString = false
                    if shape == .string { return true }
                }
                continue
            }
            let byte = buffer[index]
            index += 1
            switch byte {
            case Self.quote:
                inString = true
            case Self.openBrace, Self.openBracket:
                containers.append(byte)
            case Self.closeBrace, Self.closeBracket:
                let opener = byte == Self.closeBrace ? Self.openBrace : Self.openBracket
                guard containers.last == opener else {
                    position = index - 1
                    throw malformed("a closing bracket does not match its opening bracket")
                }
                containers.removeLast()
                if containers.isEmpty { return true }
            default:
                break
            }
        }
        return false
    }

    // MARK: - Errors

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private func malformed(_ what: String) -> StreamingReadError {
        StreamingReadError(
            reason: .malformedJSON, message: "malformed JSON: \(what)", byteOffset: discardedBytes + Int64(position))
    }

    private func unexpectedKind(_ expected: String, found byte: UInt8, at index: Int) -> StreamingReadError {
        let path = keyPath.prefix(level).map { String(decoding: $0, as: UTF8.self) }.joined(separator: ".")
        return StreamingReadError(
            reason: .unexpectedValueKind,
            message: "expected \(expected) at \(path.isEmpty ? "the document root" : "\"\(path)\"")"
                + ", found \(Self.kindName(of: byte))",
            byteOffset: discardedBytes + Int64(index)
        )
    }

    private func keyNotFound() -> StreamingReadError {
        let path = keyPath.prefix(level + 1).map { String(decoding: $0, as: UTF8.self) }.joined(separator: ".")
        return StreamingReadError(
            reason: .keyPathNotFound,
            message: "the member \"\(path)\" is not in the document",
            byteOffset: discardedBytes + Int64(position)
        )
    }

    private static func kindName(of byte: UInt8) -> String {
        switch byte {
        case openBrace: "an object"
        case openBracket: "an array"
        case quote: "a string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): "a boolean"
        case UInt8(ascii: "n"): "null"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): "a number"
        default: "an unexpected character"
        }
    }
}
