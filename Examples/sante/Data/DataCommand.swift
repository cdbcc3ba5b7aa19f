import ArgumentParser

/// `sante data`: the open-data services: the data.gouv.fr catalogue, its files, and the Annuaire Santé.
struct DataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract:
            "Browse the data.gouv.fr catalogue, download its files, and look professionals up in the Annuaire Santé.",
        discussion: """
            Without --base-url, every command talks to the mock platform: a running sante-mock (--mock-url or \
            SANTE_MOCK_URL), else one started in this process. --base-url points `datasets`, `dataset` and \
            `download` at any udata server (such as https://www.data.gouv.fr), and `directory` at an Annuaire \
            Santé FHIR endpoint (such as https://gateway.api.esante.gouv.fr/fhir/v2, key in SANTE_ANNUAIRE_API_KEY).
            """,
        subcommands: [DataDatasets.self, DataDataset.self, DataDownload.self, DataDirectory.self]
    )
}
