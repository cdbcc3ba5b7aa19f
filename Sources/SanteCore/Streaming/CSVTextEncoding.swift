/// How the bytes of CSV fields become text.
public enum CSVTextEncoding: Hashable, Sendable {
    /// UTF-8; invalid sequences become U+FFFD.
    case utf8
    /// Windows-1252 (a superset of ISO 8859-1 used by older French extractions).
    case windows1252
    /// UTF-8 when a field is valid UTF-8, Windows-1252 otherwise: for files whose encoding is not
    /// documented (such as the RPPS extractions). Pure ASCII reads the same either way.
    case automatic

    /// Decodes one field.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if Self.isASCII(bytes) {
            // Most fields are ASCII, which every encoding here reads the same way.
            return String(decoding: bytes, as: UTF8.self)
        }
        switch self {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .windows1252:
            return Self.decodeWindows1252(bytes)
        case .automatic:
            return String(validating: bytes, as: UTF8.self) ?? Self.decodeWindows1252(bytes)
        }
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var combined: UInt8 = 0
        for byte in bytes { combined |= byte }
        return combined < 0x80
    }

    /// The code points of bytes 0x80–0x9F in Windows-1252 (0 where the byte is undefined; it is then
    /// read as the C1 control of the same value, as ISO 8859-1 would).
    private static let highControls: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
        0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0, 0x017E, 0x0178,
    ]

    static func decodeWindows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            var value = UInt32(byte)
            if (0x80...0x9F).contains(byte), highControls[Int(byte - 0x80)] != 0 {
                value = highControls[Int(byte - 0x80)]
            }
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        return String(scalars)
    }
}
