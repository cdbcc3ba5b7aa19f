import Foundation
import SanteCore
import Testing

@Suite("JSONArrayElements reads array elements one at a time")
struct JSONArrayElementsTests {
    private let tricky = #"""
        {"version": 1, "meta": {"features": [0], "note": "a ] and a [ and a \" and a \\"},
         "skip": [[1, 2], {"a": "}"}], "features" : [
          {"id": 1, "name": "caf\u00e9 \"quoted\" ]", "nested": {"list": [1, [2, [3]]]}},
          "a string with , and ] and \\",
          12.5e-3, true, null, -7, [],
          {"emoji": "😷", "escaped\"key": "\\\\"}
        ], "after": "never read"}
        """#

    private let expectedTricky = [
        #"{"id": 1, "name": "caf\u00e9 \"quoted\" ]", "nested": {"list": [1, [2, [3]]]}}"#,
        #""a string with , and ] and \\""#,
        "12.5e-3", "true", "null", "-7", "[]",
        #"{"emoji": "😷", "escaped\"key": "\\\\"}"#,
    ]

    @Test("finds the array at a key path and skips members before it, even with the same name deeper")
    func keyPathWithDecoys() async throws {
        let elements = try await StreamingTestSupport.elements(ChunkedBytes(tricky), keyPath: ["features"])
        #expect(elements == expectedTricky)
    }

    @Test("gives the same elements whatever byte the stream is cut at")
    func everySplitPoint() async throws {
        let bytes = Array(tricky.utf8)
        for split in 0...bytes.count {
            let elements = try await StreamingTestSupport.elements(
                ChunkedBytes(bytes, splitAt: split), keyPath: ["features"])
            #expect(elements == expectedTricky, "split at \(split)")
        }
    }

    @Test("gives the same elements with one byte per chunk and with every small chunk size", arguments: 1...7)
    func smallChunks(size: Int) async throws {
        let elements = try await StreamingTestSupport.elements(
            ChunkedBytes(Array(tricky.utf8), chunkSize: size), keyPath: ["features"])
        #expect(elements == expectedTricky)
    }

    @Test("every element is valid JSON equal to what JSONSerialization sees")
    func matchesFoundation() async throws {
        let reference = try #require(
            try JSONSerialization.jsonObject(with: Data(tricky.utf8), options: .fragmentsAllowed) as? [String: Any])
        let expected = try #require(reference["features"] as? [Any])
        var index = 0
        for try await element in JSONArrayElements(ChunkedBytes(tricky), keyPath: ["features"]) {
            let parsed = try JSONSerialization.jsonObject(with: element, options: .fragmentsAllowed)
            let left = try JSONSerialization.data(withJSONObject: [parsed], options: .sortedKeys)
            let right = try JSONSerialization.data(withJSONObject: [expected[index]], options: .sortedKeys)
            #expect(left == right, "element \(index)")
            index += 1
        }
        #expect(index == expected.count)
    }

    @Test("reads a top-level array, with a byte order mark and surrounding whitespace")
    func topLevelArray() async throws {
        let text = "\u{FEFF} \n [ 1 ,\"two\",{\"three\":[3]} ] \n"
        let bytes = Array(text.utf8)
        for split in 0...bytes.count {
            let elements = try await StreamingTestSupport.elements(ChunkedBytes(bytes, splitAt: split))
            #expect(elements == ["1", "\"two\"", "{\"three\":[3]}"], "split at \(split)")
        }
    }

    @Test("follows a nested key path")
    func nestedKeyPath() async throws {
        let text = #"{"a": {"x": 1, "b": {"items": [{"k": 1}, {"k": 2}]}}, "items": [9]}"#
        let elements = try await StreamingTestSupport.elements(ChunkedBytes(text), keyPath: ["a", "b", "items"])
        #expect(elements == [#"{"k": 1}"#, #"{"k": 2}"#])
    }

    @Test("matches a member name written with escapes")
    func escapedMemberName() async throws {
        let text = #"{"caf\u00e9": [1, 2]}"#
        #expect(try await StreamingTestSupport.elements(ChunkedBytes(text), keyPath: ["café"]) == ["1", "2"])
    }

    @Test("an empty array and a null array give no elements")
    func emptyAndNull() async throws {
        #expect(try await StreamingTestSupport.elements(ChunkedBytes("[]")).isEmpty)
        #expect(try await StreamingTestSupport.elements(ChunkedBytes(#"{"a": [ ]}"#), keyPath: ["a"]).isEmpty)
        let bytes = Array(#"{"a": null}"#.utf8)
        for split in 0...bytes.count {
            #expect(
                try await StreamingTestSupport.elements(ChunkedBytes(bytes, splitAt: split), keyPath: ["a"]).isEmpty)
        }
    }

    @Test("stops at the closing bracket without reading further")
    func stopsAtArrayEnd() async throws {
        let source = FailingAfterChunks(chunks: [Array(#"{"a": [1, 2], "b": "#.utf8)])
        #expect(try await StreamingTestSupport.elements(source, keyPath: ["a"]) == ["1", "2"])
    }

    @Test("reports a missing key path")
    func missingKeyPath() async {
        let error = await StreamingTestSupport.streamingError {
            _ = try await StreamingTestSupport.elements(ChunkedBytes(#"{"a": [1], "b": {}}"#), keyPath: ["c"])
        }
        #expect(error?.reason == .keyPathNotFound)
        #expect(error?.message.contains("\"c\"") == true)
    }

    @Test(
        "reports a value of the wrong kind",
        arguments: [
            (#"{"a": 1}"#, ["a"]), (#"[1]"#, ["a"]), (#"{"a": []}"#, []), (#""text""#, []), (#"{"a": nul}"#, ["a"]),
        ])
    func wrongKind(text: String, keyPath: [String]) async {
        let error = await StreamingTestSupport.streamingError {
            _ = try await StreamingTestSupport.elements(ChunkedBytes(text), keyPath: keyPath)
        }
        #expect(error?.reason == .unexpectedValueKind)
    }

    @Test(
        "reports malformed JSON",
        arguments: [
            "[1,]", "[1 2]", "[{]}", "[[1}]", "[,1]", #"{"a" 1, "b": [1]}"#, "[1, {\"a\": [}]",
        ])
    func malformed(text: String) async {
        let error = await StreamingTestSupport.streamingError {
            _ = try await StreamingTestSupport.elements(ChunkedBytes(text), keyPath: text.hasPrefix("{") ? ["b"] : [])
        }
        #expect(error?.reason == .malformedJSON, "\(text)")
    }

    @Test("reports a stream cut short, wherever it is cut")
    func truncated() async {
        let bytes = Array(#"{"a": [{"b": "c\"d"}, 12, "x"]}"#.utf8)
        // Every prefix that ends before the closing bracket of the array is incomplete.
        let arrayEnd = bytes.lastIndex(of: UInt8(ascii: "]")) ?? bytes.count
        for length in 0..<arrayEnd {
            let error = await StreamingTestSupport.streamingError {
                _ = try await StreamingTestSupport.elements(
                    ChunkedBytes(Array(bytes[..<length]), chunkSize: 3), keyPath: ["a"])
            }
            #expect(error?.reason == .unexpectedEnd, "length \(length)")
        }
    }

    @Test("refuses an element larger than the limit")
    func tooLarge() async {
        let text = "[\"" + String(repeating: "x", count: 1000) + "\"]"
        let error = await StreamingTestSupport.streamingError {
            for try await _ in JSONArrayElements(
                ChunkedBytes(Array(text.utf8), chunkSize: 100), maximumElementBytes: 500)
            {}
        }
        #expect(error?.reason == .elementTooLarge)
    }

    @Test("decodes elements into a Decodable type and reports the failing element")
    func decoding() async throws {
        struct Item: Decodable, Equatable {
            let id: Int
        }
        let good = JSONArrayElements(ChunkedBytes(#"{"items": [{"id": 1}, {"id": 2, "x": true}]}"#), keyPath: ["items"])
        var ids: [Int] = []
        for try await item in good.decoded(as: Item.self) { ids.append(item.id) }
        #expect(ids == [1, 2])

        let bad = JSONArrayElements(ChunkedBytes(#"[{"id": 1}, {"id": "two"}]"#))
        let error = await StreamingTestSupport.streamingError {
            for try await _ in bad.decoded(as: Item.self) {}
        }
        #expect(error?.reason == .elementDecodingFailed)
        #expect(error?.elementIndex == 1)
        #expect(error?.underlyingError is DecodingError)
    }

    @Test("reads a source of single bytes through byteChunks")
    func singleByteSource() async throws {
        let source = SingleBytes(bytes: Array(#"[1, [2], "3"]"#.utf8)).byteChunks(size: 2)
        #expect(try await StreamingTestSupport.elements(source) == ["1", "[2]", "\"3\""])
    }

    @Test("streams a large generated array with many chunks")
    func largeArray() async throws {
        var text = "{\"data\": ["
        for index in 0..<5000 {
            if index > 0 { text += "," }
            text += #"{"i": \#(index), "s": "value \"\#(index)\" with [brackets] and {braces}"}"#
        }
        text += "]}"
        var count = 0
        var last = -1
        struct Item: Decodable {
            let i: Int
        }
        let elements = JSONArrayElements(ChunkedBytes(Array(text.utf8), chunkSize: 4093), keyPath: ["data"])
        for try await item in elements.decoded(as: Item.self) {
            #expect(item.i == last + 1)
            last = item.i
            count += 1
        }
        #expect(count == 5000)
    }
}
