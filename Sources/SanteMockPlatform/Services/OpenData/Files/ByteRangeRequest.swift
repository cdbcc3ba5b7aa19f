/// A parsed `Range` header (RFC 9110 §14.2), for one byte range.
enum ByteRangeRequest: Equatable {
    /// No usable range: serve the whole file (no header, another unit, several ranges, or bad syntax, which a server
    /// may ignore).
    case whole
    /// A satisfiable range, within the file.
    case partial(Range<Int>)
    /// A syntactically valid range that selects no byte of the file: answer `416`.
    case unsatisfiable

    /// Interprets `header` for a file of `size` bytes.
    init(header: String?, size: Int) {
        guard let header else {
            self = .whole
            return
        }
        let trimmed = header.trimmingSpaces()
        guard trimmed.lowercased().hasPrefix("bytes=") else {
            self = .whole
            return
        }
        let specification = trimmed.dropFirst("bytes=".count).trimmingSpaces()
        guard !specification.contains(","), let dash = specification.firstIndex(of: "-") else {
            self = .whole
            return
        }
        let first = specification[..<dash].trimmingSpaces()
        let last = specification[specification.index(after: dash)...].trimmingSpaces()
        if first.isEmpty {
            // A suffix range: the last N bytes.
            guard let length = Int(last), length >= 0 else {
                self = .whole
                return
            }
            guard length > 0, size > 0 else {
                self = .unsatisfiable
                return
            }
            self = .partial(max(0, size - length)..<size)
            return
        }
        guard let start = Int(first), start >= 0 else {
            self = .whole
            return
        }
        var end = size - 1
        if !last.isEmpty {
            guard let requestedEnd = Int(last), requestedEnd >= start else {
                self = .whole
                return
            }
            end = min(requestedEnd, size - 1)
        }
        guard start < size else {
            self = .unsatisfiable
            return
        }
        self = .partial(start..<(end + 1))
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return String(text)
    }
}
