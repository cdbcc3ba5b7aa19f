import SanteDMP
import Testing

@Suite("SanteDMP module")
struct SanteDMPModuleTests {
    @Test("The module links")
    func moduleLinks() {
        #expect(String(describing: SanteDMP.self) == "SanteDMP")
    }
}
