/// Every file the open-data service generates.
enum OpenDataFile: Hashable, Sendable {
    /// `centres-vaccination.csv`: the 43-column places file.
    case vaccinationPlacesCSV
    /// `centres-vaccination.json`: the same places as GeoJSON.
    case vaccinationPlacesGeoJSON
    /// `vacsi-fra`: national vaccinations, 2021–2023 format.
    case vacsiNational
    /// `vacsi-a-fra`: by age class.
    case vacsiByAgeClass
    /// `vacsi-s-fra`: by sex.
    case vacsiBySex
    /// `vacsi-reg`: by region.
    case vacsiByRegion
    /// `vacsi-fra` of 28 January 2021, the first format.
    case vacsiFirstFormat
    /// `vacsi-a-dep`: the scale-driven VACSI-shaped CSV, streamed.
    case vacsiBenchmark
    /// `sp-pos-quot-fra` until 17 May 2022.
    case sidepPositivesUntil2022
    /// `sp-ti-tp-7j-18ans-fra`.
    case sidepYoungRates
    /// `sp-pos-quot-fra` from 18 May 2022, with `,00` decimals.
    case sidepPositivesFrom2022
    /// Vite Ma Dose `{code}.json`.
    case viteMaDoseDepartment(String)
    /// Vite Ma Dose `stats.json`.
    case viteMaDoseStats
    /// Vite Ma Dose `departements.json`.
    case viteMaDoseDepartments
    /// The scale-driven JSON array of Vite Ma Dose centres, streamed.
    case viteMaDoseCentres

    /// Whether the file is generated while streaming (its size and checksum need a measuring pass).
    var isSegmented: Bool {
        self == .vacsiBenchmark || self == .viteMaDoseCentres
    }
}

/// The size and checksum of a generated file.
struct FileDigest: Sendable, Equatable {
    /// The size in bytes.
    let size: Int
    /// The checksum in hexadecimal.
    let checksum: String
}
