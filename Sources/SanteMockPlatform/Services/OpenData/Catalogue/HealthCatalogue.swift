/// The mock's catalogue: the health datasets, their producers, reuses and dataservices.
///
/// The VACSI dataset, Santé publique France and the resource identifiers published in the reference (the
/// vaccination places CSV and GeoJSON, the VACSI files, the SI-DEP file from 18 May 2022) are the real ones;
/// the other identifiers are fixed mock values. None depends on the seed (only file contents do).
enum HealthCatalogue {
    static let santePubliqueFrance = CatalogueOrganization(
        id: "5e721a395d57f93d0bed451f", name: "Santé publique France", acronym: "SPF", slug: "sante-publique-france",
        description: "Santé publique France est l’agence nationale de santé publique.",
        businessNumber: "13002233800011", badges: ["public-service", "certified"],
        createdAt: CatalogueText.milliseconds(2020, 3, 18, 13, 55, 21, 674),
        lastModified: CatalogueText.milliseconds(2023, 7, 13, 15, 52, 24, 758))

    static let ministry = CatalogueOrganization(
        id: "5ff7a3c2e1d0b9a8c7f60001", name: "Ministère des Solidarités et de la Santé", acronym: "MSS",
        slug: "ministere-des-solidarites-et-de-la-sante",
        description: "Ministère chargé de la santé (organisation fictive du catalogue de la plateforme simulée).",
        businessNumber: nil, badges: ["public-service", "certified"],
        createdAt: CatalogueText.milliseconds(2014, 4, 17, 17, 24, 55),
        lastModified: CatalogueText.milliseconds(2021, 4, 13, 10, 15))

    static let viteMaDose = CatalogueOrganization(
        id: "5ff7a3c2e1d0b9a8c7f60002", name: "Vite Ma Dose", acronym: nil, slug: "vite-ma-dose",
        description: "Outil citoyen de recherche de créneaux de vaccination (CovidTracker).",
        businessNumber: nil, badges: [], createdAt: CatalogueText.milliseconds(2021, 4, 1, 9),
        lastModified: CatalogueText.milliseconds(2021, 12, 29, 22, 32, 13))

    static let agenceNumeriqueSante = CatalogueOrganization(
        id: "5ff7a3c2e1d0b9a8c7f60003", name: "Agence du Numérique en Santé", acronym: "ANS",
        slug: "agence-du-numerique-en-sante", description: "Agence du Numérique en Santé.",
        businessNumber: nil, badges: ["public-service", "certified"],
        createdAt: CatalogueText.milliseconds(2017, 10, 2, 8), lastModified: CatalogueText.milliseconds(2024, 1, 15, 8))

    static let dataGouv = CatalogueOrganization(
        id: "646b7187b50b2a93b1ae3d45", name: "data.gouv.fr", acronym: nil, slug: "data-gouv-fr",
        description: "La plateforme ouverte des données publiques françaises.", businessNumber: nil,
        badges: ["public-service", "certified"], createdAt: CatalogueText.milliseconds(2013, 12, 4, 10),
        lastModified: CatalogueText.milliseconds(2024, 6, 6, 16, 38, 39))

    /// Every organization, in list order.
    static let organizations = [santePubliqueFrance, ministry, viteMaDose, agenceNumeriqueSante, dataGouv]

    /// Every dataset, in list order.
    static let datasets: [CatalogueDataset] = [places, vacsi, sidepUntil2022, sidepFrom2022, viteMaDoseDataset]

