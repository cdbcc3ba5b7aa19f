import SanteCore
import SanteMockPlatform
import Testing

/// The text form of the mock's open-data scale, as `sante-mock --open-data-scale` reads it.
@Suite("OpenDataScale(parsing:), the text of sante-mock --open-data-scale")
struct MockOpenDataScaleTests {
    @Test(
        "reads the names and explicit counts",
        arguments: [
            ("small", OpenDataScale.small),
            (" Benchmark ", .benchmark),
            ("rows=1000000,centres=39000", .benchmark),
            ("rows=1_234 , CENTRES=7", OpenDataScale(vacsiRowCount: 1234, centreCount: 7)),
            ("centres=0", OpenDataScale(vacsiRowCount: 5000, centreCount: 0)),
            ("rows=50000000", OpenDataScale(vacsiRowCount: 50_000_000, centreCount: 500)),
        ])
    func reads(text: String, expected: OpenDataScale) throws {
        #expect(try OpenDataScale(parsing: text) == expected)
    }

    @Test("writes a text it reads back")
    func roundTrip() throws {
        for scale in [OpenDataScale.small, .benchmark, OpenDataScale(vacsiRowCount: 3, centreCount: 4)] {
            #expect(try OpenDataScale(parsing: scale.argumentDescription) == scale)
        }
        #expect(OpenDataScale(vacsiRowCount: 3, centreCount: 4).argumentDescription == "rows=3,centres=4")
        #expect(OpenDataScale.benchmark.argumentDescription == "benchmark")
    }

    @Test(
        "names every problem with its field",
        arguments: [
            ("", ["openDataScale"]),
            ("large", ["openDataScale"]),
            ("rows=x,centres=-2", ["openDataScale.rows", "openDataScale.centres"]),
            ("rows=1,rows=2", ["openDataScale.rows"]),
            ("rows=_1", ["openDataScale.rows"]),
            ("rows=1__0", ["openDataScale.rows"]),
            ("rows=99999999999999999999", ["openDataScale.rows"]),
            ("lines=1", ["openDataScale"]),
            ("rows=1,,centres=2", ["openDataScale"]),
        ])
    func refuses(text: String, fields: [String]) {
        do {
            let scale = try OpenDataScale(parsing: text)
            Issue.record("\"\(text)\" was read as \(scale)")
        } catch {
            #expect(error.issues.map(\.field) == fields)
            #expect(error.operation == "mock.openDataScale")
        }
    }
}
