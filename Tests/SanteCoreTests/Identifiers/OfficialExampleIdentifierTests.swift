import Foundation
import SanteCore
import Testing

/// Reads every FHIR `Identifier` of the official ANS examples in `../shared/data/fhir` (when present).
@Suite(
    "Identifiers in the official ANS examples",
    .enabled(if: OfficialExamples.isAvailable, "../shared/data/fhir is absent"))
struct OfficialExampleIdentifierTests {
    @Test("every INS in the examples is read and kept; only key mismatches are reported")
    func insValues() throws {
        let values = try OfficialExamples.identifierValues(system: "urn:oid:1.2.250.1.213.1.4.8")
        #expect(!values.isEmpty)
        for value in values {
            let ins = INS(fhirSystem: "urn:oid:1.2.250.1.213.1.4.8", value: value)
            #expect(ins.rawValue == value)
            #expect(ins.system == .nir)
            #expect(ins.diagnostics.allSatisfy { $0.isKeyMismatch }, "\(value): \(ins.diagnostics)")
        }
        // The PDSm4DMP examples use 123456789012345, whose key should be 11.
        #expect(values.contains("123456789012345"))
        #expect(INS("123456789012345").diagnostics == [.invalidKey(expected: "11", found: "45")])
    }

    @Test("every national professional identifier in the examples is an 8 + RPPS form")
    func professionalValues() throws {
        let values = try OfficialExamples.identifierValues(system: NationalProfessionalIdentifier.fhirSystem)
        #expect(!values.isEmpty)
        for value in values {
            let identifier = NationalProfessionalIdentifier(value)
            #expect(identifier.rawValue == value)
            #expect(identifier.rppsNumber != nil, "\(value) is not 8 + RPPS")
        }
    }

    @Test("national structure identifiers and FINESS numbers in the examples are recognized")
    func structureValues() throws {
        for value in try OfficialExamples.identifierValues(system: NationalStructureIdentifier.fhirSystem) {
            let identifier = NationalStructureIdentifier(value)
            #expect(identifier.rawValue == value)
            if case .unrecognized = identifier {
                Issue.record("\(value) is not a recognized IDNST")
            }
        }
        for value in try OfficialExamples.identifierValues(system: FINESS.fhirSystem) {
            let finess = FINESS(value)
            #expect(finess.rawValue == value)
            #expect(finess.diagnostics.allSatisfy { $0.isKeyMismatch }, "\(value): \(finess.diagnostics)")
        }
    }
}

/// Locates and reads the shared example folder, a sibling of the repository root.
private enum OfficialExamples {
    static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Identifiers
        .deletingLastPathComponent()  // SanteCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .deletingLastPathComponent()
        .appendingPathComponent("shared/data/fhir", isDirectory: true)

    static var isAvailable: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Every `value` of an object whose `system` is the given one, in all JSON files under ``folder``.
    static func identifierValues(system: String) throws -> [String] {
        var values: [String] = []
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "json" else { continue }
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
            collect(object, system: system, into: &values)
        }
        return values
    }

    private static func collect(_ object: Any, system: String, into values: inout [String]) {
        if let dictionary = object as? [String: Any] {
            if dictionary["system"] as? String == system, let value = dictionary["value"] as? String {
                values.append(value)
            }
            for child in dictionary.values {
                collect(child, system: system, into: &values)
            }
        } else if let array = object as? [Any] {
            for child in array {
                collect(child, system: system, into: &values)
            }
        }
    }
}