    static let places = CatalogueDataset(
        id: "5ff7a3c2e1d0b9a8c7f61001", slug: "lieux-de-vaccination-contre-la-covid-19",
        title: "Lieux de vaccination contre la Covid-19", acronym: nil,
        description: "Liste des lieux de vaccination contre la Covid-19 : adresse, coordonnées, horaires et "
            + "modalités de prise de rendez-vous.", organization: ministry, frequency: "daily",
        tags: ["centres-de-vaccination", "covid19", "vaccination"],
        createdAt: CatalogueText.milliseconds(2021, 1, 7, 11, 20, 5, 421),
        lastModified: CatalogueText.milliseconds(2021, 4, 13, 10, 15, 2, 118), temporalCoverage: nil,
        views: 152_377, downloads: 401_112, followers: 96, reuses: 1, discussions: 57,
        resources: [
            CatalogueResource(
                id: "5cb21a85-b0b0-4a65-a249-806a040ec372", title: "centres-vaccination.csv",
                description: "Lieux de vaccination (séparateur point-virgule, UTF-8).", file: .vaccinationPlacesCSV,
                path: "files/lieux-de-vaccination-contre-la-covid-19/20210413-101500/centres-vaccination.csv",
                format: "csv", mime: "text/csv", type: "main", filetype: "file", checksumKind: .sha256,
                createdAt: CatalogueText.milliseconds(2021, 1, 7, 11, 25, 41, 902),
                lastModified: CatalogueText.milliseconds(2021, 4, 13, 10, 15, 0, 331), views: 48_211, isTabular: true),
            CatalogueResource(
                id: "d0566522-604d-4af6-be44-a26eefa01756", title: "centres-vaccination.json",
                description: "Lieux de vaccination (GeoJSON).", file: .vaccinationPlacesGeoJSON,
                path: "files/lieux-de-vaccination-contre-la-covid-19/20210413-101501/centres-vaccination.json",
                format: "geojson", mime: "application/geo+json", type: "main", filetype: "file",
                checksumKind: .sha256, createdAt: CatalogueText.milliseconds(2021, 1, 7, 11, 26, 3, 77),
                lastModified: CatalogueText.milliseconds(2021, 4, 13, 10, 15, 1, 560), views: 21_904, isTabular: false),
        ])

    static let vacsi = CatalogueDataset(
        id: "6010206e7aa742eb447930f7", slug: "donnees-relatives-aux-personnes-vaccinees-contre-la-covid-19-1",
        title: "Données relatives aux personnes vaccinées contre la Covid-19", acronym: "VAC-SI",
        description: "Nombre de personnes vaccinées contre la COVID-19 par jour, au niveau national, régional et "
            + "départemental, par classe d’âge et par sexe (système d’information Vaccin Covid).",
        organization: santePubliqueFrance, frequency: "weekly",
        tags: ["coronavirus", "covid", "covid19", "vac-si", "vaccination", "vaccins"],
        createdAt: CatalogueText.milliseconds(2021, 1, 26, 15, 0, 14, 172),
        lastModified: CatalogueText.milliseconds(2023, 7, 20, 15, 25, 56),
        temporalCoverage: (start: "2020-12-27", end: "2023-07-12"), views: 87_209, downloads: 1_219_600,
        followers: 28, reuses: 1, discussions: 110,
        resources: [
            vacsiResource(
                "efe23314-67c4-45d3-89a2-3faef82fae90", "vacsi-fra-2023-07-13-15h50.csv", .vacsiNational,
                "20230713-135038", created: CatalogueText.milliseconds(2021, 1, 27, 17, 46, 5, 492),
                modified: CatalogueText.milliseconds(2023, 7, 13, 15, 50, 38, 729), tabular: true),
            vacsiResource(
                "54dd5f8d-1e2e-4ccb-8fb8-eac68245befd", "vacsi-a-fra-2023-07-13-15h50.csv", .vacsiByAgeClass,
                "20230713-135048", created: CatalogueText.milliseconds(2021, 1, 27, 21, 15, 20, 189),
                modified: CatalogueText.milliseconds(2023, 7, 13, 15, 50, 48, 541), tabular: true),
            vacsiResource(
                "349ca785-cf12-4f4d-9a0a-846d53dce996", "vacsi-s-fra-2023-07-13-15h50.csv", .vacsiBySex,
                "20230713-135055", created: CatalogueText.milliseconds(2021, 1, 27, 21, 15, 42, 625),
                modified: CatalogueText.milliseconds(2023, 7, 13, 15, 50, 55, 553), tabular: true),
            vacsiResource(
                "735b0df8-51b4-4dd2-8a2d-8e46d77d60d8", "vacsi-reg-2023-07-13-15h50.csv", .vacsiByRegion,
                "20230713-135038", created: CatalogueText.milliseconds(2021, 1, 27, 17, 46, 19, 308),
                modified: CatalogueText.milliseconds(2023, 7, 13, 15, 50, 38, 977), tabular: true),
            vacsiResource(
                "83cbbdb9-23cb-455e-8231-69fc25d58111", "vacsi-a-dep-2023-07-13-15h50.csv", .vacsiBenchmark,
                "20230713-135109", created: CatalogueText.milliseconds(2021, 1, 28, 21, 27, 4, 760),
                modified: CatalogueText.milliseconds(2023, 7, 13, 15, 51, 15, 545), tabular: false),
            vacsiResource(
                "5ff7a3c2-e1d0-4b9a-8c7f-6a0000000001", "vacsi-fra-2021-01-28-19h00.csv", .vacsiFirstFormat,
                "20210128-190002", created: CatalogueText.milliseconds(2021, 1, 27, 17, 46, 5, 492),
                modified: CatalogueText.milliseconds(2021, 1, 28, 19, 0, 2, 114), tabular: true, type: "other"),
        ])

