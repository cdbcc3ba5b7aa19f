import SanteTransportConformance
import Testing

@Suite("Transport conformance: every transport against the mock platform")
struct TransportConformanceTests {
    @Test(
        "Conformance check", .timeLimit(.minutes(2)),
        arguments: TransportSubjects.all, TransportConformance.Check.allCases)
    func conformance(subject: TransportConformance.Subject, check: TransportConformance.Check) async throws {
        try await TransportConformance.run(check, on: subject)
    }
}
