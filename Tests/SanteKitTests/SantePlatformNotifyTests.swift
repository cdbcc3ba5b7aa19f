import Foundation
import SanteKit
import SanteMockPlatform
import Testing

@Suite("SantePlatform's Notify client against the mock platform", .timeLimit(.minutes(3)))
struct SantePlatformNotifyTests {
    @Test("A Notify client from the platform sends an SMS the mock records, counted in the platform's accounting")
    func sendSMS() async throws {
        let mock = try await MockPlatform.start()
        do {
            let platform = SantePlatform(environment: .localMock(baseURL: mock.baseURL), timeout: .seconds(30))
            let notify = try platform.notify(apiKey: try NotifyAPIKey(mock.identities.notifyAPIKey))
            let sent = try await notify.sendSMS(
                NotifySMS(
                    phoneNumber: "06 12 34 56 78", templateID: MockNotifyTemplates.appointmentConfirmationSMS,
                    personalisation: ["name": "Camille", "date": "3 mars", "place": "Lyon"], reference: "rdv-1"))
            let fetched = try await notify.notification(id: sent.id)
            #expect(fetched.reference == "rdv-1")
            let messages = await mock.notifications.messages()
            #expect(messages.map(\.id) == [sent.id])
            #expect(platform.accounting.snapshot().total.requests == 2)
        } catch {
            await mock.stop()
            throw error
        }
        await mock.stop()
    }
}
