import Foundation
import SanteCore

/// Finds the patient's INS in a `subject` reference: a logical reference (`identifier`), a conditional
/// reference (`Patient?identifier=<system>|<value>`) or a contained `Patient` (`#id`).
enum PatientReference {
    /// The INS the reference designates, if any (its qualification status is unknown: `nil`).
    static func ins(in reference: FHIRReference?, contained: [AnyFHIRResource]) -> INS? {
        guard let reference else { return nil }
        if let identifier = reference.identifier, let ins = ins(from: identifier) {
            return ins
        }
        guard let target = reference.reference else { return nil }
        if target.hasPrefix("#") {
            guard let patient = contained.first(where: { "#" + ($0.id ?? "") == target }),
                patient.resourceType == "Patient"
            else { return nil }
            for json in patient[member: "identifier"]?.arrayValue ?? [] {
                if let identifier = try? FHIRJSONValue.decode(FHIRIdentifier.self, from: json),
                    let ins = ins(from: identifier)
                {
                    return ins
                }
            }
            return nil
        }
        if let range = target.range(of: "identifier=") {
            let token = target[range.upperBound...].prefix { $0 != "&" }
            let decoded = token.removingPercentEncoding ?? String(token)
            let parts = decoded.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            return ins(from: FHIRIdentifier(system: String(parts[0]), value: String(parts[1])))
        }
        return nil
    }

    /// An INS when the identifier's system is an INS authority.
    static func ins(from identifier: FHIRIdentifier) -> INS? {
        guard let system = identifier.system, let value = identifier.value, !value.isEmpty else { return nil }
        let ins = INS(fhirSystem: system, value: value)
        return ins.system.isKnown ? ins : nil
    }

    /// The logical reference PDSm expects for a patient: `{"identifier": {"system", "value"}}`.
    static func logicalReference(for ins: INS) -> FHIRReference {
        FHIRReference(identifier: FHIRIdentifier(system: ins.fhirSystem, value: ins.fhirValue))
    }
}
