import Foundation
import SanteCore
import Testing

@Suite("CSVRows.batches reads undecoded records")
struct CSVRecordBatchesTests {
    /// Quotes, doubled quotes, separators and line breaks inside quotes, CRLF, a BOM, a blank line, empty
    /// fields, multi-byte UTF-8 (`é`, `€`, `🚀`) and a last line without a line end.
    private let tricky =
        "\u{FEFF}id;nom;taux;\"note\"\r\n"
        + "1;\"Centre \"\"Nord\"\"; annexe\";12,5;\"ligne 1\nligne 2\"\r\n"
        + "\r\n"
        + "2;Sud é;-0.25;\"€;🚀\"\r\n"
        + "3;\"\";;\n"
        + "4;Est"

    private static func records<Source: AsyncSequence>(
        _ source: Source, options: CSVReaderOptions = CSVReaderOptions()
    ) async throws -> [CSVRecord] where Source.Element: Collection, Source.Element.Element == UInt8 {
        var result: [CSVRecord] = []
        for try await batch in CSVRows(source, options: options).batches {
            #expect(!batch.isEmpty)
            result.append(contentsOf: batch)
        }
        return result
    }

    private func checkTricky(_ records: [CSVRecord], context: String) {
        #expect(records.count == 4, "\(context)")
        guard records.count == 4 else { return }
        #expect(records[0].header.names == ["id", "nom", "taux", "note"], "\(context)")
        #expect(records[0]["nom"] == "Centre \"Nord\"; annexe", "\(context)")
        #expect(records[0][position: 3] == "ligne 1\nligne 2", "\(context)")
        #expect(records[0].double(at: 2) == 12.5, "\(context)")
        #expect(records[0].decimal("taux") == Decimal(string: "12.5"), "\(context)")
        #expect(records[1]["nom"] == "Sud é", "\(context)")
        #expect(records[1]["note"] == "€;🚀", "\(context)")
        #expect(records[1].double("taux") == -0.25, "\(context)")
        #expect(records[1].bytes(at: 3).map { Array($0) } == Array("€;🚀".utf8), "\(context)")
        #expect(records[2].fields == ["3", "", "", ""], "\(context)")
        #expect(records[2].isEmpty(at: 1) && records[2].isEmpty(at: 2) && records[2].isEmpty(at: 9), "\(context)")
        #expect(records[2].string("nom") == nil, "\(context)")
        #expect(records[2].integer("taux") == nil, "\(context)")
        #expect(records[3].fields == ["4", "Est"], "\(context)")
        #expect(records[3].fieldCount == 2, "\(context)")
        #expect(records[3]["taux"] == nil, "\(context)")
        #expect(records.map { $0.integer("id") } == [1, 2, 3, 4], "\(context)")
        #expect(records.map(\.index) == [0, 1, 2, 3], "\(context)")
        #expect(records.map(\.line) == [2, 5, 6, 7], "\(context)")
    }

    @Test("reads the tricky file in one chunk")
    func oneChunk() async throws {
        checkTricky(try await Self.records(ChunkedBytes(tricky)), context: "one chunk")
    }

    @Test("gives the same records with chunks of 1, 2, 7 and 4096 bytes", arguments: [1, 2, 7, 4096])
    func chunkSizes(size: Int) async throws {
        checkTricky(
            try await Self.records(ChunkedBytes(Array(tricky.utf8), chunkSize: size)), context: "size \(size)")
    }

    @Test("gives the same records whatever byte the stream is cut at, inside a UTF-8 character or a quoted field")
    func everySplitPoint() async throws {
        let bytes = Array(tricky.utf8)
        for split in 0...bytes.count {
            checkTricky(try await Self.records(ChunkedBytes(bytes, splitAt: split)), context: "split \(split)")
        }
    }

    @Test("a record's rows match the CSVRow API, and CSVRows gives the same rows")
    func rowsMatch() async throws {
        let bytes = Array(tricky.utf8)
        let records = try await Self.records(ChunkedBytes(bytes, chunkSize: 7))
        let rows = try await StreamingTestSupport.rows(ChunkedBytes(bytes, chunkSize: 7))
        #expect(records.map(\.row) == rows)
        #expect(rows.map(\.fields) == records.map(\.fields))
    }

