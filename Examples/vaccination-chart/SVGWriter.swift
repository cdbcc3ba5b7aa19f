import Foundation

/// Writes an SVG document element by element to a file handle, through a small buffer: the document is never
/// held whole in memory.
final class SVGWriter {
    private let handle: FileHandle
    private var buffer = Data()
    private let flushThreshold = 64 * 1024
    /// The bytes written so far.
    private(set) var byteCount = 0

    /// A writer to `handle`.
    init(handle: FileHandle) {
        self.handle = handle
    }

    /// Writes one line of markup (already escaped).
    func line(_ markup: String) throws {
        buffer.append(contentsOf: Array((markup + "\n").utf8))
        if buffer.count >= flushThreshold { try flush() }
    }

    /// Writes an element with attributes and optional text content (escaped here).
    func element(_ name: String, _ attributes: KeyValuePairs<String, String>, text: String? = nil) throws {
        var markup = "<\(name)"
        for (key, value) in attributes { markup += " \(key)=\"\(Self.escaped(value))\"" }
        if let text {
            markup += ">\(Self.escaped(text))</\(name)>"
        } else {
            markup += "/>"
        }
        try line(markup)
    }

    /// Writes what is buffered.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        byteCount += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` escaped for XML.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}
