extension Array where Element == UInt8 {
    /// Appends a chunk of bytes, copying contiguous storage in one go.
    ///
    /// The readers are generic over their chunk type, and generic code called across modules is not
    /// specialised: a plain `append(contentsOf:)` would then copy byte by byte through protocol witnesses.
    /// `withContiguousStorageIfAvailable` reaches the chunk's own (fast) implementation instead.
    mutating func appendChunk<Chunk: Collection>(_ chunk: Chunk) where Chunk.Element == UInt8 {
        let copied: Void? = chunk.withContiguousStorageIfAvailable { bytes in
            append(contentsOf: bytes)
        }
        if copied == nil {
            append(contentsOf: chunk)
        }
    }
}
