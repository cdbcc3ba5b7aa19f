import SanteCore

/// Builds the directory's FHIR resources in the shape of Annuaire Santé API v2 (the `as-dp-*` public-data
/// profiles, as in the IG's example instances).
enum AnnuaireResourceBuilder {
    static func practitioner(_ person: DirectoryPerson, id: String) -> AnnuaireResource {
        var identifiers: [JSONValue] = [
            FHIRJSONBuilder.identifier(system: AnnuaireSystems.idnps, value: person.nationalID, typeCode: "IDNPS")
        ]
        var identifierTokens = ["\(AnnuaireSystems.idnps)|\(person.nationalID)"]
        var identifierTypes = ["\(AnnuaireSystems.identifierType)|IDNPS"]
        if let rpps = person.rpps {
            identifiers.append(FHIRJSONBuilder.identifier(system: AnnuaireSystems.rpps, value: rpps, typeCode: "RPPS"))
            identifierTokens.append("\(AnnuaireSystems.rpps)|\(rpps)")
            identifierTypes.append("\(AnnuaireSystems.identifierType)|RPPS")
        }
        var prefixes: [JSONValue] = [.string(person.civility)]
        if !person.practiceCivility.isEmpty {
            prefixes.append(.string(person.practiceCivility))
        }
        let mailbox = "\(ascii(person.givenName)).\(ascii(person.familyName))@santekit.mssante.fr"
        var qualifications: [JSONValue] = [
            [
                "code": FHIRJSONBuilder.concept([
                    (AnnuaireSystems.nos("TRE_G15-ProfessionSante"), person.professionCode),
                    (AnnuaireSystems.nos("TRE_R09-CategorieProfessionnelle"), person.categoryCode),
                ])
            ]
        ]
        var qualificationCodes = [
            "\(AnnuaireSystems.nos("TRE_G15-ProfessionSante"))|\(person.professionCode)"
        ]
        if !person.specialtyCode.isEmpty {
            qualifications.append(
                [
                    "code": FHIRJSONBuilder.concept([
                        (AnnuaireSystems.nos("TRE_R38-SpecialiteOrdinale"), person.specialtyCode)
                    ])
                ])
            qualificationCodes.append("\(AnnuaireSystems.nos("TRE_R38-SpecialiteOrdinale"))|\(person.specialtyCode)")
        }
        let json: [String: JSONValue] = [
            "resourceType": "Practitioner",
            "id": .string(id),
            "meta": FHIRJSONBuilder.meta(frCore: "fr-core-practitioner", annuaire: "as-dp-practitioner"),
            "language": "fr",
            "identifier": .array(identifiers),
            "active": true,
            "name": [
                [
                    "use": "usual", "family": .string(person.familyName), "given": [.string(person.givenName)],
                    "prefix": .array(prefixes),
                ]
            ],
            "telecom": [
                [
                    "extension": [
                        [
                            "url": .string(AnnuaireSystems.emailType),
                            "valueCoding": ["system": .string(AnnuaireSystems.messagingType), "code": "MSSANTE"],
                        ]
                    ],
                    "system": "email", "value": .string(mailbox), "rank": 1,
                ]
            ],
            "qualification": .array(qualifications),
        ]
        return AnnuaireResource(
            type: "Practitioner", id: id, json: json,
            tokens: [
                "_id": [id], "identifier": identifierTokens, "identifier-type": identifierTypes, "active": ["true"],
                "qualification-code": qualificationCodes,
            ],
            strings: [
                "family": [person.familyName], "given": [person.givenName],
                "name": [person.familyName, person.givenName], "mailbox-mss": [mailbox],
            ],
            references: [:])
    }

