/// A French département as Vite Ma Dose's `departements.json` lists it, with the prefecture's position (so that
/// generated places fall near the right town).
struct Department: Sendable {
    /// The code as the files name it: `01`…`19`, `2A`, `2B`, `21`…`95`, `971`…`974`, `976`.
    let code: String
    /// The name, such as `Ain`.
    let name: String
    /// The INSEE region code (written as a float, `84.0`, in `departements.json`).
    let regionCode: Int
    /// The region name.
    let regionName: String
    /// The prefecture, used as the city of generated places.
    let prefecture: String
    /// The prefecture's latitude.
    let latitude: Double
    /// The prefecture's longitude.
    let longitude: Double

    /// The first two or three characters of the postal codes (`20` for Corsica).
    var postalPrefix: String {
        switch code {
        case "2A", "2B": "20"
        default: code
        }
    }

    /// A postal code of the département from a small number (`01000`, `01010`, …; `97100`, …).
    func postalCode(variant: Int) -> String {
        let suffixWidth = 5 - postalPrefix.count
        let step = suffixWidth == 3 ? 10 : 1
        var bytes: [UInt8] = []
        ASCII.appendPadded((variant * step) % (suffixWidth == 3 ? 1000 : 100), width: suffixWidth, to: &bytes)
        if code == "2B" {
            bytes[0] = UInt8(ascii: "2")
        }
        return postalPrefix + String(decoding: bytes, as: UTF8.self)
    }

    /// An INSEE commune code of the département (`01053`, `2A004`, `97101`).
    func communeCode(variant: Int) -> String {
        let suffixWidth = 5 - code.count
        var bytes: [UInt8] = []
        ASCII.appendPadded(1 + variant % (suffixWidth == 3 ? 999 : 99), width: suffixWidth, to: &bytes)
        return code + String(decoding: bytes, as: UTF8.self)
    }
}
