/// How far a download has gone.
public struct DownloadProgress: Hashable, Sendable {
    /// The bytes of the file on disk so far, resumed bytes included.
    public var bytesWritten: Int64
    /// The file's total size, when known (from the catalogue or the response).
    public var totalBytes: Int64?
    /// The bytes that were already on disk when this transfer resumed (0 for a fresh download).
    public var resumedFromByte: Int64
    /// The attempt number, from 1 (a resume after a dropped connection is a new attempt).
    public var attempt: Int

    /// Creates a progress report.
    /// - Parameters:
    ///   - bytesWritten: The bytes on disk.
    ///   - totalBytes: The total size.
    ///   - resumedFromByte: The bytes already on disk when the transfer resumed.
    ///   - attempt: The attempt number.
    public init(bytesWritten: Int64, totalBytes: Int64?, resumedFromByte: Int64 = 0, attempt: Int = 1) {
        self.bytesWritten = bytesWritten
        self.totalBytes = totalBytes
        self.resumedFromByte = resumedFromByte
        self.attempt = attempt
    }

    /// The fraction done, between 0 and 1, when the total size is known.
    public var fractionCompleted: Double? {
        guard let totalBytes, totalBytes > 0 else { return nil }
        return min(1, Double(bytesWritten) / Double(totalBytes))
    }
}

/// What a download reports while it runs, as an asynchronous stream.
public enum DownloadEvent: Hashable, Sendable {
    /// More bytes are on disk.
    case progress(DownloadProgress)
    /// The download finished (or the cache answered).
    case finished(DownloadResult)
}