    static func practitionerRole(
        _ person: DirectoryPerson, site: DirectorySite, number: Int, id: String, practitionerID: String,
        organizationID: String
    ) -> AnnuaireResource {
        let identifier = "F\(person.rpps ?? person.nationalID)\(number)"
        var codes: [JSONValue] = [
            FHIRJSONBuilder.concept([(AnnuaireSystems.nos("TRE_R22-GenreActivite"), site.genreCode)]),
            FHIRJSONBuilder.concept([(AnnuaireSystems.nos("TRE_R23-ModeExercice"), site.modeCode)]),
            FHIRJSONBuilder.concept([(AnnuaireSystems.nos("TRE_R21-Fonction"), "FON-AU")]),
        ]
        var roleTokens = [
            "\(AnnuaireSystems.nos("TRE_R22-GenreActivite"))|\(site.genreCode)",
            "\(AnnuaireSystems.nos("TRE_R23-ModeExercice"))|\(site.modeCode)",
            "\(AnnuaireSystems.nos("TRE_R21-Fonction"))|FON-AU",
        ]
        if !person.specialtyCode.isEmpty {
            codes.append(
                FHIRJSONBuilder.concept([(AnnuaireSystems.nos("TRE_R38-SpecialiteOrdinale"), person.specialtyCode)]))
            roleTokens.append("\(AnnuaireSystems.nos("TRE_R38-SpecialiteOrdinale"))|\(person.specialtyCode)")
        }
        var json: [String: JSONValue] = [
            "resourceType": "PractitionerRole",
            "id": .string(id),
            "meta": FHIRJSONBuilder.meta(frCore: "fr-core-practitioner-role", annuaire: "as-dp-practitionerrole"),
            "language": "fr",
            "identifier": [["system": .string(AnnuaireSystems.rpps), "value": .string(identifier)]],
            "active": true,
            "practitioner": FHIRJSONBuilder.reference("Practitioner/\(practitionerID)"),
            "organization": FHIRJSONBuilder.reference("Organization/\(organizationID)"),
            "code": .array(codes),
        ]
        if !site.structure.telephone.isEmpty {
            json["telecom"] = [["system": "phone", "value": .string(site.structure.telephone)]]
        }
        return AnnuaireResource(
            type: "PractitionerRole", id: id, json: json,
            tokens: [
                "_id": [id], "identifier": ["\(AnnuaireSystems.rpps)|\(identifier)"], "active": ["true"],
                "role": roleTokens,
            ],
            strings: [:],
            references: [
                "practitioner": ["Practitioner/\(practitionerID)"], "organization": ["Organization/\(organizationID)"],
            ])
    }

    static func organization(_ structure: DirectoryStructure, id: String, partOf: String?) -> AnnuaireResource {
        var identifiers: [JSONValue] = [
            FHIRJSONBuilder.identifier(system: AnnuaireSystems.idnst, value: structure.structureID, typeCode: "IDNST")
        ]
        var tokens = ["\(AnnuaireSystems.idnst)|\(structure.structureID)"]
        var types = ["\(AnnuaireSystems.identifierType)|IDNST"]
        if let finess = structure.finess {
            identifiers.append(
                FHIRJSONBuilder.identifier(system: AnnuaireSystems.finess, value: finess, typeCode: "FINEG"))
            tokens.append("\(AnnuaireSystems.finess)|\(finess)")
            types.append("\(AnnuaireSystems.identifierType)|FINEG")
        }
        if let siret = structure.siret {
            identifiers.append(
                FHIRJSONBuilder.identifier(system: AnnuaireSystems.siret, value: siret, typeCode: "SIRET"))
            tokens.append("\(AnnuaireSystems.siret)|\(siret)")
            types.append("\(AnnuaireSystems.identifierType)|SIRET")
        }
        var json = organizationBase(
            id: id, identifiers: identifiers, entityType: "GEOGRAPHICAL-ENTITY", sector: structure.sectorCode,
            name: structure.name)
        if !structure.telephone.isEmpty {
            json["telecom"] = [["system": "phone", "value": .string(structure.telephone), "rank": 1]]
        }
        json["address"] = [
            [
                "extension": [
                    [
                        "url": .string(AnnuaireSystems.inseeCode),
                        "valueCoding": [
                            "system": .string(AnnuaireSystems.commune), "code": .string(structure.communeCode),
                        ],
                    ]
                ],
                "line": [.string("\(structure.streetNumber) \(structure.streetTypeCode) \(structure.streetName)")],
                "_line": [
                    [
                        "extension": [
                            addressPart("houseNumber", structure.streetNumber),
                            addressPart("streetNameType", structure.streetTypeCode),
                            addressPart("streetNameBase", structure.streetName),
                        ]
                    ]
                ],
                "city": .string(structure.city),
                "postalCode": .string(structure.postalCode),
            ]
        ]
        var references: [String: [String]] = [:]
        if let partOf {
            json["partOf"] = FHIRJSONBuilder.reference("Organization/\(partOf)")
            references["partof"] = ["Organization/\(partOf)"]
        }
        return AnnuaireResource(
            type: "Organization", id: id, json: json,
            tokens: [
                "_id": [id], "identifier": tokens, "identifier-type": types, "active": ["true"],
                "type": [
                    "\(AnnuaireSystems.organizationTypeSystem)|GEOGRAPHICAL-ENTITY",
                    "\(AnnuaireSystems.nos("TRE_R02-SecteurActivite"))|\(structure.sectorCode)",
                ],
            ],
            strings: [
                "name": [structure.name], "address-city": [structure.city],
                "address-postalcode": [structure.postalCode],
            ],
            references: references)
    }

