public import Foundation

extension HTTPBody {
    /// Reads the whole body into memory.
    ///
    /// - Parameter maximumBytes: The most bytes accepted; a longer body throws rather than filling memory.
    /// - Returns: The body's bytes.
    /// - Throws: ``TooManyBytesError`` when the body is longer than `maximumBytes` (at once when its
    ///   length is known), or any error raised while reading it.
    public func collect(upTo maximumBytes: Int) async throws -> Data {
        if case .known(let declared) = length, declared > Int64(maximumBytes) {
            throw TooManyBytesError(maximumBytes: maximumBytes)
        }
        if case .bytes(let data, let observer) = storage {
            if let observer {
                // The chunks an iteration would hand out, reported without copying the bytes.
                for chunkStart in stride(from: 0, to: data.count, by: Self.chunkSize) {
                    observer(Swift.min(Self.chunkSize, data.count - chunkStart))
                }
            }
            return data
        }
        var collected = Data()
        if case .known(let declared) = length, declared > 0 {
            // One allocation instead of regrowing chunk by chunk; capped, as a declared length is only a claim.
            collected.reserveCapacity(Int(Swift.min(declared, Self.maximumReservation)))
        }
        var iterator = makeAsyncIterator()
        while try await iterator.appendNext(to: &collected) != nil {
            // At most one chunk past the limit is ever held.
            guard collected.count <= maximumBytes else {
                throw TooManyBytesError(maximumBytes: maximumBytes)
            }
        }
        return collected
    }

    /// Reads at most `maximumBytes` of the body and reports whether more bytes were left unread.
    ///
    /// Used to keep a bounded snippet of an error response.
    /// - Parameter maximumBytes: The most bytes kept.
    /// - Returns: The first bytes of the body and whether the body was longer.
    func collectPrefix(upTo maximumBytes: Int) async throws -> (data: Data, truncated: Bool) {
        if let data = bufferedData {
            return data.count > maximumBytes ? (data.prefix(maximumBytes), true) : (data, false)
        }
        var collected = Data()
        for try await chunk in self {
            let room = maximumBytes - collected.count
            if chunk.count > room {
                collected.append(contentsOf: chunk.prefix(room))
                return (collected, true)
            }
            collected.append(contentsOf: chunk)
        }
        return (collected, false)
    }

    /// Reads and throws away up to `maximumBytes` of the body, ignoring read errors.
    ///
    /// Used for the body of a failed attempt before a retry, so that the connection can be reused.
    /// - Parameter maximumBytes: The most bytes read; the rest is abandoned.
    func discard(upTo maximumBytes: Int = 1 << 20) async {
        if bufferedData != nil { return }
        var read = 0
        do {
            for try await chunk in self {
                read += chunk.count
                if read >= maximumBytes { return }
            }
        } catch {
            // A failed attempt's body is of no interest; a read error here changes nothing.
        }
    }

    /// A body with the same bytes, length and iteration behaviour that calls `observer` with the size of
    /// every chunk as it is read. Used to count bytes as they stream.
    ///
    /// The observing body reads the same source: for a single-pass body, reading either one uses it up. An observer
    /// added to an observed body is told after the one already there.
    /// - Parameter observer: Called with each chunk's byte count.
    /// - Returns: The observing body.
    func observingChunks(_ observer: @escaping ChunkObserver) -> HTTPBody {
        let storage: Storage
        switch self.storage {
        case .bytes(let data, let inner):
            storage = .bytes(data, observer: Self.chaining(inner, observer))
        case .stream(let stream, let inner):
            storage = .stream(stream, observer: Self.chaining(inner, observer))
        }
        return HTTPBody(storage: storage, length: length, iterationBehavior: iterationBehavior)
    }

    /// `added`, called after `existing` when there is one.
    private static func chaining(_ existing: ChunkObserver?, _ added: @escaping ChunkObserver) -> ChunkObserver {
        guard let existing else { return added }
        return { count in
            existing(count)
            added(count)
        }
    }
}
