import Foundation
import HTTPTypes
import SanteCore
import SanteDMP
import SanteHTTP
import Testing

@Suite("Searching and reading on the stub transport")
struct SearchStubTests {
    static func searchset(_ documents: [String], next: String? = nil, total: Int? = nil, warning: String? = nil)
        -> String
    {
        var entries = documents.map {
            #"{"fullUrl":"https://dmp.test/fhir/DocumentReference/x","resource":\#($0),"search":{"mode":"match"}}"#
        }
        if let warning {
            entries.append(
                #"{"resource":{"resourceType":"OperationOutcome","issue":[{"severity":"warning","code":"not-supported","diagnostics":"\#(warning)"}]},"search":{"mode":"outcome"}}"#
            )
        }
        let nextLink = next.map { #",{"relation":"next","url":"\#($0)"}"# } ?? ""
        let totalJSON = total.map { #""total":\#($0),"# } ?? ""
        return
            #"{"resourceType":"Bundle","type":"searchset",\#(totalJSON)"link":[{"relation":"self","url":"https://dmp.test/fhir/DocumentReference"}\#(nextLink)],"entry":[\#(entries.joined(separator: ","))]}"#
    }

    @Test("Every search parameter is encoded as the contract says, and next links are followed as given")
    func queryAndPaging() async throws {
        let stub = StubTransport()
        var query = DMPDocumentQuery(patient: DMPTestSupport.patient, statuses: [.current, .superseded])
        query.types = [.consultationReport, .patientSummary]
        query.classes = [.report]
        query.creationTime = [DMPDateFilter(.onOrAfter, "2024-01-01"), DMPDateFilter(.before, "2025-01-01")]
        query.serviceStart = [DMPDateFilter(.onOrAfter, "2024-06-01")]
        query.serviceEnd = [DMPDateFilter(.onOrBefore, "2024-12-31")]
        query.servicePeriod = [DMPDateFilter(.equal, "2024")]
        query.attachmentCreation = [DMPDateFilter(.after, "2023")]
        query.facilityTypes = [.privatePractice]
        query.practiceSettings = [.healthEstablishment]
        query.formats = [.pdf]
        query.securityLabels = [.normal]
        query.events = [FHIRCoding(system: "urn:oid:1.2.250.1.213.2.5", code: "DEQP003")]
        query.identifiers = [FHIRIdentifier(system: "urn:ietf:rfc:3986", value: "urn:uuid:1")]
        query.related = [FHIRIdentifier(system: "urn:oid:1.2.3", value: "A1")]
        query.relatesTo = ["DocumentReference/doc-0"]
        query.isArchived = false
        query.authorGiven = "Paul"
        query.authorFamily = "LEFEBVRE"
        query.count = 2
        let expected: [String: String] = [
            "patient.identifier": "urn:oid:1.2.250.1.213.1.4.10|279035121518989",
            "status": "current,superseded",
            "type": "http://loinc.org|11488-4,http://loinc.org|60591-5",
            "category": "https://mos.esante.gouv.fr/NOS/TRE_A03-ClasseDocument/FHIR/TRE-A03-ClasseDocument|10",
            "date": "lt2025-01-01",  // the stub keeps the last of repeated names; checked in full below
            "period": "eq2024", "period-start": "ge2024-06-01", "period-end": "le2024-12-31", "creation": "gt2023",
            "facility": "https://mos.esante.gouv.fr/NOS/TRE_R02-SecteurActivite/FHIR/TRE-R02-SecteurActivite|SA07",
            "setting": "https://mos.esante.gouv.fr/NOS/TRE_A01-CadreExercice/FHIR/TRE-A01-CadreExercice|ETABLISSEMENT",
            "format":
                "https://mos.esante.gouv.fr/NOS/TRE_A11-IheFormatCode/FHIR/TRE-A11-IheFormatCode|urn:ihe:iti:xds-sd:pdf:2008",
            "security-label": "http://terminology.hl7.org/CodeSystem/v3-Confidentiality|N",
            "event": "urn:oid:1.2.250.1.213.2.5|DEQP003", "identifier": "urn:ietf:rfc:3986|urn:uuid:1",
            "related": "urn:oid:1.2.3|A1", "relatesto": "DocumentReference/doc-0", "isArchived": "false",
            "author.given": "Paul", "author.family": "LEFEBVRE", "_count": "2",
        ]
        let next = "https://dmp.test/fhir/DocumentReference?patient.identifier=x&_count=2&_offset=2&opaque=%7Ckept"
        stub.expect(
            .get, "/fhir/DocumentReference", query: expected,
            headerFields: [.accept: "application/fhir+json", .authorization: "Bearer test-token"],
            respond: .json(
                Self.searchset(
                    [DMPTestSupport.storedDocument(id: "a"), DMPTestSupport.storedDocument(id: "b")], next: next,
                    total: 3)))
        stub.expect(
            .get, "/fhir/DocumentReference",
            where: {
                $0.request.path == "/fhir/DocumentReference?patient.identifier=x&_count=2&_offset=2&opaque=%7Ckept"
            },
            respond: .json(Self.searchset([DMPTestSupport.storedDocument(id: "c")], total: 3)))
        let client = DMPTestSupport.client(stub)
        let entries = try await DMPTestSupport.collect(try client.findDocuments(query))
        #expect(entries.map(\.id) == ["a", "b", "c"])
        try stub.verifyAllExpectationsConsumed()
        let dates = stub.recordedRequests[0].queryItems.filter { $0.name == "date" }.map(\.value)
        #expect(dates == ["ge2024-01-01", "lt2025-01-01"])
    }

    @Test("Pages carry the total and the server's warnings")
    func pagesCarryWarnings() async throws {
        let stub = StubTransport()
        stub.expect(
            .get, "/fhir/DocumentReference",
            respond: .json(
                Self.searchset([DMPTestSupport.storedDocument()], total: 1, warning: "parameter foo ignored")))
        let client = DMPTestSupport.client(stub)
        let pages = try await DMPTestSupport.collect(
            try client.findDocumentPages(DMPDocumentQuery(patient: DMPTestSupport.patient)))
        #expect(pages.count == 1)
        #expect(pages[0].total == 1)
        #expect(pages[0].items.count == 1)
        #expect(pages[0].warnings.first?.diagnostics == "parameter foo ignored")
        #expect(stub.recordedRequests[0].queryItems.first { $0.name == "_count" }?.value == "20")
    }

    @Test("Submission sets and folders are searched on List with code and status")
    func listSearch() async throws {
        let stub = StubTransport()
        stub.expect(
            .get, "/fhir/List",
            query: [
                "patient.identifier": "urn:oid:1.2.250.1.213.1.4.10|279035121518989",
                "code": "https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes|folder", "status": "current",
                "title": "Suivi", "_count": "20",
            ],
            respond: .json(
                #"{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"List","id":"f1","status":"current","mode":"working","title":"Suivi","code":{"coding":[{"system":"https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes","code":"folder"}]}}}]}"#
            ))
        var query = DMPListQuery(patient: DMPTestSupport.patient, kind: .submissionSet)
        query.title = "Suivi"
        let folders = try await DMPTestSupport.collect(try DMPTestSupport.client(stub).findFolders(query))
        #expect(folders.map(\.id) == ["f1"])
        #expect(folders.first?.isFolder == true)
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("A read decodes the DocumentReference; a 404 carries the OperationOutcome")
    func readAndNotFound() async throws {
        let stub = StubTransport()
        stub.expect(.get, "/fhir/DocumentReference/doc-1", respond: .json(DMPTestSupport.storedDocument()))
        stub.expect(
            .get, "/fhir/DocumentReference/doc-2",
            respond: .json(
                DMPTestSupport.outcome("not-found", diagnostics: "DocumentReference/doc-2 not found"), status: 404))
        let client = DMPTestSupport.client(stub)
        let entry = try await client.document(id: "doc-1")
        #expect(entry.versionId == "1")
        #expect(entry.type == .consultationReport)
        let error = await DMPTestSupport.dmpError { _ = try await client.document(id: "doc-2") }
        #expect(error?.reason == .notFound)
        #expect(error?.httpStatus == 404)
        #expect(error?.operation == "dmp.readDocument")
        #expect(error?.operationOutcome?.issue.first?.code == .notFound)
        #expect(error?.serverMessage?.contains("doc-2") == true)
    }

    @Test("An id that is not a FHIR id is refused before sending")
    func invalidID() async {
        let stub = StubTransport()
        let error = await DMPTestSupport.dmpError { _ = try await DMPTestSupport.client(stub).document(id: "../x") }
        #expect(error?.reason == .validationFailed)
        #expect(stub.recordedRequests.isEmpty)
    }

    @Test("With searchesWithPost the first page is a form POST to _search, the next a GET of the link")
    func postSearch() async throws {
        let stub = StubTransport()
        let next = "https://dmp.test/fhir/DocumentReference?_count=1&_offset=1"
        stub.expect(
            .post, "/fhir/DocumentReference/_search",
            headerFields: [.contentType: "application/x-www-form-urlencoded"],
            where: { $0.request.path == "/fhir/DocumentReference/_search" },
            respond: .json(Self.searchset([DMPTestSupport.storedDocument(id: "a")], next: next)))
        stub.expect(
            .get, "/fhir/DocumentReference", query: ["_count": "1", "_offset": "1"],
            respond: .json(Self.searchset([DMPTestSupport.storedDocument(id: "b")])))
        let client = DMPTestSupport.client(stub, searchesWithPost: true)
        let entries = try await DMPTestSupport.collect(
            try client.findDocuments(DMPDocumentQuery(patient: DMPTestSupport.patient)))
        #expect(entries.map(\.id) == ["a", "b"])
        try stub.verifyAllExpectationsConsumed()
        #expect(
            stub.recordedRequests.first?.bodyText
                == "patient.identifier=urn%3Aoid%3A1.2.250.1.213.1.4.10%7C279035121518989&status=current&_count=20")
    }
}
