import Foundation
import SanteCore
import Testing

@Suite("FHIR date, dateTime and instant")
struct FHIRTemporalTests {
    private let paris = TimeZone(identifier: "Europe/Paris") ?? .gmt

    @Test(
        "a date keeps its precision: year, month or day",
        arguments: [
            ("2024", FHIRDatePrecision.year, 2024, Int?.none, Int?.none),
            ("2024-03", .month, 2024, 3, nil),
            ("2024-02-29", .day, 2024, 2, 29),
        ])
    func datePrecision(text: String, precision: FHIRDatePrecision, year: Int, month: Int?, day: Int?) throws {
        let date = try FHIRDate(text)
        #expect(date.rawValue == text)
        #expect(date.precision == precision)
        #expect(date.year == year)
        #expect(date.month == month)
        #expect(date.day == day)
    }

    @Test("a partial date starts at midnight UTC on its first day")
    func partialDateStart() throws {
        #expect(try FHIRDate("2024-03").date == Date(timeIntervalSince1970: 1_709_251_200))  // 2024-03-01T00:00:00Z
        #expect(try FHIRDate("1970").date == Date(timeIntervalSince1970: 0))
        #expect(try FHIRDate("1970-01-02").date(in: paris) == Date(timeIntervalSince1970: 86_400 - 3600))
    }

    @Test(
        "malformed dates are refused with a validation error",
        arguments: [
            "24", "2024-13", "2023-02-29", "2024-3", "2024-03-15T10:00:00Z", "2024/03/15", "",
        ])
    func malformedDate(text: String) {
        #expect(throws: ValidationError.self) { try FHIRDate(text) }
    }

    @Test("a dateTime keeps precision and offset")
    func dateTimeParts() throws {
        let value = try FHIRDateTime("2024-03-15T10:30:00+01:00")
        #expect(value.precision == .second)
        #expect(value.timeZoneOffset == 3600)
        #expect(value.date == Date(timeIntervalSince1970: 1_710_495_000))  // 2024-03-15T09:30:00Z
        #expect(value.dateComponents.hour == 10)

        let fractional = try FHIRDateTime("2024-03-15T09:30:00.25Z")
        #expect(fractional.precision == .fractionalSecond)
        #expect(fractional.timeZoneOffset == 0)
        #expect(fractional.date == Date(timeIntervalSince1970: 1_710_495_000.25))

        let negative = try FHIRDateTime("2024-03-15T05:30:00-04:00")
        #expect(negative.timeZoneOffset == -14_400)
        #expect(negative.date == Date(timeIntervalSince1970: 1_710_495_000))
    }

    @Test(
        "a partial dateTime keeps its precision and has no offset",
        arguments: [
            ("2024", FHIRDatePrecision.year), ("2024-03", .month), ("2024-03-15", .day),
        ])
    func partialDateTime(text: String, precision: FHIRDatePrecision) throws {
        let value = try FHIRDateTime(text)
        #expect(value.precision == precision)
        #expect(value.timeZoneOffset == nil)
        #expect(value.rawValue == text)
        #expect(value.date != nil)
    }

    @Test("a dateTime without offset or seconds is read leniently")
    func lenientDateTime() throws {
        let noOffset = try FHIRDateTime("2024-03-15T10:30:00")
        #expect(noOffset.precision == .second)
        #expect(noOffset.timeZoneOffset == nil)
        #expect(noOffset.date == nil)
        #expect(noOffset.date(defaultTimeZone: paris) == Date(timeIntervalSince1970: 1_710_495_000))

        let noSeconds = try FHIRDateTime("2024-03-15T10:30Z")
        #expect(noSeconds.precision == .minute)
        #expect(noSeconds.date == Date(timeIntervalSince1970: 1_710_498_600))
    }

    @Test(
        "malformed dateTimes are refused",
        arguments: [
            "2024-03-15T25:00:00Z", "2024-03-15T10:30:00+1:00", "2024-03-15 10:30:00Z", "2024-03-15T10:30:00.Z",
            "2024-03-15T10:30:00Zjunk", "2024-03-15T10",
        ])
    func malformedDateTime(text: String) {
        #expect(throws: ValidationError.self) { try FHIRDateTime(text) }
    }

