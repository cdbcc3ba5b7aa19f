import Foundation
public import SanteCore

/// Streaming readers for the health datasets, over any byte stream: an `HTTPBody` from
/// ``ResourceDownloader`` or ``TabularClient``, a `FileByteChunks` of a downloaded file, or any
/// `AsyncSequence` of byte chunks. Memory holds one record at a time.
///
/// ```swift
/// for try await place in HealthDatasets.vaccinationPlaces(csv: FileByteChunks(url: file)) {
///     print(place.name ?? "?", place.coordinates?.description ?? "")
/// }
/// ```
public enum HealthDatasets {
    /// The places of `centres-vaccination.csv` (`;`, 43 columns).
    /// - Parameter csv: The file's bytes.
    /// - Returns: The places, one at a time.
    public static func vaccinationPlaces<Source: AsyncSequence>(csv: Source) -> DecodedCSVRows<Source, VaccinationPlace>
    where Source.Element: Collection, Source.Element.Element == UInt8 {
        CSVRows(csv, options: CSVReaderOptions(separator: .automatic)).decoded(as: VaccinationPlace.self)
    }

    /// The features of `centres-vaccination.json` (a GeoJSON FeatureCollection).
    /// - Parameter geoJSON: The file's bytes.
    /// - Returns: The features, one at a time.
    public static func vaccinationPlaceFeatures<Source: AsyncSequence>(geoJSON: Source)
        -> DecodedJSONElements<Source, VaccinationPlaceFeature>
    where Source.Element: Collection, Source.Element.Element == UInt8 {
        JSONArrayElements(geoJSON, keyPath: ["features"]).decoded(as: VaccinationPlaceFeature.self)
    }

    /// The rows of a VACSI file (any era, any level).
    /// - Parameter csv: The file's bytes.
    /// - Returns: The rows, one at a time.
    public static func vacsi<Source: AsyncSequence>(csv: Source) -> DecodedCSVRows<Source, VacsiRecord>
    where Source.Element: Collection, Source.Element.Element == UInt8 {
        CSVRows(csv).decoded(as: VacsiRecord.self)
    }

    /// The rows of a SIDEP file (daily positives or sliding-week rates).
    /// - Parameter csv: The file's bytes.
    /// - Returns: The rows, one at a time.
    public static func sidep<Source: AsyncSequence>(csv: Source) -> DecodedCSVRows<Source, SidepRecord>
    where Source.Element: Collection, Source.Element.Element == UInt8 {
        CSVRows(csv).decoded(as: SidepRecord.self)
    }

    /// The centres of one list of a Vite Ma Dose department file (`centres_disponibles` or
    /// `centres_indisponibles`).
    /// - Parameters:
    ///   - json: The file's bytes.
    ///   - list: Which list.
    /// - Returns: The centres, one at a time.
    public static func viteMaDoseCentres<Source: AsyncSequence>(json: Source, list: ViteMaDoseCentreList = .available)
        -> DecodedJSONElements<Source, ViteMaDoseCentre>
    where Source.Element: Collection, Source.Element.Element == UInt8 {
        JSONArrayElements(json, keyPath: [list.rawValue]).decoded(as: ViteMaDoseCentre.self)
    }
}