    static let sidepUntil2022 = CatalogueDataset(
        id: "5ff7a3c2e1d0b9a8c7f61003", slug: "donnees-relatives-aux-resultats-des-tests-virologiques-covid-19",
        title: "Données relatives aux résultats des tests virologiques COVID-19", acronym: "SI-DEP",
        description: "Nombre de tests et de tests positifs par jour et par classe d’âge (SI-DEP), jusqu’au "
            + "17 mai 2022.", organization: santePubliqueFrance, frequency: "daily",
        tags: ["covid19", "depistage", "si-dep", "tests"],
        createdAt: CatalogueText.milliseconds(2020, 5, 29, 9, 10, 11, 300),
        lastModified: CatalogueText.milliseconds(2022, 5, 18, 19, 6, 0, 12),
        temporalCoverage: (start: "2020-05-13", end: "2022-05-17"), views: 301_554, downloads: 2_004_711,
        followers: 61, reuses: 1, discussions: 240,
        resources: [
            sidepResource(
                "5ff7a3c2-e1d0-4b9a-8c7f-6a0000000002", "sp-pos-quot-fra-2022-05-18-19h05.csv",
                .sidepPositivesUntil2022, dataset: "donnees-relatives-aux-resultats-des-tests-virologiques-covid-19",
                stamp: "20220518-190512", modified: CatalogueText.milliseconds(2022, 5, 18, 19, 5, 12, 431)),
            sidepResource(
                "5ff7a3c2-e1d0-4b9a-8c7f-6a0000000003", "sp-ti-tp-7j-18ans-fra-2022-05-18-19h05.csv",
                .sidepYoungRates, dataset: "donnees-relatives-aux-resultats-des-tests-virologiques-covid-19",
                stamp: "20220518-190514", modified: CatalogueText.milliseconds(2022, 5, 18, 19, 5, 14, 87)),
        ])

    static let sidepFrom2022 = CatalogueDataset(
        id: "5ff7a3c2e1d0b9a8c7f61004",
        slug: "donnees-de-laboratoires-pour-le-depistage-a-compter-du-18-05-2022-si-dep",
        title: "Données de laboratoires pour le dépistage (à compter du 18/05/2022) - SI-DEP", acronym: "SI-DEP",
        description: "Nombre de tests et de tests positifs par jour et par classe d’âge (SI-DEP), à compter du "
            + "18 mai 2022. Les colonnes P et T sont publiées avec une virgule décimale (1282,00).",
        organization: santePubliqueFrance, frequency: "daily", tags: ["covid19", "depistage", "si-dep", "tests"],
        createdAt: CatalogueText.milliseconds(2022, 5, 20, 10, 0, 9, 640),
        lastModified: CatalogueText.milliseconds(2023, 6, 28, 19, 16, 2, 5),
        temporalCoverage: (start: "2022-05-18", end: "2023-06-27"), views: 40_871, downloads: 250_332,
        followers: 12, reuses: 0, discussions: 9,
        resources: [
            sidepResource(
                "dd0de5d9-b5a5-4503-930a-7b08dc0adc7c", "sp-pos-quot-fra-2023-06-28-19h15.csv",
                .sidepPositivesFrom2022,
                dataset: "donnees-de-laboratoires-pour-le-depistage-a-compter-du-18-05-2022-si-dep",
                stamp: "20230628-191512", modified: CatalogueText.milliseconds(2023, 6, 28, 19, 15, 12, 902))
        ])

