import ArgumentParser
import Foundation
import SanteKit

/// The patient of a command: `--ins`, `--ins-status`, `--ins-system`.
///
/// An INS typed on the command line is taken as qualified (`QUAL`): the operator asserts the identity was
/// qualified; `--ins-status` says otherwise, and the command then refuses to send it (exit 64).
struct DMPPatientOptions: ParsableArguments {
    @Option(name: .customLong("ins"), help: "The patient's INS matricule (15 characters).")
    var ins: String?

    @Option(
        name: .customLong("ins-status"),
        help: "The identity's qualification: QUAL, VALI, RECUP or PROV; only QUAL may be sent.")
    var insStatus: String = "QUAL"

    @Option(
        name: .customLong("ins-system"),
        help: "The INS authority: nir, nia, test or demo (default: test on the mock platform, nir with --server).")
    var insSystem: String?

    /// The authorities `--ins-system` names.
    static let systems: [String: INS.System] = ["nir": .nir, "nia": .nia, "test": .test, "demo": .demo]

    func validate() throws {
        if let insSystem, Self.systems[insSystem.lowercased()] == nil {
            throw ArgumentParser.ValidationError("--ins-system must be nir, nia, test or demo, got '\(insSystem)'")
        }
        if case .other(let code) = INS.QualificationStatus(code: insStatus) {
            throw ArgumentParser.ValidationError("--ins-status must be QUAL, VALI, RECUP or PROV, got '\(code)'")
        }
        if let ins {
            let diagnostics = INS(ins).diagnostics
            guard diagnostics.isEmpty else {
                throw ArgumentParser.ValidationError(
                    "--ins is not a valid INS: " + diagnostics.map { "\($0)" }.joined(separator: "; "))
            }
        }
    }

    /// The patient, checked for sending.
    /// - Parameter onMock: Whether the DMP is the mock platform (its patients are under the test authority).
    /// - Returns: The INS, or `nil` when `--ins` is absent.
    /// - Throws: `ArgumentParser.ValidationError` (exit 64) when the identity may not be sent.
    func patient(onMock: Bool) throws -> INS? {
        guard let ins else { return nil }
        let system = insSystem.flatMap { Self.systems[$0.lowercased()] } ?? (onMock ? .test : .nir)
        let patient = INS(ins, system: system, status: INS.QualificationStatus(code: insStatus))
        let issues = patient.sendingIssues(field: "--ins")
        guard issues.isEmpty else {
            throw ArgumentParser.ValidationError(
                "the INS may not be sent to the DMP: " + issues.map(\.description).joined(separator: "; "))
        }
        return patient
    }

    /// The patient, required.
    /// - Throws: `ArgumentParser.ValidationError` when `--ins` is absent or may not be sent.
    func requiredPatient(onMock: Bool) throws -> INS {
        guard let patient = try patient(onMock: onMock) else {
            throw ArgumentParser.ValidationError("--ins is required")
        }
        return patient
    }
}
