import Foundation
import SanteCore
import SanteDMP
import SanteHTTP
import Testing

@Suite("Domain model over PDSm resources")
struct DomainModelTests {
    @Test("Security labels are a set; changing it keeps the labels that stay and appends the new ones")
    func securityLabelsAreASet() throws {
        let json = DMPTestSupport.storedDocument(
            labels:
                #"[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-Confidentiality","code":"N","display":"kept"}]},{"coding":[{"system":"https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument","code":"MASQUE_PS"}]}]"#
        )
        var entry = try DMPDocumentEntry(json: Data(json.utf8))
        #expect(entry.securityLabels == [.normal, .hiddenFromProfessionals])
        #expect(entry.isHidden(from: .professionals))
        #expect(!entry.isHidden(from: .patient))
        entry.securityLabels = [.normal, .invisibleToPatient]
        #expect(entry.resource.securityLabel.count == 2)
        #expect(entry.resource.securityLabel[0].coding[0].display == "kept")
        #expect(entry.resource.securityLabel[1].coding[0].code == "INVISIBLE_PATIENT")
        entry.securityLabels = []
        #expect(entry.resource.securityLabel.isEmpty)
    }

    @Test("Coded values compare by system and code only")
    func codedValueEquality() {
        #expect(DMPDocumentType(code: "11488-4", display: "other label") == .consultationReport)
        #expect(DMPDocumentType(code: "11488-4", system: "urn:other") != .consultationReport)
        #expect(DMPSecurityLabel.hiddenFromProfessionals.isVisibilityFlag)
        #expect(!DMPSecurityLabel.normal.isVisibilityFlag)
        #expect(DMPVisibilityAudience.legalRepresentatives.label.code == "INVISIBLE_REPRESENTANTS_LEGAUX")
    }

    @Test("ASS_X16 derives the class of the types the reference gives")
    func classFromType() {
        #expect(DMPDocumentClass.forType(.consultationReport) == .report)
        #expect(DMPDocumentClass.forType(.episodeSummary) == .summary)
        #expect(DMPDocumentClass.forType(.imagingReport) == .imaging)
        #expect(DMPDocumentClass.forType(.medicationPrescription) == .prescription)
        #expect(DMPDocumentClass.forType(DMPDocumentType(code: "99999-9")) == nil)
    }