    static let viteMaDoseDataset = CatalogueDataset(
        id: "5ff7a3c2e1d0b9a8c7f61005", slug: "vite-ma-dose-centres-et-creneaux-de-vaccination",
        title: "Vite Ma Dose : centres et créneaux de vaccination contre la Covid-19", acronym: nil,
        description: "Disponibilités des centres de vaccination par département (fichiers Vite Ma Dose), "
            + "statistiques nationales, liste des départements et liste complète des centres.",
        organization: viteMaDose, frequency: "hourly", tags: ["covid19", "creneaux", "vaccination", "vitemadose"],
        createdAt: CatalogueText.milliseconds(2021, 4, 14, 12, 37, 42, 690),
        lastModified: CatalogueText.milliseconds(2021, 12, 29, 22, 32, 13),
        temporalCoverage: nil, views: 12_904, downloads: 88_140, followers: 7, reuses: 0, discussions: 3,
        resources: [
            viteMaDoseResource("5ff7a3c2-e1d0-4b9a-8c7f-6b0000000001", "departements.json", .viteMaDoseDepartments),
            viteMaDoseResource("5ff7a3c2-e1d0-4b9a-8c7f-6b0000000002", "stats.json", .viteMaDoseStats),
            viteMaDoseResource("5ff7a3c2-e1d0-4b9a-8c7f-6b0000000003", "centres.json", .viteMaDoseCentres),
        ]
            + Department.all.enumerated().map { index, department in
                viteMaDoseResource(
                    "5ff7a3c2-e1d0-4b9a-8c7f-6c\(tenDigits(index + 1))", "\(department.code).json",
                    .viteMaDoseDepartment(department.code))
            })

    static let reuses: [CatalogueReuse] = [
        CatalogueReuse(
            id: "5ff7a3c2e1d0b9a8c7f62001", slug: "vite-ma-dose", title: "Vite Ma Dose",
            description: "Trouver un créneau de vaccination contre la Covid-19 près de chez soi.",
            type: "application", topic: "health", url: "https://vitemadose.covidtracker.fr",
            datasetSlugs: ["lieux-de-vaccination-contre-la-covid-19"], organization: viteMaDose,
            tags: ["covid19", "vaccination"], createdAt: CatalogueText.milliseconds(2021, 4, 6, 18, 2, 31, 77),
            lastModified: CatalogueText.milliseconds(2021, 12, 29, 22, 32, 13), views: 18_330),
        CatalogueReuse(
            id: "5ff7a3c2e1d0b9a8c7f62002", slug: "covidtracker", title: "CovidTracker",
            description: "Suivi de l’épidémie et de la vaccination en France.", type: "visualization",
            topic: "health", url: "https://covidtracker.fr",
            datasetSlugs: [
                "donnees-relatives-aux-personnes-vaccinees-contre-la-covid-19-1",
                "donnees-relatives-aux-resultats-des-tests-virologiques-covid-19",
            ], organization: viteMaDose, tags: ["covid19", "visualisation"],
            createdAt: CatalogueText.milliseconds(2020, 11, 2, 9, 14, 55, 310),
            lastModified: CatalogueText.milliseconds(2023, 7, 14, 8, 0, 1), views: 33_908),
    ]

