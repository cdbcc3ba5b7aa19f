import Foundation
import SanteCore
import Testing

@Suite("Duration.interval")
struct DurationIntervalTests {
    @Test("Ordinary values round to the nanosecond")
    func ordinaryValues() {
        #expect(Duration.interval(1.5) == .milliseconds(1500))
        #expect(Duration.interval(0.1) == .milliseconds(100))
        #expect(Duration.interval(-2.25) == .milliseconds(-2250))
        #expect(Duration.interval(0) == .zero)
    }

    @Test("NaN gives zero")
    func notANumber() {
        #expect(Duration.interval(.nan) == .zero)
    }

    @Test("Huge values saturate instead of trapping", arguments: [1e12, 1e19, 1e300, .infinity])
    func hugeValuesSaturate(seconds: Double) {
        let positive = Duration.interval(seconds)
        let negative = Duration.interval(-seconds)
        if seconds < 9e18 {
            #expect(positive == .seconds(Int64(seconds)))
            #expect(negative == .seconds(-Int64(seconds)))
        } else {
            #expect(positive == .seconds(Int64.max))
            #expect(negative == .seconds(Int64.min))
        }
    }
}
