import Foundation
import SanteMockPlatform
import Testing

@Suite struct IdentitiesTests {
    private let identities = MockIdentities.default

    /// Whether `digits` passes the Luhn check (the key is its last digit).
    private func luhnValid(_ digits: String) -> Bool {
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return false }
        var sum = 0
        for (offset, character) in digits.reversed().enumerated() {
            guard var digit = character.wholeNumberValue else { return false }
            if offset % 2 == 1 {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
        }
        return sum % 10 == 0
    }

    /// The INS key: 97 − (NIR mod 97), with 2A → 19 and 2B → 18.
    private func insKey(_ nir: String) -> Int? {
        let numeric = nir.replacingOccurrences(of: "2A", with: "19").replacingOccurrences(of: "2B", with: "18")
        guard numeric.count == 13, let value = Int(numeric) else { return nil }
        return 97 - value % 97
    }

    @Test func luhnAndINSHelpersMatchKnownValues() {
        #expect(luhnValid("79927398713"))
        #expect(!luhnValid("79927398710"))
        // Vectors from the reference: the ANS test patient and a Corsican NIR.
        #expect(insKey("2790351215189") == 89)
        #expect(insKey("284052A321025") == 52)
        #expect(insKey("2550814168025") == 38)
    }

    @Test func theDemoClient() {
        let client = identities.demoClient
        #expect(client.clientID == "santekit-demo")
        #expect(client.clientSecret.count >= 32)
        #expect(client.scopes.contains("openid"))
        #expect(client.acceptsRedirect("http://127.0.0.1:49152/callback"))
        #expect(client.acceptsRedirect("http://127.0.0.1/callback"))
        #expect(client.acceptsRedirect("http://[::1]:8080/cb"))
        #expect(client.acceptsRedirect("http://localhost:3000/oauth"))
        #expect(!client.acceptsRedirect("https://evil.example/callback"))
        #expect(!client.acceptsRedirect("http://127.0.0.1.evil.example/cb"))
        #expect(!client.acceptsRedirect("http://127.0.0.1:8080/cb#fragment"))
        #expect(!client.acceptsRedirect("not a uri"))
    }

    @Test func professionalsHaveValidNationalIdentifiers() {
        let professionals = identities.professionals
        #expect(professionals.count >= 4)
        #expect(Set(professionals.map(\.subjectNameID)).count == professionals.count)
        #expect(professionals.contains { $0.registry == .adeli })
        #expect(professionals.filter { $0.registry == .rpps }.count >= 3)
        for professional in professionals {
            switch professional.registry {
            case .rpps:
                #expect(professional.registryNumber.count == 11)
                #expect(luhnValid(professional.registryNumber), "\(professional.registryNumber)")
                #expect(professional.subjectNameID == "8" + professional.registryNumber)
                #expect(professional.rpps == professional.registryNumber)
            case .adeli:
                #expect(professional.registryNumber.count == 9)
                #expect(luhnValid(professional.registryNumber))
                #expect(professional.subjectNameID == "0" + professional.registryNumber)
                #expect(professional.rpps == nil)
            }
            #expect(["M", "MME"].contains(professional.civilityCode))
            #expect(!professional.givenName.isEmpty && !professional.familyName.isEmpty)
            #expect(!professional.profession.code.isEmpty)
            #expect(!professional.activities.isEmpty)
            #expect(identities.professional(subjectNameID: professional.subjectNameID) == professional)
        }
    }

    @Test func activitiesHaveValidStructureIdentifiers() {
        let activities = identities.professionals.flatMap(\.activities)
        #expect(activities.contains { $0.finess != nil })
        #expect(activities.contains { $0.siret != nil })
        for activity in activities {
            #expect(!activity.structureName.isEmpty)
            #expect(!activity.structureID.isEmpty)
            #expect(activity.postalCode.count == 5)
            if let siret = activity.siret {
                #expect(siret.count == 14)
                #expect(luhnValid(siret), "SIRET \(siret)")
                #expect(activity.siren == String(siret.prefix(9)))
                #expect(luhnValid(String(siret.prefix(9))), "SIREN of \(siret)")
            } else {
                #expect(activity.siren == nil)
            }
            for finess in [activity.finess, activity.legalEntityFiness].compactMap({ $0 }) {
                #expect(finess.count == 9)
                #expect(luhnValid(finess), "FINESS \(finess)")
            }
            if let finess = activity.finess {
                #expect(activity.structureID == "1" + finess)
            }
        }
    }

    @Test func patientsHaveValidTestINS() {
        let patients = identities.patients
        #expect(patients.count >= 4)
        #expect(Set(patients.map(\.ins)).count == patients.count)
        #expect(patients.contains { $0.ins == "279035121518989" })
        #expect(patients.contains { $0.nir.contains("2A") || $0.nir.contains("2B") })
        for patient in patients {
            #expect(patient.ins.count == 15)
            #expect(patient.insOID == "1.2.250.1.213.1.4.10")
            #expect(patient.nir + patient.insKey == patient.ins)
            #expect(insKey(patient.nir) == Int(patient.insKey), "INS \(patient.ins)")
            // The sex digit matches the gender; the birth year and month match the birth date.
            let sexDigit = patient.ins.prefix(1)
            #expect(sexDigit == (patient.gender == "male" ? "1" : "2"))
            let dateParts = patient.birthDate.split(separator: "-")
            #expect(dateParts.count == 3)
            #expect(patient.ins.dropFirst(1).prefix(2) == dateParts[0].suffix(2))
            #expect(patient.ins.dropFirst(3).prefix(2) == dateParts[1])
            #expect(!patient.familyName.isEmpty && !patient.givenName.isEmpty)
            #expect(identities.patient(ins: patient.ins) == patient)
        }
    }

    @Test func notifyAPIKeyFollowsTheNotifyFormat() throws {
        let key = identities.notifyAPIKey
        #expect(key.hasPrefix(identities.notifyKey.name + "-"))
        // Parsed from the end, as Notify clients do: the service id is [-73, -37), the secret the last 36.
        let characters = Array(key)
        #expect(characters.count > 73)
        let serviceID = String(characters[(characters.count - 73)..<(characters.count - 37)])
        let secret = String(characters.suffix(36))
        #expect(serviceID == identities.notifyKey.serviceID)
        #expect(secret == identities.notifyKey.secret)
        #expect(UUID(uuidString: serviceID) != nil)
        #expect(UUID(uuidString: secret) != nil)
        #expect(serviceID == serviceID.lowercased() && secret == secret.lowercased())
    }

    @Test(.timeLimit(.minutes(3)))
    func everyPlatformServesTheSameIdentitiesWhateverTheSeed() async throws {
        try await withPlatform(MockPlatform.Configuration(seed: 42)) { platform in
            #expect(platform.identities == MockIdentities.default)
        }
    }
}
