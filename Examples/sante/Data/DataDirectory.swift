import ArgumentParser
import Foundation
import SanteKit
import SanteMockPlatform

/// `sante data directory --rpps NUMBER`: a health professional and their activities in the Annuaire Santé.
struct DataDirectory: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "directory",
        abstract: "Look a health professional up in the Annuaire Santé (FHIR v2) by RPPS number.",
        discussion: """
            --base-url names the FHIR endpoint (such as https://gateway.api.esante.gouv.fr/fhir/v2); its API key \
            is read from SANTE_ANNUAIRE_API_KEY (sent as ESANTE-API-KEY). Against the mock platform the key \
            defaults to the mock's published test key.
            """)

    @OptionGroup var options: GlobalOptions
    @OptionGroup var source: DataSourceOptions

    @Option(name: .long, help: "The professional's RPPS number (11 digits).")
    var rpps: String

    /// The most activities shown.
    static let activityLimit = 10

    func validate() throws {
        let number = RPPS(rpps)
        guard number.isValid else {
            let reasons = number.diagnostics.map(\.description).joined(separator: "; ")
            throw ArgumentParser.ValidationError("--rpps '\(rpps)' is not an RPPS number: \(reasons)")
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let key = environment["SANTE_ANNUAIRE_API_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        if source.baseURL != nil, key == nil {
            throw ArgumentParser.ValidationError(
                "the Annuaire Santé needs an API key: set SANTE_ANNUAIRE_API_KEY (sent as ESANTE-API-KEY)")
        }
        let professional = try await DataContext.with(global: options, source: source, baseURLKind: .annuaire) {
            context in
            let client = AnnuaireSanteClient(
                http: try context.platform.httpClient(baseURL: context.annuaireURL),
                apiKeyProvider: OpenDataStaticAPIKey(key ?? MockAnnuaireSanteAPI.apiKey))
            do {
                return try await Self.lookUp(RPPS(rpps), in: client, activityLimit: Self.activityLimit)
            } catch {
                throw DataFailure.exitError(for: error, action: "directory lookup")
            }
        }
        if options.json {
            try Terminal.json(professional)
        } else {
            for line in professional.lines { Terminal.result(line) }
        }
    }

    /// Finds the professional with `rpps` and their activities (each with its structure).
    /// - Throws: ``OperationFailed`` when the directory has no such professional, or ``OpenDataError``.
    static func lookUp(_ rpps: RPPS, in client: AnnuaireSanteClient, activityLimit: Int) async throws
        -> DirectoryProfessional
    {
        guard let practitioner = try await client.practitioner(rpps: rpps) else {
            throw OperationFailed(
                reason: "no professional with RPPS \(rpps.rawValue) in the Annuaire Santé [not_found]")
        }
        var activities: [DirectoryProfessional.Activity] = []
        if let id = practitioner.id {
            var query = AnnuairePractitionerRoleQuery(practitioner: id)
            query.options.count = activityLimit
            for try await role in client.practitionerRoles(query) {
                activities.append(try await activity(role, client: client))
                if activities.count == activityLimit { break }
            }
        }
        return DirectoryProfessional(practitioner, activities: activities)
    }

    private static func activity(_ role: AnnuairePractitionerRole, client: AnnuaireSanteClient) async throws
        -> DirectoryProfessional.Activity
    {
        var organization: AnnuaireOrganization?
        if let reference = role.organization?.reference, reference.hasPrefix("Organization/") {
            organization = try await client.organization(id: String(reference.dropFirst("Organization/".count)))
        }
        let address = organization?.address.first.map { address in
            (address.line + [[address.postalCode, address.city].compactMap { $0 }.joined(separator: " ")])
                .filter { !$0.isEmpty }.joined(separator: ", ")
        }
        return DirectoryProfessional.Activity(
            organization: organization?.name, finess: organization?.finess?.rawValue, address: address,
            phone: role.telecom.first { $0.system == "phone" }?.value,
            codes: role.code.flatMap { $0.coding.compactMap(\.code) })
    }
}

/// What `sante data directory --json` prints: a professional of the Annuaire Santé.
struct DirectoryProfessional: Codable {
    /// One activity (PractitionerRole) and its structure.
    struct Activity: Codable {
        let organization: String?
        let finess: String?
        let address: String?
        let phone: String?
        /// The role's codes (genre, mode, function, specialty), as the directory gives them.
        let codes: [String]
    }

    let id: String?
    let rpps: String?
    let nationalIdentifier: String?
    let name: String
    let profession: String?
    let qualifications: [String]
    let mssante: [String]
    let active: Bool?
    let activities: [Activity]

    init(_ practitioner: AnnuairePractitioner, activities: [Activity]) {
        id = practitioner.id
        rpps = practitioner.rpps?.rawValue
        nationalIdentifier = practitioner.nationalIdentifier?.rawValue
        let usual = practitioner.name.first { $0.use == "usual" } ?? practitioner.name.first
        name = usual.map { ($0.given + [$0.family].compactMap { $0 }).joined(separator: " ") } ?? "?"
        let codes = practitioner.qualification.flatMap { $0.code.coding }
        let professionCode = codes.first { $0.system?.contains("TRE-G15-ProfessionSante") == true }?.code
        profession = professionCode.map { code in Self.professionNames[code].map { "\($0) (\(code))" } ?? code }
        qualifications = codes.compactMap { coding in coding.display ?? coding.code }
        mssante = practitioner.mssanteAddresses
        active = practitioner.active
        self.activities = activities
    }

    /// The readable lines `sante data directory` prints.
    var lines: [String] {
        var lines = ["\(rpps ?? "?")  \(name)"]
        func fact(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.append("  " + DataFormatting.padded(label, 16) + value)
        }
        fact("profession", profession)
        fact("qualifications", qualifications.joined(separator: ", "))
        fact("MSSanté", mssante.joined(separator: ", "))
        fact("national id", nationalIdentifier)
        for activity in activities {
            var text = activity.organization ?? "?"
            if let address = activity.address { text += ", \(address)" }
            if let finess = activity.finess { text += " (FINESS \(finess))" }
            fact("activity", text)
        }
        if activities.isEmpty { fact("activity", "none listed") }
        return lines
    }

    /// Names of the common `TRE_G15-ProfessionSante` codes.
    static let professionNames: [String: String] = [
        "10": "Médecin", "21": "Pharmacien", "40": "Chirurgien-dentiste", "50": "Sage-femme",
        "60": "Infirmier", "70": "Masseur-kinésithérapeute", "80": "Pédicure-podologue",
    ]
}
