import Foundation
import SanteCore
import SanteDMP
import Testing

@Suite("Official PDSm examples round-trip through the domain model")
struct OfficialExampleTests {
    @Test(
        "Every DocumentReference, List and Bundle example decodes, maps and encodes to equal JSON",
        .enabled(if: OfficialExamples.available, "the official examples folder is absent"))
    func everyExampleRoundTrips() throws {
        var checked: [String] = []
        for url in try OfficialExamples.files() {
            let data = try Data(contentsOf: url)
            let original = try DMPTestSupport.json(data)
            let type = original["resourceType"]?.stringValue
            let reencoded: Data
            switch type {
            case "DocumentReference":
                let entry = DMPDocumentEntry(resource: try FHIRJSON.decode(PDSmDocumentReference.self, from: data))
                reencoded = try FHIRJSON.encode(Self.touched(entry).resource)
            case "List":
                let list = try FHIRJSON.decode(PDSmList.self, from: data)
                if list.code?.coding.first?.code == "folder" {
                    reencoded = try FHIRJSON.encode(DMPFolder(resource: list).resource)
                } else {
                    var set = DMPSubmissionSet(resource: list)
                    set.uniqueId = set.uniqueId
                    set.patient = set.patient
                    set.author = set.author
                    reencoded = try FHIRJSON.encode(set.resource)
                }
            case "Bundle":
                let bundle = try FHIRJSON.decode(FHIRBundle.self, from: data)
                var submission = try DMPSubmission(bundle: bundle)
                submission.entries = submission.entries.map { entry in
                    if case .document(let document) = entry { return .document(Self.touched(document)) }
                    return entry
                }
                reencoded = try FHIRJSON.encode(try submission.bundle())
            default:
                continue
            }
            #expect(try DMPTestSupport.json(reencoded) == original, "\(url.lastPathComponent) changed")
            checked.append(url.lastPathComponent)
        }
        // 2 DocumentReference + 2 List + 1 Bundle in PDSm; 4 Bundle + 6 DocumentReference in PDSm4DMP.
        let bothFolders = OfficialExamples.folders.allSatisfy {
            FileManager.default.fileExists(atPath: OfficialExamples.root.appending(path: $0).path)
        }
        if bothFolders {
            #expect(checked.count == 15, "checked \(checked)")
        } else {
            #expect(!checked.isEmpty)
        }
    }

    /// Sets every domain property to the value it reads: nothing must change.
    static func touched(_ entry: DMPDocumentEntry) -> DMPDocumentEntry {
        var entry = entry
        entry.uniqueId = entry.uniqueId
        entry.patient = entry.patient
        entry.status = entry.status
        entry.type = entry.type
        entry.documentClass = entry.documentClass
        entry.format = entry.format
        entry.facilityType = entry.facilityType
        entry.practiceSetting = entry.practiceSetting
        entry.securityLabels = entry.securityLabels
        entry.authors = entry.authors
        entry.custodian = entry.custodian
        entry.servicePeriod = entry.servicePeriod
        entry.title = entry.title
        entry.language = entry.language
        entry.size = entry.size
        entry.hash = entry.hash
        entry.contentURL = entry.contentURL
        entry.isArchived = entry.isArchived
        entry.relationships = entry.relationships
        entry.logicalIdentifiers = entry.logicalIdentifiers
        return entry
    }

    @Test(
        "The PDSm4DMP examples read as domain values",
        .enabled(if: OfficialExamples.exists("ans-pdsm4dmp"), "the PDSm4DMP examples folder is absent"))
    func domainValuesOfTheDraftExamples() throws {
        let url = OfficialExamples.root.appending(path: "ans-pdsm4dmp/Bundle-example-td2-1-remplacement.json")
        let bundle = try FHIRJSON.decode(FHIRBundle.self, from: try Data(contentsOf: url))
        let submission = try DMPSubmission(bundle: bundle)
        let document = try #require(submission.documents.first)
        #expect(document.type == .consultationReport)
        #expect(document.relationships.first?.kind == .replaces)
        #expect(document.relationships.first?.targetDocumentID == "doc-x-id")
        #expect(document.patient?.fhirValue == "123456789012345")
        #expect(document.patient?.system == .nir)
        #expect(document.securityLabels == [.normal])
        #expect(document.authors.first?.professional?.identifier?.value == "899700218896")
        #expect(document.size == 80)
        let set = try #require(submission.submissionSet)
        #expect(set.isSubmissionSet)
        #expect(set.sourceId?.value == "urn:oid:1.2.3.4.5.6.7.8")
        #expect(submission.entries.count == 4)
    }

    @Test(
        "The PDSm DocumentReference example reads as domain values",
        .enabled(if: OfficialExamples.exists("ans-pdsm"), "the PDSm examples folder is absent"))
    func domainValuesOfThePDSmExample() throws {
        let url = OfficialExamples.root.appending(
            path: "ans-pdsm/DocumentReference-exemple-pdsm-documentreference.json")
        let entry = try DMPDocumentEntry(json: try Data(contentsOf: url))
        #expect(entry.type?.code == "34133-9")
        #expect(entry.documentClass == .report)
        #expect(entry.format == .laboratoryReport)
        #expect(entry.facilityType == .publicHealthEstablishment)
        #expect(entry.practiceSetting == .healthEstablishment)
        #expect(entry.title == "CR Hospitalisation")
        #expect(entry.size == 345678)
        #expect(entry.hash == "2jmj7l5rSw0yVb/vlWAYkK/YBwk=")
        #expect(entry.contentURL == "Binary/6789")
        #expect(entry.servicePeriod?.start?.rawValue == "2025-04-20T08:00:00+01:00")
        #expect(entry.creationTime?.rawValue == "2025-04-29T12:00:00+01:00")
        #expect(entry.uniqueId?.value == "urn:uuid:12345678-abcd-1234-abcd-1234567890ab")
        #expect(entry.status == .current)
        #expect(entry.isArchived == false)
        #expect(entry.authors.first?.reference?.reference == "PractitionerRole/practitionerrole-example")
        // The patient is a literal reference to a server Patient: no INS can be read from it.
        #expect(entry.patient == nil)
    }
}