    static func legalEntity(finess: String, name: String, sector: String, id: String) -> AnnuaireResource {
        let identifiers = [
            FHIRJSONBuilder.identifier(system: AnnuaireSystems.idnst, value: "1\(finess)", typeCode: "IDNST"),
            FHIRJSONBuilder.identifier(system: AnnuaireSystems.finess, value: finess, typeCode: "FINEJ"),
        ]
        let json = organizationBase(
            id: id, identifiers: identifiers, entityType: "LEGAL-ENTITY", sector: sector, name: name)
        return AnnuaireResource(
            type: "Organization", id: id, json: json,
            tokens: [
                "_id": [id],
                "identifier": ["\(AnnuaireSystems.idnst)|1\(finess)", "\(AnnuaireSystems.finess)|\(finess)"],
                "identifier-type": [
                    "\(AnnuaireSystems.identifierType)|IDNST", "\(AnnuaireSystems.identifierType)|FINEJ",
                ],
                "active": ["true"],
                "type": [
                    "\(AnnuaireSystems.organizationTypeSystem)|LEGAL-ENTITY",
                    "\(AnnuaireSystems.nos("TRE_R02-SecteurActivite"))|\(sector)",
                ],
            ],
            strings: ["name": [name]], references: [:])
    }

    static func healthcareService(
        id: String, organizationID: String, category: String, type: String, characteristic: String
    ) -> AnnuaireResource {
        let categorySystem = AnnuaireSystems.nos("TRE_R276-FormeActivite")
        let typeSystem = AnnuaireSystems.nos("TRE_R275-ActiviteSanitaireRegulee")
        let characteristicSystem = AnnuaireSystems.nos("TRE_R277-ModaliteActivite")
        let profile = "as-dp-healthcareservice-healthcare-activity"
        let json: [String: JSONValue] = [
            "resourceType": "HealthcareService",
            "id": .string(id),
            "meta": FHIRJSONBuilder.meta(frCore: nil, annuaire: profile),
            "language": "fr",
            "active": true,
            "providedBy": FHIRJSONBuilder.reference("Organization/\(organizationID)"),
            "category": [FHIRJSONBuilder.concept([(categorySystem, category)])],
            "type": [FHIRJSONBuilder.concept([(typeSystem, type)])],
            "characteristic": [FHIRJSONBuilder.concept([(characteristicSystem, characteristic)])],
        ]
        return AnnuaireResource(
            type: "HealthcareService", id: id, json: json,
            tokens: [
                "_id": [id], "active": ["true"], "service-category": ["\(categorySystem)|\(category)"],
                "service-type": ["\(typeSystem)|\(type)"],
                "characteristic": ["\(characteristicSystem)|\(characteristic)"],
            ],
            strings: ["_profile": AnnuaireSystems.profiles(frCore: nil, annuaire: profile)],
            references: ["organization": ["Organization/\(organizationID)"]])
    }

    private static func organizationBase(
        id: String, identifiers: [JSONValue], entityType: String, sector: String, name: String
    ) -> [String: JSONValue] {
        [
            "resourceType": "Organization",
            "id": .string(id),
            "meta": FHIRJSONBuilder.meta(frCore: "fr-core-organization", annuaire: "as-dp-organization"),
            "language": "fr",
            "extension": [
                [
                    "url": "http://hl7.org/fhir/StructureDefinition/organization-period",
                    "valuePeriod": ["start": "2019-06-01"],
                ]
            ],
            "identifier": .array(identifiers),
            "active": true,
            "type": [
                typeConcept("organizationType", AnnuaireSystems.organizationTypeSystem, entityType),
                typeConcept("secteurActiviteRASS", AnnuaireSystems.nos("TRE_R02-SecteurActivite"), sector),
            ],
            "name": .string(name),
        ]
    }

    private static func typeConcept(_ kind: String, _ system: String, _ code: String) -> JSONValue {
        [
            "extension": [["url": .string(AnnuaireSystems.organizationTypesExtension), "valueCode": .string(kind)]],
            "coding": [["system": .string(system), "code": .string(code)]],
        ]
    }

    private static func addressPart(_ name: String, _ value: String) -> JSONValue {
        [
            "url": .string("http://hl7.org/fhir/StructureDefinition/iso21090-ADXP-\(name)"),
            "valueString": .string(value),
        ]
    }

    /// Lower-case ASCII letters of a name, for a mailbox address.
    private static func ascii(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || $0 == "-" })
    }
}
