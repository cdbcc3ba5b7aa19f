import ArgumentParser
import Foundation
import SanteKit
import SanteMockPlatform

/// `sante dmp demo` (hidden): the DMP chapter of `sante demo`, alone, against the mock platform.
struct DMPDemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the DMP chapter of `sante demo` alone, against the mock platform.",
        shouldDisplay: false)

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let report = try await MockPlatformSession.with(mockURL: try options.resolvedMockURL()) { session in
            let platform = SantePlatform(
                environment: .localMock(baseURL: session.baseURL), logger: options.makeLogger(),
                appProduct: "sante-demo/\(SanteKitVersion.current)")
            let identities = try await platform.httpClient(baseURL: session.baseURL)
                .getJSON("_mock/identities", as: DemoIdentities.self)
            return try await DMPFailure.reporting("the DMP chapter") {
                try await DemoDMPChapter(session: session, platform: platform, identities: identities).run()
            }
        }
        if options.json {
            try Terminal.json(report)
        } else {
            DemoDMPChapter.print(report)
        }
    }
}
