import Foundation
import HTTPTypes
import ProSanteConnect
import SanteCore
import SanteHTTP
import Testing

@Suite("Userinfo")
struct UserInfoTests {
    /// The PSC reference's example (fictitious values), plus an unknown member.
    static let sample = #"""
        {
          "sub": "f:0b7e5a8c-3f1d-4c2a-9e6b-1a2b3c4d5e6f:899990000017",
          "SubjectNameID": "899990000017",
          "preferred_username": "899990000017",
          "given_name": "CAMILLE",
          "family_name": "EXEMPLE",
          "email_verified": false,
          "codeCivilite": "MME",
          "otherIds": [{ "identifiant": "899990000017", "origine": "RPPS", "qualite": 1 }],
          "SubjectOrganization": "CABINET DR EXEMPLE",
          "SubjectOrganizationID": "R99001",
          "SubjectRole": ["10^1.2.250.1.213.1.1.5.5"],
          "Secteur_Activite": "SA07^1.2.250.1.71.4.2.4",
          "codeGenreActivite": "GENR01",
          "Palier_Authentification": "APPPRIP3^1.2.250.1.213.1.5.1.1.1",
          "Mode_Acces_Raison": "",
          "Acces_Regulation_Medicale": "FAUX",
          "UITVersion": "1.0",
          "PSI_Locale": "1.2.250.1.213.1.3.1.1",
          "futureClaim": {"kept": true},
          "SubjectRefPro": {
            "codeCivilite": "MME",
            "exercices": [{
              "codeProfession": "10", "codeCategorieProfessionnelle": "C",
              "codeCiviliteDexercice": "DR", "nomDexercice": "EXEMPLE", "prenomDexercice": "CAMILLE",
              "codeTypeSavoirFaire": "", "codeSavoirFaire": "",
              "activities": [{
                "codeModeExercice": "L", "codeSecteurDactivite": "SA07", "codeSectionPharmacien": "",
                "codeRole": "", "codeGenreActivite": "GENR01",
                "numeroSiretSite": "", "numeroSirenSite": "", "numeroFinessSite": "",
                "numeroFinessetablissementJuridique": "", "identifiantTechniqueDeLaStructure": "R99001",
                "raisonSocialeSite": "CABINET DR EXEMPLE", "enseigneCommercialeSite": "",
                "complementDestinataire": "", "complementPointGeographique": "",
                "numeroVoie": "12", "indiceRepetitionVoie": "", "codeTypeDeVoie": "R",
                "libelleVoie": "DE L EXEMPLE", "mentionDistribution": "", "bureauCedex": "75015 PARIS",
                "codePostal": "75015", "codeCommune": "75115", "codePays": "99000",
                "telephone": "", "telephone2": "", "telecopie": "", "adresseEMail": "",
                "codeDepartement": "75", "ancienIdentifiantDeLaStructure": "499990000017001",
                "autoriteDenregistrement": "CNOM/CNOM/CNOM", "nouveauChamp": "x"
              }]
            }]
          }
        }
        """#

    @Test("The PSC example decodes into typed values; empty strings are nil; unknown members are kept")
    func decodeSample() throws {
        let info = try JSONDecoder().decode(ProSanteConnectUserInfo.self, from: Data(Self.sample.utf8))
        #expect(info.subject == TestProvider.subject)
        #expect(info.subjectNameID == .rpps(RPPS("99990000017")))
        #expect(info.subjectNameID?.rppsNumber?.rawValue == "99990000017")
        #expect(info.givenName == "CAMILLE")
        #expect(info.familyName == "EXEMPLE")
        #expect(info.emailVerified == false)
        #expect(info.civilityCode == "MME")
        #expect(info.otherIdentifiers == [OtherIdentifier(identifier: "899990000017", origin: "RPPS", quality: 1)])
        #expect(info.organizationName == "CABINET DR EXEMPLE")
        #expect(info.organizationIdentifier == "R99001")
        #expect(info.roles == [CodeWithOID(code: "10", oid: "1.2.250.1.213.1.1.5.5")])
        #expect(info.activitySector == CodeWithOID(code: "SA07", oid: "1.2.250.1.71.4.2.4"))
        #expect(info.authenticationLevel?.code == "APPPRIP3")
        #expect(info.accessModeReason == nil)
        #expect(info.medicalRegulationAccess == "FAUX")
        #expect(info.hasMedicalRegulationAccess == false)
        #expect(info.uitVersion == "1.0")
        #expect(info.psiLocale == "1.2.250.1.213.1.3.1.1")
        #expect(info.additionalMembers == ["futureClaim": ["kept": true]])

        let reference = try #require(info.professionalReference)
        #expect(reference.civilityCode == "MME")
        let exercise = try #require(reference.exercises.first)
        #expect(exercise.professionCode == "10")
        #expect(exercise.professionalCategoryCode == "C")
        #expect(exercise.practiceCivilityCode == "DR")
        #expect(exercise.practiceFamilyName == "EXEMPLE")
        #expect(exercise.practiceGivenName == "CAMILLE")
        #expect(exercise.expertiseTypeCode == nil)
        #expect(exercise.expertiseCode == nil)
        let activity = try #require(exercise.activities.first)
        #expect(activity.practiceModeCode == "L")
        #expect(activity.activitySectorCode == "SA07")
        #expect(activity.pharmacistSectionCode == nil)
        #expect(activity.roleCode == nil)
        #expect(activity.activityGenreCode == "GENR01")
        #expect(activity.siteSIRET == nil)
        #expect(activity.siret == nil)
        #expect(activity.structureTechnicalIdentifier == "R99001")
        #expect(activity.siteCorporateName == "CABINET DR EXEMPLE")
        #expect(activity.streetNumber == "12")
        #expect(activity.streetTypeCode == "R")
        #expect(activity.streetName == "DE L EXEMPLE")
        #expect(activity.cedexOffice == "75015 PARIS")
        #expect(activity.postalCode == "75015")
        #expect(activity.municipalityCode == "75115")
        #expect(activity.countryCode == "99000")
        #expect(activity.telephone == nil)
        #expect(activity.email == nil)
        #expect(activity.departmentCode == "75")
        #expect(activity.formerStructureIdentifier == "499990000017001")
        #expect(activity.registrationAuthority == "CNOM/CNOM/CNOM")
        #expect(activity.additionalMembers == ["nouveauChamp": "x"])
    }

    @Test("Every activity member of the reference is read")
    func everyActivityMember() throws {
        let names = [
            "codeModeExercice", "codeSecteurDactivite", "codeSectionPharmacien", "codeRole", "codeGenreActivite",
            "numeroSiretSite", "numeroSirenSite", "numeroFinessSite", "numeroFinessetablissementJuridique",
            "identifiantTechniqueDeLaStructure", "raisonSocialeSite", "enseigneCommercialeSite",
            "complementDestinataire", "complementPointGeographique", "numeroVoie", "indiceRepetitionVoie",
            "codeTypeDeVoie", "libelleVoie", "mentionDistribution", "bureauCedex", "codePostal", "codeCommune",
            "codePays", "telephone", "telephone2", "telecopie", "adresseEMail", "codeDepartement",
            "ancienIdentifiantDeLaStructure", "autoriteDenregistrement",
        ]
        let object = JSONValue.object(Dictionary(uniqueKeysWithValues: names.map { ($0, JSONValue.string("v-\($0)")) }))
        let activity = try JSONDecoder().decode(ProfessionalActivity.self, from: Data(TestProvider.json(object).utf8))
        #expect(activity.additionalMembers.isEmpty)
        #expect(activity.siteSIRET == "v-numeroSiretSite")
        #expect(activity.legalEntityFINESS == "v-numeroFinessetablissementJuridique")
        #expect(activity.fax == "v-telecopie")
        #expect(activity.telephone2 == "v-telephone2")
        let encoded = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(activity))
        #expect(encoded == object)
    }

    @Test("otherIDs is accepted for otherIds; numbers as strings are tolerated")
    func alternativeSpelling() throws {
        let json =
            #"{"sub":"s","otherIDs":[{"identifiant":"ANS0001","origine":"EDIT","qualite":"3"}],"SubjectRole":"10^1.2"}"#
        let info = try JSONDecoder().decode(ProSanteConnectUserInfo.self, from: Data(json.utf8))
        #expect(info.otherIdentifiers.first?.identifier == "ANS0001")
        #expect(info.otherIdentifiers.first?.quality == 3)
        #expect(info.roles == ["10^1.2"])
        #expect(info.subjectNameID == nil)
    }

    @Test("Userinfo round-trips through JSON")
    func roundTrip() throws {
        let info = try JSONDecoder().decode(ProSanteConnectUserInfo.self, from: Data(Self.sample.utf8))
        let again = try JSONDecoder().decode(ProSanteConnectUserInfo.self, from: JSONEncoder().encode(info))
        #expect(again == info)
    }

    @Test("CodeWithOID parses code^OID and bare codes")
    func codeWithOID() throws {
        #expect(CodeWithOID(parsing: "10^1.2.250.1.213.1.1.5.5").code == "10")
        #expect(CodeWithOID(parsing: "10^1.2.250.1.213.1.1.5.5").oid == "1.2.250.1.213.1.1.5.5")
        #expect(CodeWithOID(parsing: "GENR01") == CodeWithOID(code: "GENR01", oid: nil))
        #expect(CodeWithOID(parsing: "X^").oid == nil)
        #expect(CodeWithOID(parsing: "SA07^1.2").rawValue == "SA07^1.2")
        #expect(String(decoding: try JSONEncoder().encode(CodeWithOID("a^b")), as: UTF8.self) == #""a^b""#)
    }

    private func fetch(
        _ response: StubTransport.Response, expectedSubject: String = TestProvider.subject,
        configure: (inout ProSanteConnectConfiguration) -> Void = { _ in }, keys: Bool = false
    ) async throws -> (TestHarness, Result<ProSanteConnectUserInfo, ProSanteConnectError>) {
        let harness = try TestHarness(configure: configure)
        harness.expectDiscovery()
        harness.stub.expect(
            .get, TestProvider.userinfoPath, headerFields: [.authorization: "Bearer access-1"], respond: response)
        if keys { try harness.expectKeys([try TestKeys.rsa()]) }
        do {
            let info = try await harness.client.userInfo(accessToken: "access-1", expectedSubject: expectedSubject)
            return (harness, .success(info))
        } catch let error as ProSanteConnectError {
            return (harness, .failure(error))
        }
    }

    @Test("JSON userinfo is fetched with the Bearer token")
    func json() async throws {
        let (harness, result) = try await fetch(.json(Self.sample))
        #expect(try result.get().subjectNameID?.rawValue == "899990000017")
        #expect(
            harness.stub.recordedRequests.last?.request.headerFields[.accept] == "application/json, application/jwt")
    }

    @Test("A userinfo for another sub is refused")
    func subjectMismatch() async throws {
        let (_, result) = try await fetch(.json(Self.sample), expectedSubject: "f:other:1")
        #expect(throws: ProSanteConnectError.self) { try result.get() }
        if case .failure(let error) = result { #expect(error.reason == .userinfoSubjectMismatch) }
    }

    private func jwtResponse(_ token: String) -> StubTransport.Response {
        .status(200, headerFields: [.contentType: "application/jwt; charset=utf-8"], body: Data(token.utf8))
    }

    private func signedUserInfo(_ changes: [String: JSONValue?] = [:], key: JWSSigningKey? = nil) throws -> String {
        guard case .object(var members) = try JSONDecoder().decode(JSONValue.self, from: Data(Self.sample.utf8)) else {
            return ""
        }
        members["iss"] = .string(TestProvider.issuer)
        members["aud"] = .string(TestProvider.clientID)
        for (name, value) in changes { members[name] = value }
        return try TestProvider.sign(.object(members), key: key ?? TestKeys.rsa())
    }

    private func reason(_ result: Result<ProSanteConnectUserInfo, ProSanteConnectError>) -> ProSanteConnectError.Reason?
    {
        if case .failure(let error) = result { return error.reason }
        return nil
    }

    @Test("A signed userinfo (application/jwt) is verified with the key set")
    func signed() async throws {
        let (_, result) = try await fetch(jwtResponse(try signedUserInfo()), keys: true)
        #expect(try result.get().familyName == "EXEMPLE")
        #expect(try result.get().additionalMembers["iss"] == .string(TestProvider.issuer))
    }

    @Test("A signed userinfo with a wrong iss, aud or signature is refused")
    func signedFailures() async throws {
        let (_, issuer) = try await fetch(jwtResponse(try signedUserInfo(["iss": "https://evil.example"])), keys: true)
        #expect(reason(issuer) == .userinfoInvalidIssuer)
        let (_, audience) = try await fetch(jwtResponse(try signedUserInfo(["aud": "other"])), keys: true)
        #expect(reason(audience) == .userinfoInvalidAudience)
        let (_, missingAudience) = try await fetch(jwtResponse(try signedUserInfo(["aud": nil])), keys: true)
        #expect(reason(missingAudience) == .userinfoInvalidAudience)
        let forged = try signedUserInfo(key: try TestKeys.otherRSA()).replacingOccurrences(of: "rsa-2", with: "rsa-1")
        let token = try signedUserInfo()
        let mixed = token.split(separator: ".")[0...1].joined(separator: ".") + "." + forged.split(separator: ".")[2]
        let (_, signature) = try await fetch(jwtResponse(mixed), keys: true)
        #expect(reason(signature) == .signatureInvalid)
        let (_, none) = try await fetch(
            jwtResponse(TestProvider.craft(header: #"{"alg":"none"}"#, claims: ["sub": .string(TestProvider.subject)])))
        #expect(reason(none) == .algorithmNotAllowed)
    }

    @Test("Other media types, bodies that are not userinfo and oversized bodies are refused")
    func invalidResponses() async throws {
        let (_, html) = try await fetch(
            .status(200, headerFields: [.contentType: "text/html"], body: Data("<html>".utf8)))
        #expect(reason(html) == .userinfoUnsupportedContentType)
        let (_, noSubject) = try await fetch(.json(#"{"given_name":"X"}"#))
        #expect(reason(noSubject) == .userinfoInvalid)
        let (_, tooLarge) = try await fetch(.json(Self.sample)) { $0.responseSizeLimits.userinfo = 100 }
        #expect(reason(tooLarge) == .responseTooLarge)
        let (_, unauthorized) = try await fetch(.status(401))
        if case .failure(let error) = unauthorized {
            #expect(error.reason == .requestFailed)
            #expect(error.httpStatus == 401)
            #expect(error.isAuthError)
        } else {
            Issue.record("a 401 must fail")
        }
    }

    @Test("userInfo(for:) uses the login's access token and ID token subject")
    func forLogin() async throws {
        let harness = try TestHarness()
        let login = try await harness.login { try harness.standardIDToken($0) }
        harness.stub.expect(
            .get, TestProvider.userinfoPath, headerFields: [.authorization: "Bearer access-1"],
            respond: .json(Self.sample))
        #expect(try await harness.client.userInfo(for: login).subject == login.idToken.subject)
    }
}
