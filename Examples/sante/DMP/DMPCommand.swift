import ArgumentParser

/// `sante dmp`: publish, find, read, replace, hide, archive and delete documents of a patient's DMP (the
/// shared medical record), over FHIR PDSm.
struct DMPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dmp",
        abstract: "Publish, find, read, replace, hide, archive and delete DMP documents (FHIR PDSm).",
        discussion: """
            --server URL points at any PDSm endpoint (its FHIR base); --token (or $SANTE_DMP_TOKEN), else the \
            Pro Santé Connect session of `sante psc login`, authenticates. Without --server, the DMP is the mock \
            platform's: a running sante-mock (--mock-url or SANTE_MOCK_URL), else one started in this process, \
            which forgets its documents when the command ends.

            An INS typed on the command line is taken as a qualified identity (the operator asserts it; \
            --ins-status says otherwise). Without a Pro Santé Connect session, documents are authored by the mock \
            platform's default test professional (899990000012, Dr Camille LEFEBVRE) and organisation (CABINET \
            DU DR LEFEBVRE, SIRET 99999001300016).
            """,
        subcommands: [
            DMPSearch.self, DMPGet.self, DMPPublish.self, DMPReplace.self, DMPHide.self, DMPUnhide.self,
            DMPArchive.self, DMPDelete.self, DMPDemoCommand.self,
        ]
    )
}
