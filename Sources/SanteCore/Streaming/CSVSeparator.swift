/// The byte that separates the fields of a CSV record, or automatic detection from the header line.
public struct CSVSeparator: Hashable, Sendable, CustomStringConvertible {
    /// The separator byte, or `nil` for ``automatic``.
    public let byte: UInt8?

    private init(byte: UInt8?) {
        self.byte = byte
    }

    /// Creates a separator from an ASCII character.
    /// - Parameter character: Any ASCII character except the quote, CR and LF.
    /// - Returns: The separator, or `nil` when the character cannot separate fields.
    public init?(_ character: Character) {
        guard let ascii = character.asciiValue, ascii != UInt8(ascii: "\""), ascii != 0x0A, ascii != 0x0D else {
            return nil
        }
        self.init(byte: ascii)
    }

    /// `;`, the usual separator of French public data.
    public static let semicolon = CSVSeparator(byte: UInt8(ascii: ";"))
    /// `,`.
    public static let comma = CSVSeparator(byte: UInt8(ascii: ","))
    /// A tab.
    public static let tab = CSVSeparator(byte: 0x09)
    /// `|`, used by the RPPS extractions.
    public static let pipe = CSVSeparator(byte: UInt8(ascii: "|"))
    /// Chosen from the header line: whichever of `;`, `,`, tab and `|` occurs most often outside quotes
    /// (`;` wins a tie, `,` when none occurs).
    public static let automatic = CSVSeparator(byte: nil)

    /// The separators ``automatic`` chooses from, in tie-breaking order.
    static let candidates: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: ","), 0x09, UInt8(ascii: "|")]

    /// `;`, `,`, `\t`, `|`, the character, or `automatic`.
    public var description: String {
        guard let byte else { return "automatic" }
        return byte == 0x09 ? "\\t" : String(UnicodeScalar(byte))
    }

    /// Picks the separator of a header line: the candidate seen most often outside quotes.
    static func detect(in line: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        for byte in line {
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes, let index = candidates.firstIndex(of: byte) {
                counts[index] += 1
            }
        }
        var best = 1  // ',' when no candidate occurs
        var bestCount = 0
        for (index, count) in counts.enumerated() where count > bestCount {
            best = index
            bestCount = count
        }
        return candidates[best]
    }
}
