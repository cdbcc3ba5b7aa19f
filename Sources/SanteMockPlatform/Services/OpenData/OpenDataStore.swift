/// The generated content of one platform's open-data service: every file, made lazily on first use and cached
/// for the platform's life (so start-up does no work).
///
/// Small files are generated whole, once, off the actor (concurrent first requests share one generation). The
/// two scale-driven files are never held whole: their size, checksum and segment offsets come from one measuring
/// pass (``SegmentedFileLayout/measure(_:checksum:)``), then every download regenerates the bytes as it streams.
actor OpenDataStore {
    /// A generated small file, with its table when the tabular API can serve it.
    struct SmallFile: Sendable {
        let bytes: [UInt8]
        let table: TabularTable?
    }

    /// The seed of every generated value.
    nonisolated let seed: UInt64
    /// The sizes of the scale-driven files.
    nonisolated let scale: OpenDataScale

    private var smallFiles: [OpenDataFile: Task<SmallFile, Never>] = [:]
    private var layouts: [OpenDataFile: Task<SegmentedFileLayout, Never>] = [:]
    private var checksums: [OpenDataFile: Task<String, Never>] = [:]

    init(seed: UInt64, scale: OpenDataScale) {
        self.seed = seed
        self.scale = scale
    }

    /// The file served for a catalogue resource, ready to stream.
    func servedFile(_ resource: CatalogueResource) async -> ServedFile {
        let body = await body(resource.file, checksum: resource.checksumKind)
        let digest = await digest(resource.file, checksum: resource.checksumKind)
        return ServedFile(
            contentType: Self.contentType(resource), body: body, checksum: digest.checksum,
            checksumKind: resource.checksumKind, lastModified: resource.lastModified / 1000)
    }

    /// The size and checksum of a file.
    func digest(_ file: OpenDataFile, checksum kind: ChecksumKind) async -> FileDigest {
        if file.isSegmented {
            let layout = await layout(file, checksum: kind)
            return FileDigest(size: layout.size, checksum: layout.checksum)
        }
        let small = await smallFile(file)
        let checksum: String
        if let task = checksums[file] {
            checksum = await task.value
        } else {
            let task = Task.detached { kind.hex(of: small.bytes) }
            checksums[file] = task
            checksum = await task.value
        }
        return FileDigest(size: small.bytes.count, checksum: checksum)
    }

    /// The table behind a small CSV file, for the tabular API.
    func table(_ file: OpenDataFile) async -> TabularTable? {
        guard !file.isSegmented else { return nil }
        return await smallFile(file).table
    }

    private func body(_ file: OpenDataFile, checksum kind: ChecksumKind) async -> FileBody {
        if let segmented = segmentedFile(file) {
            return .segmented(segmented, await layout(file, checksum: kind))
        }
        return .bytes(await smallFile(file).bytes)
    }

    private func smallFile(_ file: OpenDataFile) async -> SmallFile {
        if let task = smallFiles[file] {
            return await task.value
        }
        let seed = self.seed
        let task = Task.detached { Self.generate(file, seed: seed) }
        smallFiles[file] = task
        return await task.value
    }

    private func layout(_ file: OpenDataFile, checksum kind: ChecksumKind) async -> SegmentedFileLayout {
        if let task = layouts[file] {
            return await task.value
        }
        guard let segmented = segmentedFile(file) else {
            return SegmentedFileLayout(size: 0, checksum: "", segmentOffsets: [])
        }
        let task = Task.detached { await SegmentedFileLayout.measure(segmented, checksum: kind) }
        layouts[file] = task
        return await task.value
    }

    private nonisolated func segmentedFile(_ file: OpenDataFile) -> (any SegmentedFile)? {
        switch file {
        case .vacsiBenchmark: VacsiBenchmarkFile(rowCount: scale.vacsiRowCount, seed: seed)
        case .viteMaDoseCentres: CentresBenchmarkFile(count: scale.centreCount, seed: seed)
        default: nil
        }
    }

    /// Generates a small file (never called for the segmented ones).
    private static func generate(_ file: OpenDataFile, seed: UInt64) -> SmallFile {
        switch file {
        case .vaccinationPlacesCSV: tabular(VaccinationPlaces.table(seed: seed))
        case .vaccinationPlacesGeoJSON: SmallFile(bytes: VaccinationPlaces.geoJSON(seed: seed), table: nil)
        case .vacsiNational: tabular(VacsiTables.national(seed: seed))
        case .vacsiByAgeClass: tabular(VacsiTables.byAgeClass(seed: seed))
        case .vacsiBySex: tabular(VacsiTables.bySex(seed: seed))
        case .vacsiByRegion: tabular(VacsiTables.byRegion(seed: seed))
        case .vacsiFirstFormat: tabular(VacsiTables.firstFormat(seed: seed))
        case .sidepPositivesUntil2022: tabular(SidepTables.positivesUntilMay2022(seed: seed))
        case .sidepYoungRates: tabular(SidepTables.youngRates(seed: seed))
        case .sidepPositivesFrom2022: tabular(SidepTables.positivesFromMay2022(seed: seed))
        case .viteMaDoseDepartment(let code):
            json(Department.named(code).map { ViteMaDose.departmentFile($0, seed: seed) } ?? .null)
        case .viteMaDoseStats: json(ViteMaDose.stats(seed: seed))
        case .viteMaDoseDepartments: json(ViteMaDose.departments())
        case .vacsiBenchmark, .viteMaDoseCentres: SmallFile(bytes: [], table: nil)
        }
    }

    private static func tabular(_ table: TabularTable) -> SmallFile {
        SmallFile(bytes: table.csv(), table: table)
    }

    private static func json(_ value: OrderedJSON) -> SmallFile {
        SmallFile(bytes: value.serialized(), table: nil)
    }

    private static func contentType(_ resource: CatalogueResource) -> String {
        switch resource.format {
        case "csv": "text/csv; charset=utf-8"
        case "geojson": "application/geo+json"
        default: "application/json; charset=utf-8"
        }
    }
}
