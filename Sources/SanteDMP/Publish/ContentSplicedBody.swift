import Foundation
import SanteCore
import SanteHTTP

/// A JSON request body whose base64 content is streamed from a file: the JSON is encoded with a
/// placeholder where the base64 goes, then sent as prefix, the file's bytes base64-encoded chunk by chunk,
/// and suffix. The length is known in advance and the body can be replayed (the file is read again).
enum ContentSplicedBody {
    /// The text put where the base64 content goes, then replaced while sending.
    static let placeholder = "SANTEDMP-CONTENT-PLACEHOLDER-7D1F4A"

    /// The value for the base64 member: the content itself for bytes, the placeholder for a file.
    static func base64Member(for content: DMPPublication.Content) -> FHIRBase64Binary {
        switch content {
        case .data(let data): FHIRBase64Binary(data: data)
        case .file: FHIRBase64Binary(rawValue: placeholder)
        }
    }

    /// The request body for JSON encoded with ``base64Member(for:)``.
    static func body(json: Data, content: DMPPublication.Content, size: Int, operation: String) throws(DMPError)
        -> HTTPBody
    {
        guard case .file(let url) = content else { return HTTPBody(json) }
        guard let range = json.range(of: Data(placeholder.utf8)) else {
            throw DMPError(
                reason: .validationFailed, message: "the request body cannot be assembled", operation: operation)
        }
        let prefix = Array(json[json.startIndex..<range.lowerBound])
        let suffix = Array(json[range.upperBound..<json.endIndex])
        let base64Length = (size + 2) / 3 * 4
        let chunks = SplicedChunks(prefix: prefix, fileURL: url, suffix: suffix)
        return HTTPBody(
            chunks, length: .known(Int64(prefix.count + base64Length + suffix.count)), iterationBehavior: .multiple)
    }
}

/// Prefix bytes, a file's bytes base64-encoded, suffix bytes.
struct SplicedChunks: AsyncSequence, Sendable {
    typealias Element = ArraySlice<UInt8>

    let prefix: [UInt8]
    let fileURL: URL
    let suffix: [UInt8]

    func makeAsyncIterator() -> Iterator {
        Iterator(
            prefix: prefix, file: FileByteChunks(url: fileURL, chunkSize: 48 * 1024).makeAsyncIterator(), suffix: suffix
        )
    }

    struct Iterator: AsyncIteratorProtocol {
        enum Stage { case prefix, file, suffix, done }

        let prefix: [UInt8]
        var file: FileByteChunks.AsyncIterator
        let suffix: [UInt8]
        var stage = Stage.prefix
        var carry: [UInt8] = []

        init(prefix: [UInt8], file: FileByteChunks.AsyncIterator, suffix: [UInt8]) {
            self.prefix = prefix
            self.file = file
            self.suffix = suffix
        }

        mutating func next() async throws -> ArraySlice<UInt8>? {
            while true {
                switch stage {
                case .prefix:
                    stage = .file
                    if !prefix.isEmpty { return ArraySlice(prefix) }
                case .file:
                    guard let chunk = try await file.next() else {
                        stage = .suffix
                        if !carry.isEmpty {
                            let encoded = Data(carry).base64EncodedData()
                            carry = []
                            return ArraySlice(encoded)
                        }
                        continue
                    }
                    carry.append(contentsOf: chunk)
                    let whole = carry.count - carry.count % 3
                    guard whole > 0 else { continue }
                    let encoded = Data(carry[0..<whole]).base64EncodedData()
                    carry.removeFirst(whole)
                    return ArraySlice(encoded)
                case .suffix:
                    stage = .done
                    if !suffix.isEmpty { return ArraySlice(suffix) }
                case .done:
                    return nil
                }
            }
        }
    }
}
