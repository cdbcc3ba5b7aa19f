import Foundation
import SanteCore
import Testing

@Suite("CSVRows reads records by header name")
struct CSVRowsTests {
    private let tricky =
        "\u{FEFF}id;nom;taux;\"note\"\r\n"
        + "1;\"Centre \"\"Nord\"\"; annexe\";12,5;\"ligne 1\nligne 2\"\r\n"
        + "\r\n"
        + "2;Sud;12.5;{\"Grand centre\"}\r\n"
        + "3;\"\";;\n"
        + "4;Est"

    private func checkTricky(_ rows: [CSVRow], context: String) {
        #expect(rows.count == 4, "\(context)")
        guard rows.count == 4 else { return }
        #expect(rows[0].header.names == ["id", "nom", "taux", "note"], "\(context)")
        #expect(rows[0]["nom"] == "Centre \"Nord\"; annexe", "\(context)")
        #expect(rows[0]["note"] == "ligne 1\nligne 2", "\(context)")
        #expect(rows[0].decimal("taux") == Decimal(string: "12.5"), "\(context)")
        #expect(rows[1].decimal("taux") == Decimal(string: "12.5"), "\(context)")
        #expect(rows[1]["note"] == "{\"Grand centre\"}", "\(context)")
        #expect(rows[2].fields == ["3", "", "", ""], "\(context)")
        #expect(rows[2].string("nom") == nil, "\(context)")
        #expect(rows[3].fields == ["4", "Est"], "\(context)")
        #expect(rows[3]["taux"] == nil, "\(context)")
        #expect(rows.map(\.index) == [0, 1, 2, 3], "\(context)")
        #expect(rows.map(\.line) == [2, 5, 6, 7], "\(context)")
    }

    @Test("reads quotes, doubled quotes, embedded line breaks, CRLF, BOM, blank lines and a last line without end")
    func tricky() async throws {
        checkTricky(try await StreamingTestSupport.rows(ChunkedBytes(tricky)), context: "one chunk")
    }

    @Test("gives the same rows whatever byte the stream is cut at")
    func everySplitPoint() async throws {
        let bytes = Array(tricky.utf8)
        for split in 0...bytes.count {
            checkTricky(
                try await StreamingTestSupport.rows(ChunkedBytes(bytes, splitAt: split)), context: "split \(split)")
        }
    }

    @Test("gives the same rows with small chunk sizes", arguments: 1...5)
    func smallChunks(size: Int) async throws {
        checkTricky(
            try await StreamingTestSupport.rows(ChunkedBytes(Array(tricky.utf8), chunkSize: size)),
            context: "size \(size)")
    }

    @Test(
        "detects the separator from the header line",
        arguments: [
            ("a,b;c,d\n1,2;3,4\n", ["a", "b;c", "d"]), ("a,b;c\n1,2;3\n", ["a,b", "c"]),
            ("a;b,c\n1;2,3\n", ["a", "b,c"]), ("a\tb\n1\t2\n", ["a", "b"]),
            ("a|b|c\n1|2|3\n", ["a", "b", "c"]), ("\"x;y\",b\n1,2\n", ["x;y", "b"]), ("single\nvalue\n", ["single"]),
        ])
    func detection(text: String, header: [String]) async throws {
        let rows = try await StreamingTestSupport.rows(ChunkedBytes(text))
        #expect(rows.first?.header.names == header)
    }

    @Test("uses a given separator")
    func givenSeparator() async throws {
        let rows = try await StreamingTestSupport.rows(
            ChunkedBytes("a;b,c\n1;2,3\n"), options: CSVReaderOptions(separator: .comma))
        #expect(rows.first?.header.names == ["a;b", "c"])
        #expect(rows.first?["c"] == "3")
    }

    @Test("reads rows by name when columns move, appear and disappear between versions")
    func schemaDrift() async throws {
        let january = try await StreamingTestSupport.rows(
            ChunkedBytes("fra;jour;n_dose1;n_cum_dose1\nFR;2021-01-01;5;10\n"))
        let later = try await StreamingTestSupport.rows(
            ChunkedBytes("fra;clage_vacsi;jour;n_cum_dose1;n_dose1;n_complet\nFR;04;2021-01-01;10;5;1\n"))
        for row in [january[0], later[0]] {
            #expect(row["jour"] == "2021-01-01")
            #expect(row.integer("n_dose1") == 5)
            #expect(row.integer("n_cum_dose1") == 10)
        }
        #expect(january[0].integer("n_complet") == nil)
        #expect(!january[0].hasColumn("n_complet"))
        #expect(later[0]["clage_vacsi"] == "04")
    }

    @Test("a lone CR ends a record too")
    func carriageReturns() async throws {
        let bytes = Array("a,b\r1,2\r3,4".utf8)
        for split in 0...bytes.count {
            let rows = try await StreamingTestSupport.rows(ChunkedBytes(bytes, splitAt: split))
            #expect(rows.map(\.fields) == [["1", "2"], ["3", "4"]], "split \(split)")
        }
    }

    @Test("a quote inside an unquoted field is ordinary text, and text after a closing quote is kept")
    func lenientQuotes() async throws {
        let rows = try await StreamingTestSupport.rows(ChunkedBytes("a;b\n5\" écran;\"x\"y\n"))
        #expect(rows.first?.fields == ["5\" écran", "xy"])
    }

