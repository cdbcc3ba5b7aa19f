import Foundation
import SanteCore
import SanteOpenData
import Testing

@Suite("Every open-data sample parses")
struct SampleParsingTests {
    @Test(
        "parses with the matching reader, losslessly where the model keeps unknown members",
        .enabled(if: OpenDataSamples.folderExists, "shared/data/opendata is absent"),
        arguments: OpenDataSamples.relativePaths
    )
    func parses(relativePath: String) async throws {
        let folder = relativePath.split(separator: "/").first.map(String.init) ?? ""
        switch folder {
        case "udata": try checkBundle(relativePath)
        case "udata-api-responses": try checkRecordedResponse(relativePath)
        case "vitemadose": try await checkViteMaDose(relativePath)
        case "centres-vaccination": try await checkVaccinationPlaces(relativePath)
        case "vacsi": try await checkVacsi(relativePath)
        case "sidep": try await checkSidep(relativePath)
        case "annuaire-sante": try checkAnnuaire(relativePath)
        default: Issue.record("no reader for \(relativePath): add one")
        }
    }

    @Test("the sample folder holds every kind of file", .enabled(if: OpenDataSamples.folderExists))
    func inventory() {
        #expect(OpenDataSamples.relativePaths.count >= 40)
    }

    // MARK: - data.gouv.fr

    private struct Bundle: Decodable {
        let organization: DataGouvOrganization
        let resources: [DataGouvResource]
        let dataset: DataGouvDataset
        let reuses: [DataGouvReuse]
        let communityResources: [DataGouvResource]
        let dataservices: [DataGouvDataservice]

        enum CodingKeys: String, CodingKey {
            case organization, resources, dataset, reuses, dataservices
            case communityResources = "community_resources"
        }
    }