    @Test("parses numbers from the bytes the way CSVRow does")
    func numbers() async throws {
        let text =
            "n\n12\n12,00\n 7 \n-3\n+4\n12,5\n\"1 234\"\n99999999999999999999\n\u{00A0}8\u{00A0}\n\"\"\"5\"\n\"42\"\n"
            + "1e3\n,5\n0.1\n-0,00\n7763205.6862729\n123456789012345678\n"
        let options = CSVReaderOptions(separator: .semicolon)
        var records: [CSVRecord] = []
        for try await batch in CSVRows(ChunkedBytes(text), options: options).batches {
            records.append(contentsOf: batch)
        }
        let rows = try await StreamingTestSupport.rows(ChunkedBytes(text), options: options)
        #expect(records.count == rows.count)
        for (record, row) in zip(records, rows) {
            #expect(record.integer(at: 0) == row.integer("n"), "\(row.fields)")
            #expect(record.double(at: 0) == row.double("n"), "\(row.fields)")
            #expect(record.decimal(at: 0) == row.decimal("n"), "\(row.fields)")
        }
        #expect(
            records.map { $0.integer(at: 0) } == [
                12, 12, 7, -3, 4, nil, nil, nil, 8, nil, 42, nil, nil, nil, 0, nil, 123_456_789_012_345_678,
            ])
        #expect(records[5].double(at: 0) == 12.5)
        #expect(records[11].double(at: 0) == 1000)
        #expect(records[12].double(at: 0) == 0.5)
        #expect(records[13].double(at: 0) == 0.1)
        #expect(records[15].double(at: 0) == 7763205.6862729)
        #expect(records[16].double(at: 0) == Double("123456789012345678"))
        #expect(records[0].integer(at: 1) == nil)
    }

    @Test("reads booleans and strings by position and by name")
    func booleansAndStrings() async throws {
        var records: [CSVRecord] = []
        for try await batch in CSVRows(ChunkedBytes("a;b;c\nt; Oui ;peut-être\n")).batches {
            records.append(contentsOf: batch)
        }
        let record = try #require(records.first)
        #expect(record.bool(at: 0) == true)
        #expect(record.bool("b") == true)
        #expect(record.bool("c") == nil)
        #expect(record.string(at: 1) == "Oui")
        #expect(record[position: 1] == " Oui ")
        #expect(record["C"] == "peut-être")
        #expect(record[position: -1] == nil)
        #expect(record.bytes(at: 3) == nil)
    }

    @Test("splits a long stream into batches of at most the limit, with continuous row indexes")
    func manyBatches() async throws {
        let count = CSVRecordBatches<ChunkedBytes>.maximumRecordsPerBatch * 2 + 17
        var text = "dep;n\r\n"
        for index in 0..<count { text += "\(index % 100);\(index)\r\n" }
        var sizes: [Int] = []
        var indexes: [Int] = []
        var sum = 0
        for try await batch in CSVRows(ChunkedBytes(text)).batches {
            sizes.append(batch.count)
            #expect(batch.firstRowIndex == indexes.count)
            let column = try #require(batch.header.index(of: "n"))
            for record in batch {
                indexes.append(record.index)
                sum += record.integer(at: column) ?? 0
            }
        }
        #expect(sizes.allSatisfy { $0 <= CSVRecordBatches<ChunkedBytes>.maximumRecordsPerBatch })
        #expect(sizes.count >= 3)
        #expect(indexes == Array(0..<count))
        #expect(sum == count * (count - 1) / 2)
    }

    @Test("the same records whether the file is read in 1-byte, 7-byte or large chunks")
    func fileChunks() async throws {
        var text = "a;b;c\n"
        for index in 0..<300 { text += "\(index);\"x\(index)\"\"\n;y\";é\(index)\n" }
        let bytes = Array(text.utf8)
        var expected: [[String]] = []
        for size in [1, 2, 7, 100_000] {
            var fields: [[String]] = []
            for try await batch in CSVRows(ChunkedBytes(bytes, chunkSize: size)).batches {
                fields.append(contentsOf: batch.map(\.fields))
            }
            if expected.isEmpty { expected = fields }
            #expect(fields == expected, "size \(size)")
        }
        #expect(expected.count == 300)
        #expect(expected[299] == ["299", "x299\"\n;y", "é299"])
    }

    @Test("a header-only stream gives no batch; errors are the same as CSVRows'")
    func edgesAndErrors() async throws {
        var batches = 0
        for try await _ in CSVRows(ChunkedBytes("a;b\r\n")).batches { batches += 1 }
        #expect(batches == 0)
        let unterminated = await StreamingTestSupport.streamingError {
            for try await _ in CSVRows(ChunkedBytes("a;b\n1;\"open\n2;3\n")).batches {}
        }
        #expect(unterminated?.reason == .unterminatedQuote)
        #expect(unterminated?.line == 2)
        let missing = await StreamingTestSupport.streamingError {
            for try await _ in CSVRows(ChunkedBytes("\n\r\n")).batches {}
        }
        #expect(missing?.reason == .missingHeader)
        let tooLarge = await StreamingTestSupport.streamingError {
            let text = "a\n1\n\"" + String(repeating: "x", count: 500)
            for try await _ in CSVRows(
                ChunkedBytes(Array(text.utf8), chunkSize: 50), options: CSVReaderOptions(maximumRecordBytes: 100)
            ).batches {}
        }
        #expect(tooLarge?.reason == .elementTooLarge)
        #expect(tooLarge?.byteOffset == 4)
        #expect(tooLarge?.line == 3)
    }

    @Test("a given header and separator apply to batches")
    func givenHeader() async throws {
        var values: [String?] = []
        let options = CSVReaderOptions(separator: .pipe, header: ["x", "y"])
        for try await batch in CSVRows(ChunkedBytes("1|2\n3|4\n"), options: options).batches {
            values.append(contentsOf: batch.map { $0["y"] })
        }
        #expect(values == ["2", "4"])
    }

    @Test("Windows-1252 fields decode as CSVRow's do")
    func windows1252() async throws {
        let latin: [UInt8] = Array("nom\n".utf8) + [0x43, 0xE9, 0x6C, 0x69, 0x6E, 0x65, 0x0A]
        var names: [String?] = []
        for try await batch in CSVRows(ChunkedBytes(latin, chunkSize: 2)).batches {
            names.append(contentsOf: batch.map { $0["nom"] })
        }
        #expect(names == ["Céline"])
    }
}