    @Test("uses a given header when the stream has none")
    func givenHeader() async throws {
        let rows = try await StreamingTestSupport.rows(
            ChunkedBytes("1;2\n3;4\n"), options: CSVReaderOptions(separator: .semicolon, header: ["x", "y"]))
        #expect(rows.map { $0["y"] } == ["2", "4"])
    }

    @Test("reads Windows-1252 text when it is not UTF-8, and keeps UTF-8 when it is")
    func encodings() async throws {
        let latin: [UInt8] = Array("nom\n".utf8) + [0x43, 0xE9, 0x6C, 0x69, 0x6E, 0x65, 0x20, 0x80, 0x0A]
        let automatic = try await StreamingTestSupport.rows(ChunkedBytes(latin, chunkSize: 3))
        #expect(automatic.first?["nom"] == "Céline €")
        let utf8 = try await StreamingTestSupport.rows(ChunkedBytes("nom\nCéline €\n"))
        #expect(utf8.first?["nom"] == "Céline €")
        let forced = try await StreamingTestSupport.rows(
            ChunkedBytes(latin, chunkSize: 64), options: CSVReaderOptions(encoding: .windows1252))
        #expect(forced.first?["nom"] == "Céline €")
        let repaired = try await StreamingTestSupport.rows(
            ChunkedBytes(latin, chunkSize: 64), options: CSVReaderOptions(encoding: .utf8))
        #expect(repaired.first?["nom"]?.contains("\u{FFFD}") == true)
    }

    @Test("reports an unterminated quote")
    func unterminatedQuote() async {
        let error = await StreamingTestSupport.streamingError {
            _ = try await StreamingTestSupport.rows(ChunkedBytes("a;b\n1;\"open\n2;3\n"))
        }
        #expect(error?.reason == .unterminatedQuote)
        #expect(error?.line == 2)
    }

    @Test("reports an empty stream as missing its header")
    func missingHeader() async {
        let error = await StreamingTestSupport.streamingError {
            _ = try await StreamingTestSupport.rows(ChunkedBytes("\n\r\n"))
        }
        #expect(error?.reason == .missingHeader)
    }

    @Test("refuses a record larger than the limit")
    func tooLarge() async {
        let text = "a\n\"" + String(repeating: "x", count: 500)
        let error = await StreamingTestSupport.streamingError {
            _ = try await StreamingTestSupport.rows(
                ChunkedBytes(Array(text.utf8), chunkSize: 50), options: CSVReaderOptions(maximumRecordBytes: 100))
        }
        #expect(error?.reason == .elementTooLarge)
    }

    @Test("a header-only stream has no rows; a trailing separator gives an empty last field")
    func edges() async throws {
        #expect(try await StreamingTestSupport.rows(ChunkedBytes("a;b\n")).isEmpty)
        let rows = try await StreamingTestSupport.rows(ChunkedBytes("a;b;c\n1;;\n"))
        #expect(rows.first?.fields == ["1", "", ""])
    }

    @Test("dictionary and header lookups are by name, case-insensitively as a fallback")
    func lookups() async throws {
        let rows = try await StreamingTestSupport.rows(ChunkedBytes(" Dep ;Dep;x\n01;02;3\n"))
        let row = try #require(rows.first)
        #expect(row["Dep"] == "01")
        #expect(row["dep"] == "01")
        #expect(row.dictionary == ["Dep": "01", "x": "3"])
        #expect(row[position: 2] == "3")
        #expect(row[position: 3] == nil)
    }
}

@Suite("CSV number and boolean helpers")
struct CSVNumberTextTests {
    @Test(
        "reads comma and point decimals",
        arguments: [
            ("12,5", "12.5"), ("12.5", "12.5"), (" -0,25 ", "-0.25"), ("7763205.6862729", "7763205.6862729"),
            (",5", "0.5"), ("1e3", "1000"), ("138", "138"),
        ])
    func decimals(text: String, expected: String) {
        #expect(CSVNumberText.decimal(text) == Decimal(string: expected))
        #expect(CSVNumberText.double(text) == Double(expected))
    }

    @Test(
        "refuses what is not a number", arguments: ["", " ", "abc", "1,234.5", "1 234", "--1", "1e", "12a", ".", "e5"])
    func notNumbers(text: String) {
        #expect(CSVNumberText.decimal(text) == nil)
        #expect(CSVNumberText.double(text) == nil)
        #expect(CSVNumberText.integer(text) == nil)
    }

    @Test(
        "reads whole numbers with a zero fraction, refuses fractions",
        arguments: [
            ("12", 12), ("12,00", 12), ("12.0", 12), ("-3", -3), ("0,00", 0), ("+4", 4),
        ])
    func integers(text: String, expected: Int) {
        #expect(CSVNumberText.integer(text) == expected)
    }

    @Test("refuses fractional or exponent integers")
    func fractionalIntegers() {
        #expect(CSVNumberText.integer("12,5") == nil)
        #expect(CSVNumberText.integer("1e3") == nil)
        #expect(CSVNumberText.integer("99999999999999999999") == nil)
    }

    @Test("reads t/f and French booleans")
    func booleans() {
        let header = CSVHeader(["a", "b", "c", "d", "e"])
        let row = CSVRow(header: header, fields: ["t", "f", "Oui", "", "peut-être"])
        #expect(row.bool("a") == true)
        #expect(row.bool("b") == false)
        #expect(row.bool("c") == true)
        #expect(row.bool("d") == nil)
        #expect(row.bool("e") == nil)
        #expect(row.bool("missing") == nil)
    }
}
