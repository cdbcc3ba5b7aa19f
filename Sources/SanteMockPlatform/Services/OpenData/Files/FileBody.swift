import Hummingbird
import NIOCore

/// The bytes of a served file: in memory (small files, cached per platform) or generated while streaming.
enum FileBody: Sendable {
    /// The whole file, generated once and cached.
    case bytes([UInt8])
    /// A file generated segment by segment as it is sent, never held whole.
    case segmented(any SegmentedFile, SegmentedFileLayout)

    /// The number of bytes written per chunk.
    static let chunkSize = 64 * 1024

    /// The file size.
    var size: Int {
        switch self {
        case .bytes(let bytes): bytes.count
        case .segmented(_, let layout): layout.size
        }
    }

    /// Writes the bytes of `range` (within 0 ..< ``size``) in chunks of about ``chunkSize`` bytes.
    func write(_ range: Range<Int>, to writer: inout any ResponseBodyWriter) async throws {
        switch self {
        case .bytes(let bytes):
            var start = range.lowerBound
            while start < range.upperBound {
                let end = min(start + Self.chunkSize, range.upperBound)
                try await writer.write(ByteBuffer(bytes: bytes[start..<end]))
                start = end
            }
        case .segmented(let file, let layout):
            try await Self.writeSegmented(file, layout: layout, range: range, to: &writer)
        }
    }

    private static func writeSegmented(
        _ file: some SegmentedFile, layout: SegmentedFileLayout, range: Range<Int>,
        to writer: inout any ResponseBodyWriter
    ) async throws {
        var pending: [UInt8] = []
        pending.reserveCapacity(chunkSize + chunkSize / 2)
        var piece: [UInt8] = []
        // `position` is the file offset of the first byte of the next piece.
        var position = 0
        var nextSegment = 0
        if let first = layout.segment(containing: range.lowerBound) {
            position = layout.segmentOffsets[first]
            nextSegment = first
        } else {
            append(file.prefix, at: 0, clippedTo: range, to: &pending)
            position = file.prefix.count
        }
        while position < range.upperBound, nextSegment < file.segmentCount {
            piece.removeAll(keepingCapacity: true)
            file.appendSegment(nextSegment, to: &piece)
            nextSegment += 1
            append(piece, at: position, clippedTo: range, to: &pending)
            position += piece.count
            if pending.count >= chunkSize {
                try await writer.write(ByteBuffer(bytes: pending))
                pending.removeAll(keepingCapacity: true)
            }
        }
        if position < range.upperBound {
            append(file.suffix, at: position, clippedTo: range, to: &pending)
        }
        if !pending.isEmpty {
            try await writer.write(ByteBuffer(bytes: pending))
        }
    }

    /// Appends the part of `piece` (which starts at file offset `start`) that falls inside `range`.
    private static func append(_ piece: [UInt8], at start: Int, clippedTo range: Range<Int>, to output: inout [UInt8]) {
        let lower = max(start, range.lowerBound)
        let upper = min(start + piece.count, range.upperBound)
        guard lower < upper else { return }
        output.append(contentsOf: piece[(lower - start)..<(upper - start)])
    }
}
