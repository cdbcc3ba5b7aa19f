import Foundation
import SanteCore
import SanteMockPlatform
import Testing

@Suite struct NotifyValidationTests {
    private func expectError(
        _ result: HTTPResult, status: Int, error: String, message: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(result.status == status, sourceLocation: sourceLocation)
        let body = try NotifyTest.error(result)
        #expect(body.statusCode == status, sourceLocation: sourceLocation)
        #expect(body.error == error, sourceLocation: sourceLocation)
        #expect(body.message == message, sourceLocation: sourceLocation)
    }

    @Test(.timeLimit(.minutes(3)))
    func requiredFieldsAndTemplateChecks() async throws {
        try await withPlatform(MockPlatform.Configuration(clock: TestClock())) { platform in
            let sms = NotifyTest.sms
            try expectError(
                try await NotifyTest.send(
                    platform, "POST", "/v2/notifications/sms", json: #"{"template_id": "\#(sms)"}"#),
                status: 400, error: "ValidationError", message: "phone_number is a required property")
            try expectError(
                try await NotifyTest.send(
                    platform, "POST", "/v2/notifications/sms", json: #"{"phone_number": "0612345678"}"#),
                status: 400, error: "ValidationError", message: "template_id is a required property")
            try expectError(
                try await NotifyTest.send(
                    platform, "POST", "/v2/notifications/sms",
                    json: #"{"phone_number": "0612345678", "template_id": "nope"}"#),
                status: 400, error: "ValidationError", message: "template_id is not a valid UUID")
            try expectError(
                try await NotifyTest.send(
                    platform, "POST", "/v2/notifications/sms",
                    json: #"{"phone_number": "0612345678", "template_id": "\#(UUID().uuidString)"}"#),
                status: 400, error: "BadRequestError", message: "Template not found")
            try expectError(
                try await NotifyTest.send(
                    platform, "POST", "/v2/notifications/sms",
                    json:
                        #"{"phone_number": "0612345678", "template_id": "\#(NotifyTest.email)", "personalisation": {"name": "A"}}"#
                ),
                status: 400, error: "BadRequestError", message: "email template is not suitable for sms notification")
            try expectError(
                try await NotifyTest.send(platform, "POST", "/v2/notifications/sms", json: "{not json"),
                status: 400, error: "BadRequestError", message: "Invalid JSON supplied in POST data")
            #expect(await platform.notifications.messages().isEmpty)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func missingPersonalisationIsNamed() async throws {
        try await withPlatform(MockPlatform.Configuration(clock: TestClock())) { platform in
            let body = """
                {"phone_number": "0612345678", "template_id": "\(NotifyTest.sms)",
                 "personalisation": {"name": "Dominique", "place": "Lyon"}}
                """
            try expectError(
                try await NotifyTest.send(platform, "POST", "/v2/notifications/sms", json: body),
                status: 400, error: "BadRequestError", message: "Missing personalisation: date")
            let none = #"{"phone_number": "0612345678", "template_id": "\#(NotifyTest.sms)"}"#
            try expectError(
                try await NotifyTest.send(platform, "POST", "/v2/notifications/sms", json: none),
                status: 400, error: "BadRequestError", message: "Missing personalisation: name, date, place")
        }
    }

    @Test(
        .timeLimit(.minutes(3)),
        arguments: [
            "0612345678", "07 12 34 56 78", "06.12.34.56.78", "+33 6 12 34 56 78", "+33 (0)6 12 34 56 78",
            "0033612345678", "+44 7700 900123", "+1 202 555 0143", "0049 1512 3456789",
        ])
    func acceptedPhoneNumbers(_ phone: String) async throws {
        try await withPlatform(MockPlatform.Configuration(clock: TestClock())) { platform in
            let result = try await NotifyTest.sendSMS(platform, to: phone)
            #expect(result.status == 201)
            #expect(await platform.notifications.messages().first?.recipient == phone)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func rejectedPhoneNumbersAndEmails() async throws {
        try await withPlatform(MockPlatform.Configuration(clock: TestClock())) { platform in
            for phone in ["12345", "0112345678", "06123456789", "+33 1 23 45 67 89", "06-12-34-56-7x", "+", ""] {
                try expectError(
                    try await NotifyTest.sendSMS(platform, to: phone), status: 400, error: "ValidationError",
                    message: "phone_number Not a valid phone number")
            }
            for email in ["no-at-sign", "a@b", "a b@example.fr", "@example.fr", "a@exa_mple.fr", "a@@example.fr"] {
                let body =
                    #"{"email_address": "\#(email)", "template_id": "\#(NotifyTest.email)", "personalisation": {"name": "A"}}"#
                try expectError(
                    try await NotifyTest.send(platform, "POST", "/v2/notifications/email", json: body), status: 400,
                    error: "ValidationError", message: "email_address Not a valid email address")
            }
            #expect(await platform.notifications.messages().isEmpty)
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func lettersNeedThreeAddressLines() async throws {
        try await withPlatform(MockPlatform.Configuration(clock: TestClock())) { platform in
            let short = """
                {"template_id": "\(NotifyTest.letter)", "personalisation": {"name": "A", "vaccine": "DTP",
                 "address_line_1": "Dominique Pat-Trois", "address_line_2": "75001 Paris"}}
                """
            try expectError(
                try await NotifyTest.send(platform, "POST", "/v2/notifications/letter", json: short), status: 400,
                error: "ValidationError", message: "Address must be at least 3 lines")
            let good = """
                {"template_id": "\(NotifyTest.letter)", "reference": "letter-1", "personalisation": {"name": "Dominique",
                 "vaccine": "DTP", "address_line_1": "Dominique Pat-Trois", "address_line_2": "1 rue de la Paix",
                 "address_line_3": "75001 Paris"}}
                """
            let result = try await NotifyTest.send(platform, "POST", "/v2/notifications/letter", json: good)
            #expect(result.status == 201)
            let content = try #require(try NotifyTest.object(result)["content"] as? [String: Any])
            #expect(content["subject"] as? String == "Rappel : vaccination DTP")
            let message = try #require(await platform.notifications.messages().first)
            #expect(message.kind == .letter)
            #expect(message.recipient == "Dominique Pat-Trois\n1 rue de la Paix\n75001 Paris")
            #expect(message.status(at: platform.clock.now()) == "accepted")
        }
    }

    @Test(.timeLimit(.minutes(3)))
    func precompiledLettersAndTheirPDF() async throws {
        try await withPlatform(MockPlatform.Configuration(clock: TestClock())) { platform in
            let notPDF = #"{"reference": "pdf-1", "content": "\#(Data("hello".utf8).base64EncodedString())"}"#
            let refused = try await NotifyTest.send(platform, "POST", "/v2/notifications/letter", json: notPDF)
            #expect(refused.status == 400)
            #expect(try NotifyTest.error(refused).message == "Letter content is not a valid PDF")
            let pdf = Data("%PDF-1.4\n%%EOF\n".utf8).base64EncodedString()
            let sent = try await NotifyTest.send(
                platform, "POST", "/v2/notifications/letter",
                json: #"{"reference": "pdf-1", "content": "\#(pdf)", "postage": "first"}"#)
            #expect(sent.status == 201)
            let created = try NotifyTest.object(sent)
            #expect(created["reference"] as? String == "pdf-1")
            #expect(created["postage"] as? String == "first")
            let id = try #require(created["id"] as? String)
            let file = try await NotifyTest.send(platform, "GET", "/v2/notifications/\(id)/pdf")
            #expect(file.status == 200)
            #expect(file.header("Content-Type") == "application/pdf")
            #expect(file.body.starts(with: Data("%PDF".utf8)))
            let sms = try NotifyTest.object(try await NotifyTest.sendSMS(platform, to: "0612345678"))
            let smsID = try #require(sms["id"] as? String)
            #expect(try await NotifyTest.send(platform, "GET", "/v2/notifications/\(smsID)/pdf").status == 400)
        }
    }
}
