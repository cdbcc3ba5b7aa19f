import ArgumentParser

/// `sante demo`: the guided tour of SanteKit against a mock platform.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A guided tour of SanteKit against a mock platform (in-process unless --mock-url is given).")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        throw OperationFailed(reason: "the demo tour is not written yet")
    }
}