    @Test("re-encoding writes the original string byte for byte")
    func byteIdentical() throws {
        let json = Data(#"{"end":"2024-03-15T10:30:00.1230+00:00","start":"2024"}"#.utf8)
        let period = try FHIRJSON.decode(FHIRPeriod.self, from: json)
        #expect(period.start?.precision == .year)
        #expect(period.end?.precision == .fractionalSecond)
        #expect(try FHIRJSON.encode(period) == json)
    }

    @Test("a dateTime is created from a Date in a time zone and precision")
    func dateTimeFromDate() {
        let epoch = Date(timeIntervalSince1970: 0)
        #expect(FHIRDateTime(epoch).rawValue == "1970-01-01T00:00:00Z")
        #expect(FHIRDateTime(epoch, timeZone: paris).rawValue == "1970-01-01T01:00:00+01:00")
        #expect(FHIRDateTime(epoch, precision: .day).rawValue == "1970-01-01")
        #expect(FHIRDateTime(epoch, precision: .month).rawValue == "1970-01")
        #expect(
            FHIRDateTime(Date(timeIntervalSince1970: 1.5), precision: .fractionalSecond).rawValue
                == "1970-01-01T00:00:01.500Z")
        #expect(FHIRDateTime(Date(timeIntervalSince1970: -1)).rawValue == "1969-12-31T23:59:59Z")
        let newYork = TimeZone(identifier: "America/New_York") ?? .gmt
        #expect(
            FHIRDateTime(Date(timeIntervalSince1970: 1_710_495_000), timeZone: newYork).rawValue
                == "2024-03-15T05:30:00-04:00")
    }

    @Test("instants and dates are created from a Date")
    func instantAndDateFromDate() throws {
        let moment = Date(timeIntervalSince1970: 1_710_495_000.123)
        let instant = FHIRInstant(moment)
        #expect(instant.rawValue == "2024-03-15T09:30:00.123Z")
        let roundTripped = try #require(try FHIRInstant(instant.rawValue).date)
        #expect(abs(roundTripped.timeIntervalSince(moment)) < 0.001)
        #expect(FHIRInstant(moment, includesMilliseconds: false).rawValue == "2024-03-15T09:30:00Z")

        #expect(FHIRDate(moment).rawValue == "2024-03-15")
        #expect(FHIRDate(moment, precision: .year).rawValue == "2024")
        #expect(FHIRDate(Date(timeIntervalSince1970: 1_710_543_600), timeZone: paris).rawValue == "2024-03-16")
    }

    @Test(
        "dates far apart convert to and from Date exactly",
        arguments: [
            -62_135_596_800.0, -2_208_988_800, -1, 0, 951_782_400, 4_107_542_399,
        ])
    func calendarArithmetic(seconds: Double) throws {
        let date = Date(timeIntervalSince1970: seconds)
        let value = FHIRDateTime(date)
        #expect(try FHIRDateTime(value.rawValue).date == date, "\(value.rawValue)")
    }

    @Test("an instant needs seconds, and keeps a missing offset visible")
    func instantRules() throws {
        #expect(throws: ValidationError.self) { try FHIRInstant("2024-03-15") }
        #expect(throws: ValidationError.self) { try FHIRInstant("2024-03-15T10:30Z") }
        let lenient = try FHIRInstant("2024-03-15T10:30:00")
        #expect(lenient.date == nil)
        #expect(lenient.date(defaultTimeZone: .gmt) == Date(timeIntervalSince1970: 1_710_498_600))
        #expect(try FHIRInstant("2024-03-15T10:30:00.5+02:00").precision == .fractionalSecond)
    }

    @Test("a malformed date inside JSON fails with a decoding error at its path")
    func malformedInJSON() {
        let json = Data(#"{"start":"2024-02-30"}"#.utf8)
        #expect {
            try FHIRJSON.decode(FHIRPeriod.self, from: json)
        } throws: { error in
            (error as? FHIRDecodingError)?.codingPath == "start"
        }
    }
}