    static let dataservices: [CatalogueDataservice] = [
        CatalogueDataservice(
            id: "5ff7a3c2e1d0b9a8c7f63001", slug: "api-annuaire-sante", title: "API Annuaire Santé",
            acronym: nil, description: "API FHIR de l’Annuaire Santé : professionnels, rôles, structures.",
            organization: agenceNumeriqueSante, basePath: "/annuaire/fhir/v2",
            technicalDocumentationURL: "https://ansforge.github.io/annuaire-sante-fhir-documentation/",
            accessType: "open_with_account", rateLimiting: "1000 requêtes par minute", availability: 99.5,
            tags: ["fhir", "professionnels-de-sante", "rpps"], createdAt: CatalogueText.milliseconds(2023, 3, 1, 9)),
        CatalogueDataservice(
            id: "5ff7a3c2e1d0b9a8c7f63002", slug: "api-tabulaire-data-gouv-fr", title: "API tabulaire data.gouv.fr",
            acronym: nil, description: "Interroger les fichiers CSV de data.gouv.fr par filtres, tris et pages.",
            organization: dataGouv, basePath: "/data/tabular/api",
            technicalDocumentationURL: "https://tabular-api.data.gouv.fr/api/doc", accessType: "open",
            rateLimiting: nil, availability: nil, tags: ["csv", "tabulaire"],
            createdAt: CatalogueText.milliseconds(2024, 6, 6, 16, 38, 39, 597)),
    ]

    /// The dataset with this id or slug.
    static func dataset(_ idOrSlug: String) -> CatalogueDataset? {
        datasets.first { $0.id == idOrSlug || $0.slug == idOrSlug }
    }

    /// The resource with this id and its dataset.
    static func resource(_ id: String) -> (dataset: CatalogueDataset, resource: CatalogueResource)? {
        for dataset in datasets {
            if let resource = dataset.resources.first(where: { $0.id == id }) {
                return (dataset, resource)
            }
        }
        return nil
    }

    /// The resource whose file is served at `path` (relative to the service prefix).
    static func resource(path: String) -> CatalogueResource? {
        resourcesByPath[path]
    }

    /// The organization with this id or slug.
    static func organization(_ idOrSlug: String) -> CatalogueOrganization? {
        organizations.first { $0.id == idOrSlug || $0.slug == idOrSlug }
    }

    private static let resourcesByPath: [String: CatalogueResource] = {
        var map: [String: CatalogueResource] = [:]
        for dataset in datasets {
            for resource in dataset.resources {
                map[resource.path] = resource
            }
        }
        return map
    }()

    private static func vacsiResource(
        _ id: String, _ title: String, _ file: OpenDataFile, _ stamp: String, created: Int64, modified: Int64,
        tabular: Bool, type: String = "main"
    ) -> CatalogueResource {
        CatalogueResource(
            id: id, title: title, description: nil, file: file,
            path: "files/donnees-relatives-aux-personnes-vaccinees-contre-la-covid-19-1/\(stamp)/\(title)",
            format: "csv", mime: "text/csv", type: type, filetype: "file", checksumKind: .sha1, createdAt: created,
            lastModified: modified, views: 1000 + Int(created % 9000), isTabular: tabular)
    }

    private static func sidepResource(
        _ id: String, _ title: String, _ file: OpenDataFile, dataset: String, stamp: String, modified: Int64
    ) -> CatalogueResource {
        CatalogueResource(
            id: id, title: title, description: nil, file: file, path: "files/\(dataset)/\(stamp)/\(title)",
            format: "csv", mime: "text/csv", type: "main", filetype: "file", checksumKind: .sha1,
            createdAt: CatalogueText.milliseconds(2020, 5, 29, 9, 12, 0, 0), lastModified: modified,
            views: 5000 + Int(modified % 5000), isTabular: true)
    }

    private static func viteMaDoseResource(_ id: String, _ title: String, _ file: OpenDataFile) -> CatalogueResource {
        CatalogueResource(
            id: id, title: title, description: nil, file: file, path: "vitemadose/\(title)", format: "json",
            mime: "application/json", type: "main", filetype: "remote", checksumKind: .sha256,
            createdAt: CatalogueText.milliseconds(2021, 4, 14, 12, 37, 42, 690),
            lastModified: CatalogueText.milliseconds(2021, 12, 29, 22, 32, 13), views: 300, isTabular: false)
    }

    private static func tenDigits(_ value: Int) -> String {
        var bytes: [UInt8] = []
        ASCII.appendPadded(value, width: 10, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
