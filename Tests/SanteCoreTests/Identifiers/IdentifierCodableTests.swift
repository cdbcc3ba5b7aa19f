import Foundation
import SanteCore
import Testing

@Suite("Identifier coding")
struct IdentifierCodableTests {
    private struct Holder: Codable, Equatable {
        var nir: NIR
        var rpps: RPPS
        var adeli: ADELI
        var finess: FINESS
        var siren: SIREN
        var siret: SIRET
        var professional: NationalProfessionalIdentifier
        var structure: NationalStructureIdentifier
    }

    private func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test("identifiers encode as plain strings and round-trip")
    func roundTrip() throws {
        let holder = Holder(
            nir: NIR("184127645108946"), rpps: RPPS("99700218896"), adeli: ADELI("751234567"),
            finess: FINESS("010780195"), siren: SIREN("732829320"), siret: SIRET("73282932000074"),
            professional: NationalProfessionalIdentifier("500000001815646/CPAT00045"),
            structure: NationalStructureIdentifier("1580008803")
        )
        let text = try json(holder)
        #expect(
            text
                == #"{"adeli":"751234567","finess":"010780195","nir":"184127645108946","professional":"500000001815646/CPAT00045","rpps":"99700218896","siren":"732829320","siret":"73282932000074","structure":"1580008803"}"#
        )
        #expect(try JSONDecoder().decode(Holder.self, from: Data(text.utf8)) == holder)
    }

    @Test("decoding keeps malformed values instead of failing")
    func lenientDecoding() throws {
        let nir = try JSONDecoder().decode(NIR.self, from: Data(#""123456789012345""#.utf8))
        #expect(nir.rawValue == "123456789012345")
        #expect(!nir.isValid)
        let rpps = try JSONDecoder().decode(RPPS.self, from: Data(#""12""#.utf8))
        #expect(rpps.rawValue == "12")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(RPPS.self, from: Data("12".utf8)) }
    }

    @Test("INS encodes value, system URN and status, and round-trips")
    func insRoundTrip() throws {
        let ins = INS("279035121518989", system: .test, status: .qualified)
        let text = try json(ins)
        #expect(text == #"{"status":"QUAL","system":"urn:oid:1.2.250.1.213.1.4.10","value":"279035121518989"}"#)
        #expect(try JSONDecoder().decode(INS.self, from: Data(text.utf8)) == ins)

        let unknownStatus = INS("279035121518989", system: INS.System("1.2.3"), status: .other("VIDE"))
        #expect(try JSONDecoder().decode(INS.self, from: Data(try json(unknownStatus).utf8)) == unknownStatus)
    }

    @Test("INS decodes from a plain string or a bare OID")
    func insLenientDecoding() throws {
        let plain = try JSONDecoder().decode(INS.self, from: Data(#""184127645108946""#.utf8))
        #expect(plain == INS("184127645108946"))
        #expect(plain.system == .nir)
        let bare = try JSONDecoder().decode(
            INS.self, from: Data(#"{"value":"184127645108946","system":"1.2.250.1.213.1.4.9"}"#.utf8))
        #expect(bare.system == .nia)
        #expect(bare.status == nil)
        let encodedWithoutStatus = try json(bare)
        #expect(encodedWithoutStatus == #"{"system":"urn:oid:1.2.250.1.213.1.4.9","value":"184127645108946"}"#)
    }

    @Test("descriptions mask a NIR and show public registry numbers as they are")
    func descriptions() {
        #expect(NIR("1 84 12 76 451 089 46").description == "NIR(*************46)")
        #expect(NationalProfessionalIdentifier("899700218896").description == "899700218896")
    }
}
