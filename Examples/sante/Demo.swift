import ArgumentParser
import Foundation
import HTTPTypes
import SanteKit
import SanteMockPlatform

/// `sante demo`: the guided tour of SanteKit against a mock platform.
///
/// Each chapter makes real requests over HTTP through SanteKit's pipeline. Chapters for the clients
/// (Pro Santé Connect, DMP, open data, notifications) join the tour as those clients land.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A guided tour of SanteKit against a mock platform (in-process unless --mock-url is given).")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let mockURL = try options.resolvedMockURL()
        let timeline = MockTimeline()
        let report = try await MockPlatformSession.with(
            mockURL: mockURL, configuration: MockPlatform.Configuration(clock: timeline.mockClock)
        ) { session in
            try await tour(session, timeline: timeline)
        }
        if options.json {
            try Terminal.json(report)
        } else {
            print(report: report)
        }
    }

    private func tour(_ session: MockPlatformSession, timeline: MockTimeline) async throws -> DemoReport {
        Terminal.info(
            session.isInProcess
                ? "Started a mock platform in this process at \(session.baseURL.absoluteString)"
                : "Using the mock platform at \(session.baseURL.absoluteString)")
        let environment = SanteEnvironment.localMock(baseURL: session.baseURL)
        let platform = SantePlatform(
            environment: environment, logger: options.makeLogger(), appProduct: "sante-demo/\(SanteKitVersion.current)")
        let mock = try platform.httpClient(baseURL: session.baseURL)

        Terminal.info("Chapter 1: the platform's services")
        let services = SanteService.allCases.compactMap { service in
            environment.endpoint(for: service).map {
                DemoReport.Service(name: service.rawValue, url: $0.absoluteString)
            }
        }

        Terminal.info("Chapter 2: the test identities (GET /_mock/identities)")
        let identities = try await mock.getJSON("_mock/identities", as: DemoIdentities.self)

        Terminal.info("Chapter 3: identifiers are read without loss, and checked before they are sent")
        let identifiers = identifierChecks(identities)

        Terminal.info("Chapter 4: a 503 with Retry-After is retried; the caller only sees the answer")
        let resilience = try await resilienceChapter(mock)

        Terminal.info("Chapter 5: Pro Santé Connect")
        let psc = try await DemoPSCChapter(
            session: session, platform: platform, timeline: timeline, identities: identities
        ).run()

        Terminal.info("Chapter 6: open data")
        let openData = try await DemoOpenDataChapter(session: session, platform: platform, identities: identities).run()

        // The notification chapter subscribes to the test patient's documents before the DMP chapter publishes
        // one, then checks that the signed notification arrived.
        var notifyChapter = DemoNotifyChapter(session: session, platform: platform, timeline: timeline)
        notifyChapter.number = 7
        Terminal.info("Chapter 7: notifications: a FHIR subscription to the test patient's documents")
        let subscription = try await notifyChapter.subscribe()

        Terminal.info("Chapter 8: the DMP")
        let dmp: DemoReport.DMP
        do {
            dmp = try await DemoDMPChapter(session: session, platform: platform, identities: identities, number: 8)
                .run()
        } catch {
            await subscription.close()
            throw error
        }

        Terminal.info("Chapter 7, continued: the signed notification of chapter 8's document, then an SMS")
        let notifications = try await notifyChapter.finish(subscription)

        let statistics = platform.accounting.snapshot().total
        return DemoReport(
            mockURL: session.baseURL.absoluteString,
            inProcess: session.isInProcess,
            services: services,
            professionals: identities.professionals.map {
                "\($0.subjectNameID)  \($0.givenName) \($0.familyName), \($0.profession.displayName)"
            },
            patients: identities.patients.map {
                "\($0.ins)  \($0.givenNames.first ?? "") \($0.familyName), born \($0.birthDate)"
            },
            identifiers: identifiers,
            resilience: resilience,
            psc: psc,
            openData: openData,
            dmp: dmp,
            notifications: notifications,
            footprint: DemoReport.Footprint(
                requests: statistics.requests, retries: statistics.retries, errors: statistics.errors,
                bytesSent: statistics.bytesSent, bytesReceived: statistics.bytesReceived)
        )
    }

    private func identifierChecks(_ identities: DemoIdentities) -> [DemoReport.IdentifierCheck] {
        var checks: [DemoReport.IdentifierCheck] = []
        if let patient = identities.patients.first {
            let ins = INS(patient.ins, system: INS.System(patient.insOID), status: .qualified)
            checks.append(check(ins, kind: "INS (test patient)"))
            var mistyped = Array(patient.ins)
            mistyped[mistyped.count - 1] = mistyped.last == "0" ? "1" : "0"
            checks.append(
                check(
                    INS(String(mistyped), system: INS.System(patient.insOID), status: .qualified),
                    kind: "INS (mistyped key)"))
        }
        if let professional = identities.professionals.first {
            let identifier = NationalProfessionalIdentifier(professional.subjectNameID)
            let diagnostics: [String] = identifier.rppsNumber.map { $0.diagnostics.map { "\($0)" } } ?? []
            checks.append(
                DemoReport.IdentifierCheck(
                    value: professional.subjectNameID, kind: "SubjectNameID (8 + RPPS)",
                    valid: diagnostics.isEmpty, diagnostics: diagnostics))
        }
        return checks
    }

    private func check(_ ins: INS, kind: String) -> DemoReport.IdentifierCheck {
        let issues = ins.sendingIssues()
        return DemoReport.IdentifierCheck(
            value: ins.rawValue, kind: kind, valid: issues.isEmpty, diagnostics: issues.map(\.description))
    }

    private func resilienceChapter(_ mock: SanteHTTPClient) async throws -> DemoReport.Resilience {
        let fault = DemoFault(
            method: "GET", path: "/_mock/echo", kind: "status", status: 503, retryAfter: "0", count: 1)
        let _: EmptyResponse = try await mock.sendJSON(.post, "_mock/faults", body: fault, as: EmptyResponse.self)
        _ = try await mock.data(for: try mock.makeRequest(.delete, path: "_mock/requests"))
        let echo = try await mock.getJSON("_mock/echo", as: DemoEcho.self)
        let attempts = try await mock.getJSON("_mock/requests", as: [RequestLogEntry].self)
            .filter { $0.path == "/_mock/echo" }
        let requestIDs = Set(attempts.map { $0.headers["x-request-id"] ?? "" })
        guard attempts.count == 2, requestIDs == [echo.headers["x-request-id"] ?? ""] else {
            throw OperationFailed(
                reason:
                    "expected two attempts with one request id, the mock saw \(attempts.count) with \(requestIDs.count)"
            )
        }
        return DemoReport.Resilience(
            injectedFault: "503 with Retry-After: 0 on the next GET /_mock/echo",
            succeeded: true,
            attemptsSeenByServer: attempts.count,
            requestID: echo.headers["x-request-id"] ?? "",
            userAgent: echo.headers["user-agent"] ?? ""
        )
    }

    private func print(report: DemoReport) {
        Terminal.result("SanteKit \(SanteKitVersion.current) demo, mock platform at \(report.mockURL)")
        Terminal.result("")
        Terminal.result("Services")
        for service in report.services { Terminal.result("  \(service.name.padding(18))\(service.url)") }
        Terminal.result("")
        Terminal.result("Professionals (sign in with Pro Santé Connect by SubjectNameID)")
        for line in report.professionals { Terminal.result("  \(line)") }
        Terminal.result("Test patients (INS, OID 1.2.250.1.213.1.4.10)")
        for line in report.patients { Terminal.result("  \(line)") }
        Terminal.result("")
        Terminal.result("Identifiers")
        for check in report.identifiers {
            let verdict = check.valid ? "ok" : "refused: " + check.diagnostics.joined(separator: "; ")
            Terminal.result("  \(check.kind.padding(26))\(check.value)  \(verdict)")
        }
        Terminal.result("")
        Terminal.result("Resilience")
        Terminal.result("  injected: \(report.resilience.injectedFault)")
        Terminal.result(
            "  the server saw \(report.resilience.attemptsSeenByServer) attempts; the caller saw one answer")
        Terminal.result("  request id (same on every attempt): \(report.resilience.requestID)")
        Terminal.result("  user agent: \(report.resilience.userAgent)")
        Terminal.result("")
        DemoPSCChapter.print(report.psc)
        Terminal.result("")
        DemoOpenDataChapter.print(report.openData)
        Terminal.result("")
        DemoDMPChapter.print(report.dmp)
        Terminal.result("")
        DemoNotifyChapter.print(report.notifications)
        Terminal.result("")
        let footprint = report.footprint
        Terminal.result(
            "Footprint: \(footprint.requests) requests, \(footprint.retries) retries, \(footprint.errors) errors, "
                + "\(footprint.bytesSent) bytes sent, \(footprint.bytesReceived) bytes received")
    }
}

/// One entry of `GET /_mock/requests`.
struct RequestLogEntry: Codable {
    let method: String
    let path: String
    let headers: [String: String]
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
