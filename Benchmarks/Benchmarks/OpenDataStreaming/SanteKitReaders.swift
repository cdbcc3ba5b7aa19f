import Foundation
import SanteCore
import SanteOpenData

/// What the SanteKit benchmarks do with each file.
enum SanteKitReaders {
    /// The chunk size the file is read with.
    static let chunkSize = 256 * 1024

    /// Every record of the CSV through ``CSVRows/batches``, summing one integer column parsed from the bytes.
    /// - Parameters:
    ///   - file: The CSV file.
    ///   - column: The column to sum.
    /// - Returns: The number of data rows and the sum.
    static func sumColumnWithBatches(_ file: URL, column: String) async throws -> (rows: Int, sum: Int) {
        var rows = 0
        var sum = 0
        let options = CSVReaderOptions(separator: .semicolon)
        for try await batch in CSVRows(FileByteChunks(url: file, chunkSize: chunkSize), options: options).batches {
            guard let position = batch.header.index(of: column) else {
                throw BenchmarkFileError(message: "the CSV has no column \(column)")
            }
            for record in batch {
                sum &+= record.integer(at: position) ?? 0
            }
            rows += batch.count
        }
        return (rows, sum)
    }

    /// Every row of the CSV as a ``CSVRow`` (every field decoded into a `String`), summing one column by name.
    /// - Parameters:
    ///   - file: The CSV file.
    ///   - column: The column to sum.
    /// - Returns: The number of data rows and the sum.
    static func sumColumnWithRows(_ file: URL, column: String) async throws -> (rows: Int, sum: Int) {
        var rows = 0
        var sum = 0
        let options = CSVReaderOptions(separator: .semicolon)
        for try await row in CSVRows(FileByteChunks(url: file, chunkSize: chunkSize), options: options) {
            sum &+= row.integer(column) ?? 0
            rows += 1
        }
        return (rows, sum)
    }

    /// Every element of the JSON array, delimited and copied out as its raw bytes, not decoded.
    /// - Parameter file: The JSON file.
    /// - Returns: The number of elements and their total size.
    static func scanElements(_ file: URL) async throws -> (places: Int, bytes: Int) {
        var places = 0
        var bytes = 0
        for try await element in JSONArrayElements(FileByteChunks(url: file, chunkSize: chunkSize)) {
            bytes &+= element.count
            places += 1
        }
        return (places, bytes)
    }

    /// Every centre of the JSON array, streamed and decoded into a `ViteMaDoseCentre`, summing the appointment
    /// counts.
    /// - Parameter file: The JSON file.
    /// - Returns: The number of centres and the sum.
    static func decodeCentres(_ file: URL) async throws -> (places: Int, sum: Int) {
        var places = 0
        var sum = 0
        let elements = JSONArrayElements(FileByteChunks(url: file, chunkSize: chunkSize))
        for try await centre in elements.decoded(as: ViteMaDoseCentre.self) {
            sum &+= centre.appointmentCount ?? 0
            places += 1
        }
        return (places, sum)
    }
}
