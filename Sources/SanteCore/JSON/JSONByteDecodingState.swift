import Foundation

/// What the decoders and containers of one ``JSONByteDecoding`` run share: the checked bytes, the coding
/// path steps, the member tables of keyed containers, and whether the run must be left to `JSONDecoder`.
///
/// One run uses it on one thread, and no access to a property overlaps another (appends to the tables happen
/// between reads), so its properties skip the runtime's exclusivity checks, which cost more than the reads.
final class JSONByteDecodingState {
    /// The bytes of the document, checked by ``JSONByteReader/validateValue()``.
    let layout: JSONValidatedBytes
    /// Whether the bytes are still alive; a decoder or container used after the run throws.
    @exclusivity(unchecked) private(set) var isOpen = true
    /// Whether some operation threw or met a type `JSONDecoder` treats on its own: then the result, even a
    /// successful one, is `JSONDecoder`'s to give.
    @exclusivity(unchecked) var needsFallback = false
    /// The coding path steps recorded so far; decoders and containers refer to them by index.
    @exclusivity(unchecked) private(set) var pathNodes: [JSONByteCodingPathNode] = []
    /// The members of every keyed container opened so far; a container refers to a range of them.
    @exclusivity(unchecked) var members: [JSONByteMember] = []
    /// For objects of more than ``largeObjectMemberCount`` members, found by the offset of their first member in
    /// ``members``: the value offset of each distinct name, built at the first lookup.
    @exclusivity(unchecked) var largeObjectTables: [Int: [String: Int]] = [:]

    /// Starts a run over checked bytes.
    /// - Parameter bytes: The bytes of the document.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        layout = JSONValidatedBytes(bytes: bytes)
        pathNodes.reserveCapacity(16)
        members.reserveCapacity(32)
    }

    /// Ends the run: the bytes may go away.
    func close() {
        isOpen = false
    }

    /// Marks the run for `JSONDecoder` and gives `error` back to throw.
    /// - Parameter error: The error to throw.
    /// - Returns: The same error.
    func failure(_ error: DecodingError) -> DecodingError {
        needsFallback = true
        return error
    }

    /// Throws when the run is over (a decoder or container kept past it).
    func checkOpen() throws {
        guard isOpen else {
            throw failure(
                DecodingError.dataCorrupted(
                    DecodingError.Context(codingPath: [], debugDescription: "The decoder was used after decoding.")))
        }
    }

    /// Records a step after `parent`.
    /// - Parameters:
    ///   - parent: The index of the step before, or -1 at the root.
    ///   - step: The step.
    /// - Returns: The index of the new step.
    func appendPath(parent: Int, _ step: JSONByteCodingPathNode.Step) -> Int {
        // Containers keep step indices in 32 bits.
        if pathNodes.count >= Int(Int32.max) { needsFallback = true }
        pathNodes.append(JSONByteCodingPathNode(parent: parent, step: step))
        return pathNodes.count - 1
    }

    /// The coding path ending at step `node`.
    /// - Parameter node: The index of the last step, or -1 for the root.
    /// - Returns: The keys from the root.
    func codingPath(_ node: Int) -> [any CodingKey] {
        var keys: [any CodingKey] = []
        var index = node
        while index >= 0 && index < pathNodes.count {
            let pathNode = pathNodes[index]
            keys.append(pathNode.step.codingKey)
            index = pathNode.parent
        }
        return keys.reversed()
    }

    /// The coding path ending at step `node`, then `step` if there is one.
    /// - Parameters:
    ///   - node: The index of the last recorded step, or -1 for the root.
    ///   - step: The step that follows it, not recorded.
    /// - Returns: The keys from the root.
    func codingPath(_ node: Int, appending step: JSONByteCodingPathNode.Step?) -> [any CodingKey] {
        guard let step else { return codingPath(node) }
        return codingPath(node) + [step.codingKey]
    }

    /// Decodes the value at `offset` as `type`, as `JSONDecoder`'s `unwrap` does: `Data`, `URL` and
    /// `Decimal`, which it decodes its own way, are left to it.
    /// - Parameters:
    ///   - type: The type.
    ///   - offset: The offset of the value's first byte; -1 for a missing value read as null.
    ///   - path: The coding path step of the value.
    /// - Returns: The value.
    /// - Throws: `DecodingError`.
    func decode<Value: Decodable>(_ type: Value.Type, at offset: Int, path: Int) throws -> Value {
        if let scalar = try decodeScalar(type, at: offset, path: path, key: nil) { return scalar }
        if let dictionary = try decodeStringKeyedDictionary(type, at: offset, path: path) { return dictionary }
        if Value.self == Data.self || Value.self == URL.self || Value.self == Decimal.self {
            throw failure(
                DecodingError.dataCorrupted(
                    DecodingError.Context(
                        codingPath: codingPath(path), debugDescription: "\(Value.self) is decoded by JSONDecoder.")))
        }
        return try Value(from: JSONByteDecoder(state: self, offset: offset, path: path))
    }
}