@Suite("CSVRows.batches against a reference reader")
struct CSVRecordBatchesReferenceTests {
    /// A byte-at-a-time reader with the documented rules, to compare the fast scanner with.
    private static func referenceRecords(_ text: String, separator: Character) -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var atFieldStart = true
        var pendingQuote = false
        var recordHasContent = false
        func endField() {
            fields.append(field)
            field = ""
            atFieldStart = true
        }
        func endRecord() {
            if recordHasContent {
                endField()
                records.append(fields)
            }
            fields = []
            field = ""
            atFieldStart = true
            recordHasContent = false
        }
        var characters = Array(text.unicodeScalars)
        if characters.first == "\u{FEFF}" { characters.removeFirst() }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            if inQuotes {
                if pendingQuote {
                    pendingQuote = false
                    if character == "\"" {
                        field.unicodeScalars.append("\"")
                        continue
                    }
                    inQuotes = false
                } else if character == "\"" {
                    pendingQuote = true
                    continue
                } else {
                    field.unicodeScalars.append(character)
                    continue
                }
            }
            if character == "\n" || character == "\r" {
                endRecord()
                if character == "\r", index < characters.count, characters[index] == "\n" { index += 1 }
                continue
            }
            recordHasContent = true
            if Character(character) == separator {
                endField()
            } else if character == "\"" && atFieldStart {
                inQuotes = true
                atFieldStart = false
            } else {
                field.unicodeScalars.append(character)
                atFieldStart = false
            }
        }
        endRecord()
        return records
    }

    /// Text with every kind of byte the scanner treats specially, at varying alignments.
    private static func sample(seed: UInt64, records: Int) -> String {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let pieces = [
            "a", "12", "12,5", " ", "\t", "!", "é", "🚀", "x\"y", "\"q\"", "\"a;b\"", "\"l1\nl2\"", "\"\"\"\"", "",
            "long-field-without-specials", "\"cr\r\nlf\"", "#", "€",
        ]
        var text = "\u{FEFF}h1;h2;h3\n"
        for _ in 0..<records {
            let fieldCount = 1 + next(5)
            text += (0..<fieldCount).map { _ in pieces[next(pieces.count)] }.joined(separator: ";")
            text += ["\n", "\r\n", "\r", "\n\n"][next(4)]
        }
        return text
    }

    @Test(
        "gives the reference reader's records for chunk sizes 1, 2, 7, 64 and all at once",
        arguments: [1, 2, 7, 64, 1 << 20])
    func matchesReference(chunkSize: Int) async throws {
        for seed in 1...4 as ClosedRange<UInt64> {
            let text = Self.sample(seed: seed, records: 300)
            let expected = Self.referenceRecords(text, separator: ";")
            var header: [String] = []
            var records: [[String]] = []
            let options = CSVReaderOptions(separator: .semicolon)
            for try await batch in CSVRows(ChunkedBytes(Array(text.utf8), chunkSize: chunkSize), options: options)
                .batches
            {
                header = batch.header.names
                records.append(contentsOf: batch.map(\.fields))
            }
            #expect(header == ["h1", "h2", "h3"], "seed \(seed)")
            #expect(records == Array(expected.dropFirst()), "seed \(seed), chunk size \(chunkSize)")
            let rows = try await StreamingTestSupport.rows(
                ChunkedBytes(Array(text.utf8), chunkSize: chunkSize), options: options)
            #expect(rows.map(\.fields) == records, "seed \(seed), chunk size \(chunkSize)")
        }
    }
}
