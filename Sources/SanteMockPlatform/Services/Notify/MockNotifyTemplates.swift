import Foundation

/// The templates seeded in the mock Notify service, with fixed identifiers.
///
/// | Template | Identifier | Placeholders |
/// |---|---|---|
/// | SMS "Confirmation de rendez-vous" (version 2; version 1 had no place) | ``appointmentConfirmationSMS`` | `name`, `date`, `place` |
/// | E-mail "Document disponible" | ``documentAvailableEmail`` | `name` (subject and body) |
/// | Letter "Rappel de vaccination" | ``vaccinationReminderLetter`` | `name`, `vaccine`, address lines |
public enum MockNotifyTemplates {
    /// The SMS template "Confirmation de rendez-vous":
    /// `Bonjour ((name)), votre rendez-vous du ((date)) à ((place)) est confirmé.`
    public static let appointmentConfirmationSMS = "8a6c1f52-3d0e-4b7a-9e21-5f4c7d2b1a01"
    /// The e-mail template "Document disponible": subject `Nouveau document pour ((name))`.
    public static let documentAvailableEmail = "8a6c1f52-3d0e-4b7a-9e21-5f4c7d2b1a02"
    /// The letter template "Rappel de vaccination": subject `Rappel : vaccination ((vaccine))`.
    public static let vaccinationReminderLetter = "8a6c1f52-3d0e-4b7a-9e21-5f4c7d2b1a03"
    /// The template recorded for precompiled (PDF) letters.
    public static let precompiledLetter = "8a6c1f52-3d0e-4b7a-9e21-5f4c7d2b1a04"

    /// The seeded templates, SMS first.
    static let all: [NotifyTemplate] = [
        NotifyTemplate(
            id: appointmentConfirmationSMS, name: "Confirmation de rendez-vous", kind: .sms,
            versions: [
                NotifyTemplate.Version(
                    number: 1, body: "Bonjour ((name)), votre rendez-vous du ((date)) est confirmé.", subject: nil,
                    createdAt: seededDate),
                NotifyTemplate.Version(
                    number: 2, body: "Bonjour ((name)), votre rendez-vous du ((date)) à ((place)) est confirmé.",
                    subject: nil, createdAt: seededDate + 86_400),
            ]),
        NotifyTemplate(
            id: documentAvailableEmail, name: "Document disponible", kind: .email,
            versions: [
                NotifyTemplate.Version(
                    number: 1,
                    body:
                        "Bonjour ((name)),\n\nUn nouveau document est disponible dans votre espace santé.\n\nCordialement",
                    subject: "Nouveau document pour ((name))", createdAt: seededDate)
            ]),
        NotifyTemplate(
            id: vaccinationReminderLetter, name: "Rappel de vaccination", kind: .letter,
            versions: [
                NotifyTemplate.Version(
                    number: 1,
                    body: "Bonjour ((name)),\n\nVotre rappel de vaccination ((vaccine)) est à prévoir.",
                    subject: "Rappel : vaccination ((vaccine))", createdAt: seededDate)
            ]),
    ]

    /// 2026-01-01T00:00:00Z, the seeded templates' creation date.
    private static let seededDate = Date(timeIntervalSince1970: 1_767_225_600)

    /// The seeded template `id`, if any.
    static func template(id: String) -> NotifyTemplate? {
        all.first { $0.id == id }
    }
}
