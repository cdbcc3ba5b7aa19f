import SanteNotify
import Testing

@Suite("SanteNotify module")
struct SanteNotifyModuleTests {
    @Test("The module links")
    func moduleLinks() {
        #expect(String(describing: SanteNotify.self) == "SanteNotify")
    }
}