    @Test("The patient INS is read from a logical, a conditional or a contained reference")
    func patientReferences() throws {
        func entry(_ subject: String, contained: String = "[]") throws -> DMPDocumentEntry {
            try DMPDocumentEntry(
                json: Data(
                    #"{"resourceType":"DocumentReference","contained":\#(contained),"subject":\#(subject)}"#.utf8))
        }
        let logical = try entry(#"{"identifier":{"system":"urn:oid:1.2.250.1.213.1.4.10","value":"279035121518989"}}"#)
        #expect(logical.patient?.fhirSearchToken == "urn:oid:1.2.250.1.213.1.4.10|279035121518989")
        let conditional = try entry(#"{"reference":"Patient?identifier=urn:oid:1.2.250.1.213.1.4.8|284058832102532"}"#)
        #expect(conditional.patient?.system == .nir)
        #expect(conditional.patient?.fhirValue == "284058832102532")
        let contained = try entry(
            ##"{"reference":"#p"}"##,
            contained:
                #"[{"resourceType":"Patient","id":"p","identifier":[{"system":"urn:oid:1.2.250.1.213.1.4.9","value":"284058832102532"}]}]"#
        )
        #expect(contained.patient?.system == .nia)
        let other = try entry(#"{"identifier":{"system":"urn:oid:9.9","value":"x"}}"#)
        #expect(other.patient == nil)
    }

    @Test("Setting the patient writes the logical reference PDSm expects")
    func settingThePatient() throws {
        var entry = DMPDocumentEntry(resource: PDSmDocumentReference())
        entry.patient = DMPTestSupport.patient
        let subject = try #require(entry.resource.subject)
        #expect(subject.reference == nil)
        #expect(subject.identifier?.system == "urn:oid:1.2.250.1.213.1.4.10")
        #expect(subject.identifier?.value == "279035121518989")
    }

    @Test("Authors round-trip through contained Practitioner, Organization and PractitionerRole")
    func authorsRoundTrip() throws {
        var entry = DMPDocumentEntry(resource: PDSmDocumentReference())
        entry.authors = [DMPTestSupport.author]
        #expect(entry.authors == [DMPTestSupport.author])
        #expect(entry.resource.author.map(\.reference) == ["#author-1"])
        #expect(entry.resource.contained.map(\.resourceType) == ["Practitioner", "Organization", "PractitionerRole"])
        let practitioner = try #require(entry.resource.containedResource("#author-1"))
        #expect(practitioner[member: "identifier"]?.arrayValue?.first?["value"]?.stringValue == "899990000012")
        entry.authors = [DMPAuthor(professional: nil, reference: FHIRReference(reference: "PractitionerRole/1"))]
        #expect(entry.resource.contained.isEmpty)
        #expect(entry.resource.author.map(\.reference) == ["PractitionerRole/1"])
    }

    @Test("The archive flag lives in the pdsm-ext-is-archived extension")
    func archiveFlag() {
        var entry = DMPDocumentEntry(resource: PDSmDocumentReference())
        #expect(!entry.isArchived)
        entry.isArchived = false
        #expect(entry.resource.extension.isEmpty)
        entry.isArchived = true
        #expect(entry.resource.extension.first?.url == PDSmURLs.isArchivedExtension)
        #expect(entry.resource.extension.first?.value == .boolean(true))
        #expect(entry.isArchived)
    }

    @Test("Unknown members are kept through a change")
    func unknownMembersKept() throws {
        let json =
            #"{"resourceType":"DocumentReference","docStatus":"final","status":"current","_status":{"id":"x"},"futureElement":[1,2]}"#
        var entry = try DMPDocumentEntry(json: Data(json.utf8))
        entry.status = .superseded
        let output = try DMPTestSupport.json(try entry.json())
        #expect(output["docStatus"] == "final")
        #expect(output["futureElement"] == [1, 2])
        #expect(output["_status"]?["id"] == "x")
        #expect(output["status"] == "superseded")
    }
}

@Suite("Small domain helpers")
struct SmallHelperTests {
    @Test("The description of an entry carries no patient identifier nor title")
    func redactedDescription() throws {
        let entry = try DMPDocumentEntry(json: Data(DMPTestSupport.storedDocument(id: "doc-7").utf8))
        #expect(entry.description == "DMPDocumentEntry(id: doc-7, version: 1, type: 11488-4, status: current)")
        #expect(!"\(entry)".contains("279035121518989"))
    }

    @Test("The description and the dump of a publication carry no INS, title or content")
    func redactedPublication() throws {
        let publication = try DMPTestSupport.publication()
        #expect(
            publication.description
                == "DMPPublication(type: 11488-4, format: urn:ihe:iti:xds-sd:text:2008, contentType: text/plain, content: data(28 bytes))"
        )
        var dumped = ""
        dump(publication, to: &dumped)
        for secret in ["279035121518989", "CR de consultation", "Compte rendu"] {
            #expect(!"\(publication)".contains(secret))
            #expect(!dumped.contains(secret))
        }
    }

    @Test("The recent-documents query covers two years of service start, current only")
    func recentQuery() throws {
        let now = try #require(FHIRDateTime("2026-06-12T10:00:00Z").date)
        let query = DMPDocumentQuery.recent(patient: DMPTestSupport.patient, now: now)
        let items = query.queryItems(defaultCount: 20)
        #expect(items.first { $0.name == "period-start" }?.value == "ge2024-06-12")
        #expect(items.first { $0.name == "status" }?.value == "current")
    }

    @Test("Error descriptions name the reason, the status and the fields, never the INS")
    func errorDescription() async {
        let client = DMPTestSupport.client(StubTransport())
        let error = await DMPTestSupport.dmpError {
            _ = try client.findDocuments(
                DMPDocumentQuery(patient: INS("279035121518989", system: .test, status: .provisional)))
        }
        let text = error.map(String.init(describing:)) ?? ""
        #expect(text.hasPrefix("dmp.findDocuments: unqualified_identity"))
        #expect(text.contains("patient.status"))
        #expect(!text.contains("279035121518989"))
    }
}
