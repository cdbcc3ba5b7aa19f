import Foundation
import SanteCore
import Testing

/// Runs ``JSONByteDecoding`` and `JSONDecoder` on the same document and compares them.
enum JSONByteDecodingSupport {
    /// What a decoder gave: a value, or the description of its error.
    enum Outcome<Value> {
        case value(Value)
        case failure(String)
    }

    /// What `JSONDecoder()` gives.
    static func foundation<Value: Decodable>(_ type: Value.Type, _ bytes: [UInt8]) -> Outcome<Value> {
        do {
            return .value(try JSONDecoder().decode(type, from: Data(bytes)))
        } catch {
            return .failure(String(describing: error))
        }
    }

    /// What the fast decoder alone gives, `nil` when it leaves the document to `JSONDecoder`.
    static func fast<Value: Decodable>(_ type: Value.Type, _ bytes: [UInt8]) -> Value? {
        bytes.withUnsafeBytes { JSONByteDecoding.value(type, from: $0) }
    }

    /// What the wired path gives (fast decoder, then `JSONDecoder`).
    static func wired<Value: Decodable>(_ type: Value.Type, _ bytes: [UInt8]) -> Outcome<Value> {
        do {
            return .value(try JSONDecoder().decodeUsingBytesFirst(type, from: Data(bytes)))
        } catch {
            return .failure(String(describing: error))
        }
    }

    /// Checks that the fast decoder gives `JSONDecoder`'s value when it gives one, and that the wired path
    /// gives exactly `JSONDecoder`'s value or error.
    /// - Returns: Whether the fast decoder gave a value itself.
    @discardableResult
    static func check<Value: Decodable & Equatable>(
        _ type: Value.Type, _ text: String, sourceLocation: SourceLocation = #_sourceLocation
    ) -> Bool {
        check(type, Array(text.utf8), sourceLocation: sourceLocation)
    }

    /// Checks that the fast decoder gives `JSONDecoder`'s value when it gives one, and that the wired path
    /// gives exactly `JSONDecoder`'s value or error.
    /// - Returns: Whether the fast decoder gave a value itself.
    @discardableResult
    static func check<Value: Decodable & Equatable>(
        _ type: Value.Type, _ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation
    ) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        let expected = foundation(type, bytes)
        let fastValue = fast(type, bytes)
        switch (expected, fastValue) {
        case (.value(let value), .some(let fastValue)):
            #expect(fastValue == value, "\(Value.self) from \(text)", sourceLocation: sourceLocation)
        case (.failure(let error), .some(let fastValue)):
            Issue.record(
                "\(Value.self) from \(text): fast gave \(fastValue), JSONDecoder failed: \(error)",
                sourceLocation: sourceLocation)
        default:
            break
        }
        switch (expected, wired(type, bytes)) {
        case (.value(let value), .value(let wiredValue)):
            #expect(wiredValue == value, "\(Value.self) from \(text)", sourceLocation: sourceLocation)
        case (.failure(let error), .failure(let wiredError)):
            #expect(
                wiredError == error || isAnotherFoundationError(wiredError, type, bytes),
                "\(Value.self) from \(text): \(wiredError) vs \(error)", sourceLocation: sourceLocation)
        case (let expected, let wired):
            Issue.record("\(Value.self) from \(text): \(expected) vs \(wired)", sourceLocation: sourceLocation)
        }
        return fastValue != nil
    }

    /// Whether `JSONDecoder` itself gives `error` on another run: with several failing members of a dictionary,
    /// which one it reports depends on the dictionary's order, which changes from one run to the next.
    private static func isAnotherFoundationError<Value: Decodable>(
        _ error: String, _ type: Value.Type, _ bytes: [UInt8]
    ) -> Bool {
        for _ in 0..<200 {
            if case .failure(let other) = foundation(type, bytes), other == error { return true }
        }
        return false
    }
}
