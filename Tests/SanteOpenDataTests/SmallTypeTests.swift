import Foundation
import SanteCore
import SanteOpenData
import Testing

@Suite("Open-data value types")
struct SmallTypeTests {
    @Test(
        "reads every timestamp form of the files",
        arguments: [
            ("2023-07-13T15:51:10.153000+00:00", 1_689_263_470.153, true),
            ("2021-04-22T13:20:00.000+02:00", 1_619_090_400, true),
            ("2021-12-30T10:25:00+01:00", 1_640_856_300, true),
            ("2021-07-20T07:00:00Z", 1_626_764_400, true),
            ("2021-09-20T12:00:00", 1_632_132_000, false),
            ("2021-03-09 00:07:17.156281", 1_615_244_837.156281, false),
            ("2021/02/04 16:21:11.620", 1_612_452_071.62, false),
            ("2021-01-18", 1_610_924_400, false),
        ])
    func timestamps(text: String, seconds: Double, hasOffset: Bool) throws {
        let timestamp = OpenDataTimestamp(text)
        let date = try #require(timestamp.date)
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.001, "\(text)")
        #expect(timestamp.hasOffset == hasOffset)
        #expect(timestamp.rawValue == text)
    }

    @Test("refuses what is not a timestamp, and reads naive times in a given zone")
    func timestampEdges() throws {
        for text in ["", "2021", "2021-13-01", "hier", "2021-01-01T25:00:00", "2021-01-01T10:00:00+0"] {
            #expect(OpenDataTimestamp(text).date == nil, "\(text)")
        }
        let utc = try #require(OpenDataTimestamp("2021-09-20T12:00:00").date(naiveTimeZone: .gmt))
        #expect(utc.timeIntervalSince1970 == 1_632_139_200)
        let written = OpenDataTimestamp(Date(timeIntervalSince1970: 1_704_067_200.5))
        #expect(written.rawValue == "2024-01-01T00:00:00.500+00:00")
        #expect(OpenDataTimestamp("2021-01-01") < OpenDataTimestamp("2021-01-02T00:00:00+01:00"))
    }

    @Test("bundles the 101 départements, overseas and Corsica included")
    func departments() {
        let codes = FrenchDepartment.all.map(\.code)
        #expect(codes.count == 101)
        #expect(Set(codes).count == 101)
        #expect(codes.contains("2A") && codes.contains("2B") && !codes.contains("20"))
        #expect(["971", "972", "973", "974", "976"].allSatisfy(codes.contains))
        #expect(!codes.contains("975"))
        #expect(FrenchDepartment.named("2a")?.name == "Corse-du-Sud")
        #expect(FrenchDepartment.named("1")?.code == "01")
        #expect(FrenchDepartment.named("99") == nil)
        let paris = try? Coordinates(latitude: 48.8566, longitude: 2.3522)
        let nearest = paris.map { point in
            FrenchDepartment.all.min { $0.centre.distance(to: point).value < $1.centre.distance(to: point).value }?.code
        }
        #expect(nearest == "75")
    }

    @Test("reads PostgreSQL array literals of centre kinds")
    func centreKinds() {
        let header = CSVHeader(["centre_type", "rdv"])
        #expect(VaccinationPlace(row: CSVRow(header: header, fields: ["{}", "t"])).kinds.isEmpty)
        #expect(
            VaccinationPlace(row: CSVRow(header: header, fields: ["{\"Grand centre\"}", "f"])).kinds == ["Grand centre"]
        )
        #expect(VaccinationPlace(row: CSVRow(header: header, fields: ["{a,\"b, c\"}", ""])).kinds == ["a", "b, c"])
        #expect(VaccinationPlace(row: CSVRow(header: header, fields: ["{}", "f"])).requiresAppointment == false)
        #expect(VaccinationPlace(row: CSVRow(header: header, fields: ["{}", ""])).requiresAppointment == nil)
    }

    @Test("reads SIDEP counts written with ,00 and VACSI rows of any era")
    func statistics() {
        let sidep = SidepRecord(
            row: CSVRow(
                header: CSVHeader(["fra", "jour", "P", "T", "cl_age90", "pop"]),
                fields: ["FR", "2022-05-18", "12345,00", "67890,00", "0", "67407241,5"]))
        #expect(sidep.positives == 12345)
        #expect(sidep.tests == 67890)
        #expect(sidep.population == Decimal(string: "67407241.5"))
        #expect(sidep.area == StatisticsArea(level: .national, code: "FR"))
        let vacsi = VacsiRecord(
            row: CSVRow(
                header: CSVHeader(["reg", "jour", "n_dose1", "couv_dose1", "n_3_rappel"]),
                fields: ["84", "2022-01-01", "5", "79,3", "2"]))
        #expect(vacsi.area == StatisticsArea(level: .region, code: "84"))
        #expect(vacsi.firstDoseCoverage == Decimal(string: "79.3"))
        #expect(vacsi.completed == nil)
        #expect(vacsi.fields["n_3_rappel"] == "2")
    }

    @Test("a field mask for pages keeps next_page and id")
    func fieldMasks() {
        #expect(DataGouvFieldMask.page(of: ["title"]).rawValue == "data{id,title},next_page,page,page_size,total")
        #expect(DataGouvFieldMask.object(["id", "title"]).rawValue == "id,title")
    }
}