    private func checkBundle(_ path: String) throws {
        let data = try OpenDataSamples.data(path)
        let bundle = try JSONDecoder().decode(Bundle.self, from: data)
        let original = try TestJSON.parse(data)
        #expect(try TestJSON.encode(bundle.dataset) == original["dataset"])
        #expect(try TestJSON.encode(bundle.resources) == original["resources"])
        #expect(try TestJSON.encode(bundle.organization) == original["organization"])
        #expect(try TestJSON.encode(bundle.reuses) == original["reuses"])
        #expect(!bundle.resources.isEmpty)
        for resource in bundle.resources {
            #expect(resource.checksum?.algorithm == .sha1, "\(resource.id)")
            #expect(resource.filesize.map { $0 > 0 } ?? false)
        }
        if path.contains("vacsi") {
            #expect(bundle.resources.count == 30)
            #expect(bundle.dataset.acronym == "VAC-SI")
            #expect(bundle.reuses.count == 20)
        } else {
            #expect(bundle.resources.first?.filesize == 73)
            #expect(
                bundle.resources.first?.latest?.hasSuffix("/datasets/r/503c39b0-58d8-45fe-ace0-55795bb0a6b7") == true)
        }
    }

    private func checkRecordedResponse(_ path: String) throws {
        let recorded = try JSONDecoder().decode(OpenDataSamples.RecordedResponse.self, from: OpenDataSamples.data(path))
        let body = recorded.body
        guard recorded.status == 200 else {
            let error = try TestJSON.decode(OpenDataAPIErrorBody.self, from: body)
            #expect(error.message?.isEmpty == false)
            #expect(try TestJSON.encode(error) == body)
            if recorded.status == 400 { #expect(error.fieldErrors["page_size"]?.contains("positive") == true) }
            return
        }
        let request = recorded.request
        if request.hasPrefix("/api/1/site/") {
            #expect(body["version"]?.stringValue == "17.18.0")
        } else if request.hasPrefix("/api/2/datasets/") && request.contains("/resources/") {
            let page = try TestJSON.decode(DataGouvPage<DataGouvResource>.self, from: body)
            #expect(page.data.count == 3)
            #expect(page.total == 30)
            #expect(page.nextPage?.absoluteString.contains("page=2") == true)
            #expect(try TestJSON.encode(page) == body)
        } else if request.hasPrefix("/api/2/datasets/") {
            let dataset = try TestJSON.decode(DataGouvDataset.self, from: body)
            #expect(dataset.resources.isEmpty)
            #expect(dataset.resourcesLink?.total == 30)
            #expect(try TestJSON.encode(dataset) == body)
        } else if request.hasPrefix("/api/1/datasets/?") {
            let page = try TestJSON.decode(DataGouvPage<DataGouvDataset>.self, from: body)
            #expect(page.total == 15)
            #expect(page.data.count == 2)
            #expect(try TestJSON.encode(page) == body)
        } else if request.hasPrefix("/api/1/datasets/") {
            let dataset = try TestJSON.decode(DataGouvDataset.self, from: body)
            #expect(dataset.id == "6010206e7aa742eb447930f7")
            #expect(dataset.resources.count == 30)
            #expect(dataset.organization?.name == "Santé publique France")
            #expect(dataset.lastUpdate?.date != nil)
            #expect(try TestJSON.encode(dataset) == body)
        } else if request.hasPrefix("/api/1/organizations/") {
            let page = try TestJSON.decode(DataGouvPage<DataGouvOrganization>.self, from: body)
            #expect(page.data.first?.name == "SOBRANA")
            #expect(try TestJSON.encode(page) == body)
        } else if request.hasPrefix("/api/1/reuses/") {
            let page = try TestJSON.decode(DataGouvPage<DataGouvReuse>.self, from: body)
            #expect(page.data.first?.datasets.isEmpty == false)
            #expect(try TestJSON.encode(page) == body)
        } else if request.hasPrefix("/api/1/dataservices/") {
            let page = try TestJSON.decode(DataGouvPage<DataGouvDataservice>.self, from: body)
            #expect(page.data.first?.baseAPIURL?.hasPrefix("https://") == true)
            #expect(page.data.first?.availability == 99.5)
            #expect(try TestJSON.encode(page) == body)
        } else {
            Issue.record("no model for the recorded request \(request)")
        }
    }

    // MARK: - Vite Ma Dose

    private func checkViteMaDose(_ path: String) async throws {
        let data = try OpenDataSamples.data(path)
        let decoder = JSONDecoder()
        if path.contains("creneaux-quotidiens") {
            let slots = try decoder.decode(ViteMaDoseDailySlots.self, from: data)
            #expect((11...31).contains(slots.days.count))
            #expect(slots.days.allSatisfy { $0.date.date != nil })
            let listed = slots.days.map { $0.places.compactMap { $0.count() }.reduce(0, +) }
            #expect(listed.reduce(0, +) > 0)
        } else if path.hasSuffix("stats.json") {
            let stats = try decoder.decode(ViteMaDoseStats.self, from: data)
            #expect(stats.national?.slots == 2_648_401)
            #expect(stats.department("2A")?.total == 20)
            #expect(stats.entries["null"] != nil)
        } else if path.hasSuffix("departements.json") {
            let departments = try decoder.decode([ViteMaDoseDepartment].self, from: data)
            #expect(departments.count == 101)
            #expect(departments.first?.regionCode == "84")
            #expect(departments.first { $0.code == "971" }?.regionCode == "01")
            #expect(Set(departments.map(\.code)) == Set(FrenchDepartment.all.map(\.code)))
        } else if path.hasSuffix("centres_open_data.json") {
            let centres = try decoder.decode([ViteMaDoseOpenDataCentre].self, from: data)
            #expect(!centres.isEmpty)
            #expect(centres.allSatisfy { $0.url != nil && $0.department != nil })
        } else if path.hasSuffix("info_centres.json") {
            let files = try decoder.decode([String: ViteMaDoseDepartmentFile].self, from: data)
            let first = try #require(files["01"]?.availableCentres.first)
            #expect(first.appointmentSchedules.map(\.name).contains("chronodose"))
            #expect(first.gid == "d264639")
        } else {
            let file = try decoder.decode(ViteMaDoseDepartmentFile.self, from: data)
            let original = try TestJSON.parse(data)
            #expect(file.availableCentres.count == original["centres_disponibles"]?.arrayValue?.count)
            #expect(file.unavailableCentres.count == original["centres_indisponibles"]?.arrayValue?.count)
            for (centre, json) in zip(file.availableCentres, original["centres_disponibles"]?.arrayValue ?? []) {
                #expect(try TestJSON.encode(centre) == json)
                #expect(centre.identifier != nil)
                #expect(centre.nextAppointment?.date != nil)
            }
            // The same centres, streamed in small chunks.
            let streamed = try await TestSupport.collect(
                HealthDatasets.viteMaDoseCentres(json: FileByteChunks(url: OpenDataSamples.url(path), chunkSize: 97)))
            #expect(streamed == file.availableCentres)
            let unavailable = try await TestSupport.collect(
                HealthDatasets.viteMaDoseCentres(
                    json: FileByteChunks(url: OpenDataSamples.url(path), chunkSize: 1024), list: .unavailable))
            #expect(unavailable == file.unavailableCentres)
        }
    }

    // MARK: - CSV and GeoJSON datasets

    private func checkVaccinationPlaces(_ path: String) async throws {
        if path.hasSuffix(".json") {
            let feature = try JSONDecoder().decode(VaccinationPlaceFeature.self, from: OpenDataSamples.data(path))
            #expect(feature.place.name == "Centre de vaccination de Neufchateau")
            #expect(feature.place.gid == "219")
            #expect(feature.featureGID == "152")
            #expect(feature.place.requiresAppointment == true)
            #expect(feature.place.postalCode == "88300")
            #expect(feature.place.openingHours[.sunday] == "fermé")
            let coordinates = try #require(feature.place.coordinates)
            #expect(abs(coordinates.latitude - 48.370392643203) < 1e-9)
            #expect(abs(coordinates.longitude - 5.7076970492316) < 1e-9)
            #expect(feature.place.editedAt?.date != nil)
            return
        }
        let places = try await TestSupport.collect(
            HealthDatasets.vaccinationPlaces(csv: FileByteChunks(url: OpenDataSamples.url(path), chunkSize: 4096)))
        #expect(places.count == 300)
        // The two user-id columns are the only ones not modelled.
        #expect(places.allSatisfy { $0.name != nil && $0.gid != nil })
        #expect(Set(places.flatMap(\.otherFields.keys)) == ["_userid_creation", "_userid_modification"])
        #expect(places.filter { $0.coordinates != nil }.count >= 298)
        let first = try #require(places.first)
        #expect(first.gid == "89")
        #expect(first.postalCode == "54000")
        #expect(first.requiresAppointment == true)
        #expect(first.offersPreVaccinationConsultation == false)
        #expect(first.openingHours[.monday] == "9:00-17:00")
        #expect(first.structure.siren?.rawValue == "130007834")
        #expect(first.kinds.isEmpty)
        #expect(places.contains { $0.kinds == ["Grand centre"] })
        #expect(places.contains { $0.name == "Site de \"La Croix Louis\" " || $0.name == "Site de \"La Croix Louis\"" })
    }

    private func checkVacsi(_ path: String) async throws {
        let records = try await TestSupport.collect(
            HealthDatasets.vacsi(csv: FileByteChunks(url: OpenDataSamples.url(path), chunkSize: 333)))
        #expect(!records.isEmpty)
        #expect(records.allSatisfy { $0.area != nil && $0.day?.date != nil && $0.firstDoses != nil })
        #expect(records.allSatisfy { $0.cumulativeFirstDoses != nil })
        if path.contains("covidtracker") {
            #expect(records.allSatisfy { $0.completed != nil && $0.firstDoseCoverage != nil })
        } else {
            #expect(records.allSatisfy { $0.completed == nil })
        }
        if path.contains("-a-") { #expect(records.allSatisfy { $0.ageClass != nil }) }
        if path.contains("-s-") { #expect(records.allSatisfy { $0.sex != nil }) }
        if path.contains("-dep") {
            #expect(records.contains { $0.area?.code == "01" && $0.area?.level == .department })
        }
    }

    private func checkSidep(_ path: String) async throws {
        let records = try await TestSupport.collect(
            HealthDatasets.sidep(csv: FileByteChunks(url: OpenDataSamples.url(path), chunkSize: 50)))
        #expect(!records.isEmpty)
        if path.contains("sp-pos-quot") {
            let row = try #require(records.first)
            #expect(row.positives == 13)
            #expect(row.tests == 1282)
            #expect(row.ageClass == "09")
            #expect(row.population == Decimal(string: "7763205.6862729"))
        } else {
            #expect(records.allSatisfy { $0.slidingWeek != nil && $0.incidenceRate != nil })
            #expect(records.first?.slidingWeek?.lowerBound.rawValue == "2020-05-13")
        }
    }

    // MARK: - Annuaire Santé

    private func checkAnnuaire(_ path: String) throws {
        let data = try OpenDataSamples.data(path)
        let original = try TestJSON.parse(data)
        switch original["resourceType"]?.stringValue {
        case "Practitioner":
            let practitioner = try FHIRJSON.decode(AnnuairePractitioner.self, from: data)
            #expect(practitioner.rpps?.rawValue == "10102727017")
            #expect(practitioner.nationalIdentifier == .rpps(RPPS("10102727017")))
            #expect(practitioner.name.first?.displayName == "David CHATELIER")
            #expect(practitioner.mssanteAddresses.first?.hasSuffix("mssante.fr") == true)
            #expect(try TestJSON.parse(FHIRJSON.encode(practitioner)) == original)
        case "PractitionerRole":
            let role = try FHIRJSON.decode(AnnuairePractitionerRole.self, from: data)
            #expect(role.practitioner?.reference == "Practitioner/334081")
            #expect(role.organization?.reference == "Organization/158480")
            #expect(
                role.codes(system: "https://mos.esante.gouv.fr/NOS/TRE_R23-ModeExercice/FHIR/TRE-R23-ModeExercice") == [
                    "S"
                ])
            #expect(try TestJSON.parse(FHIRJSON.encode(role)) == original)
        case "Organization":
            let organization = try FHIRJSON.decode(AnnuaireOrganization.self, from: data)
            #expect(organization.finess?.rawValue.count == 9)
            #expect(organization.nationalIdentifier.map { if case .finess = $0 { true } else { false } } == true)
            #expect(organization.name?.isEmpty == false)
            #expect(try TestJSON.parse(FHIRJSON.encode(organization)) == original)
        case "CapabilityStatement":
            let types = Set(
                (original["rest"]?.arrayValue?.first?["resource"]?.arrayValue ?? []).compactMap {
                    $0["type"]?.stringValue
                })
            #expect(types.isSuperset(of: ["Practitioner", "PractitionerRole", "Organization", "HealthcareService"]))
            let statement = try FHIRJSON.decode(AnyFHIRResource.self, from: data)
            #expect(statement.resourceType == "CapabilityStatement")
        default:
            Issue.record("unexpected resource in \(path)")
        }
    }
}
