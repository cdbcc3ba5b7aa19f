/// A generated file too large to hold in memory: a prefix, independent segments, and a suffix.
///
/// Each segment is a pure function of the platform seed and its index, so the file can be streamed from any
/// segment (a `Range` request starts at the segment holding its first byte) and regenerated identically.
protocol SegmentedFile: Sendable {
    /// The bytes before the first segment (a CSV header, `[`).
    var prefix: [UInt8] { get }
    /// The bytes after the last segment (`]`, or nothing).
    var suffix: [UInt8] { get }
    /// How many segments there are.
    var segmentCount: Int { get }
    /// Appends the bytes of segment `index` (0 ..< ``segmentCount``) to `output`.
    func appendSegment(_ index: Int, to output: inout [UInt8])
}

/// What one full generation pass of a ``SegmentedFile`` measured: its size, checksum and where each segment starts.
struct SegmentedFileLayout: Sendable {
    /// The file size in bytes.
    let size: Int
    /// The checksum of the whole file, in hexadecimal.
    let checksum: String
    /// The byte offset of each segment's first byte.
    let segmentOffsets: [Int]

    /// Generates the whole file once, hashing it as it goes; only one segment is in memory at a time.
    ///
    /// The pass yields between segments, so a long pass (a million rows) shares the cooperative pool.
    static func measure(_ file: some SegmentedFile, checksum kind: ChecksumKind) async -> SegmentedFileLayout {
        var hasher = kind.makeHasher()
        var offsets: [Int] = []
        offsets.reserveCapacity(file.segmentCount)
        var size = file.prefix.count
        hasher.update(file.prefix)
        var segment: [UInt8] = []
        for index in 0..<file.segmentCount {
            offsets.append(size)
            segment.removeAll(keepingCapacity: true)
            file.appendSegment(index, to: &segment)
            hasher.update(segment)
            size += segment.count
            if index % 64 == 63 {
                await Task.yield()
            }
        }
        hasher.update(file.suffix)
        size += file.suffix.count
        return SegmentedFileLayout(size: size, checksum: hasher.finalizeHex(), segmentOffsets: offsets)
    }

    /// The index of the segment holding byte `offset`, or `nil` when the offset is in the prefix.
    func segment(containing offset: Int) -> Int? {
        guard let first = segmentOffsets.first, offset >= first else { return nil }
        var low = 0
        var high = segmentOffsets.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if segmentOffsets[middle] <= offset {
                low = middle
            } else {
                high = middle - 1
            }
        }
        return low
    }
}
