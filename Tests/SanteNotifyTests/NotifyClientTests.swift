import Foundation
import HTTPTypes
import SanteCore
import SanteHTTP
import SanteNotify
import Testing

@Suite("Notify client on the stub transport")
struct NotifyClientTests {
    @Test("Send an SMS: body, JWT and decoded answer; a base URL prefix is kept")
    func sendSMS() async throws {
        let stub = StubTransport()
        stub.expect(
            .post, "/notify/v2/notifications/sms",
            where: { recorded in
                guard let body = recorded.body,
                    let json = try? JSONDecoder().decode(JSONValue.self, from: body)
                else { return false }
                return json["phone_number"] == "06 00 00 00 01"
                    && json["template_id"] == "f33517ff-2a88-4f6e-b855-c550268ce08a"
                    && json["personalisation"]?["name"] == "Camille" && json["reference"] == "rdv-1"
                    && json["sms_sender_id"] == nil
                    && recorded.request.headerFields[.contentType] == "application/json"
            },
            respond: .json(NotifyTestSupport.sendResponse, status: 201))
        let notify = try NotifyTestSupport.client(stub, baseURL: "https://notify.example.fr/notify")
        let sent = try await notify.sendSMS(NotifyTestSupport.sms)
        #expect(sent.id == "740e5834-3a29-46b4-9a6f-16142fde533a")
        #expect(sent.content?.body == "Bonjour Camille")
        #expect(sent.content?.fromNumber == "SanteKit")
        #expect(sent.template?.version == 1)
        #expect(!sent.wasRecoveredByReference)
        let claims = try NotifyTestSupport.verifiedClaims(try #require(stub.recordedRequests.first))
        #expect(claims.issuer == NotifyTestSupport.serviceID)
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("E-mail, letter and precompiled letter bodies")
    func otherSends() async throws {
        let stub = StubTransport()
        stub.expect(
            .post, "/v2/notifications/email",
            where: { recorded in
                let json = recorded.body.flatMap { try? JSONDecoder().decode(JSONValue.self, from: $0) }
                return json?["email_address"] == "camille@example.fr" && json?["email_reply_to_id"] == "r-1"
                    && json?["personalisation"]?["items"] == ["a", "b"]
                    && json?["personalisation"]?["file"]?["file"] == "JVBERi0="
                    && json?["personalisation"]?["file"]?["retention_period"] == "4 weeks"
            }, respond: .json(#"{"id":"e-1","content":{"body":"b","subject":"s","from_email":"x@y"}}"#, status: 201))
        stub.expect(
            .post, "/v2/notifications/letter",
            where: { recorded in
                let json = recorded.body.flatMap { try? JSONDecoder().decode(JSONValue.self, from: $0) }
                return json?["personalisation"]?["address_line_1"] == "Camille Martin"
                    && json?["personalisation"]?["address_line_3"] == "69001 Lyon"
            }, respond: .json(#"{"id":"l-1","scheduled_for":null}"#, status: 201))
        stub.expect(
            .post, "/v2/notifications/letter",
            where: { recorded in
                let json = recorded.body.flatMap { try? JSONDecoder().decode(JSONValue.self, from: $0) }
                return json?["content"] == "JVBERi0=" && json?["reference"] == "pdf-1"
            }, respond: .json(#"{"id":"p-1","reference":"pdf-1"}"#, status: 201))
        let notify = try NotifyTestSupport.client(stub)
        let file = try NotifyFile(data: Data("%PDF-".utf8), filename: "cr.pdf", retentionPeriodWeeks: 4)
        let email = try await notify.sendEmail(
            NotifyEmail(
                emailAddress: "camille@example.fr", templateID: "t",
                personalisation: ["items": ["a", "b"], "file": .file(file)],
                emailReplyToID: "r-1"))
        #expect(email.content?.subject == "s")
        #expect(email.content?.fromEmail == "x@y")
        let letter = try await notify.sendLetter(
            NotifyLetter(templateID: "t", addressLines: ["Camille Martin", "1 rue de la République", "69001 Lyon"]))
        #expect(letter.id == "l-1")
        let pdf = try await notify.sendPrecompiledLetter(
            NotifyPrecompiledLetter(reference: "pdf-1", pdf: Data("%PDF-".utf8)))
        #expect(pdf.reference == "pdf-1")
        try stub.verifyAllExpectationsConsumed()
        #expect(throws: NotifyError.self) { _ = try NotifyFile(data: Data(count: 2 * 1024 * 1024 + 1)) }
    }

    @Test("A send is not retried after a 5xx answer")
    func sendNotRetriedOn503() async throws {
        let stub = StubTransport()
        stub.expect(
            .post, "/v2/notifications/sms",
            respond: .json(NotifyTestSupport.errorJSON(500, "Exception", "Internal server error"), status: 500))
        let notify = try NotifyTestSupport.client(stub)
        do {
            _ = try await notify.sendSMS(NotifyTestSupport.sms)
            Issue.record("the send succeeded")
        } catch {
            #expect(error.reason == .serverError)
            #expect(error.serverErrorClasses == ["Exception"])
        }
        #expect(stub.recordedRequests.count == 1)
    }

    @Test("A send that provably was not sent is retried, with a fresh JWT")
    func sendRetriedWhenRefused() async throws {
        let stub = StubTransport()
        stub.expect(.post, "/v2/notifications/sms", respond: .error(NotifyTestSupport.refused))
        stub.expect(.post, "/v2/notifications/sms", respond: .json(NotifyTestSupport.sendResponse, status: 201))
        let notify = try NotifyTestSupport.client(stub)
        let sent = try await notify.sendSMS(NotifyTestSupport.sms)
        #expect(!sent.wasRecoveredByReference)
        #expect(stub.recordedRequests.count == 2)
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("A lost response with a reference: the message is found by reference, not sent twice")
    func lostResponseRecoveredByReference() async throws {
        let stub = StubTransport()
        stub.expect(.post, "/v2/notifications/sms", respond: .error(NotifyTestSupport.lostResponse))
        stub.expect(
            .get, "/v2/notifications", query: ["reference": "rdv-1", "template_type": "sms"],
            respond: .json(
                #"{"notifications":[\#(NotifyTestSupport.notificationJSON(id: "n-9", reference: "rdv-1", status: "created"))],"links":{"current":"x"}}"#
            ))
        let notify = try NotifyTestSupport.client(stub)
        let sent = try await notify.sendSMS(NotifyTestSupport.sms)
        #expect(sent.id == "n-9")
        #expect(sent.wasRecoveredByReference)
        #expect(sent.template?.id == "f33517ff-2a88-4f6e-b855-c550268ce08a")
        #expect(stub.recordedRequests.filter { $0.request.method == .post }.count == 1)
        let tokens = stub.recordedRequests.compactMap { $0.request.headerFields[.authorization] }
        #expect(tokens.count == 2)
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("A lost response with a reference not found: sent again once")
    func lostResponseResent() async throws {
        let stub = StubTransport()
        stub.expect(.post, "/v2/notifications/sms", respond: .error(NotifyTestSupport.lostResponse))
        stub.expect(.get, "/v2/notifications", respond: .json(#"{"notifications":[],"links":{}}"#))
        stub.expect(.post, "/v2/notifications/sms", respond: .json(NotifyTestSupport.sendResponse, status: 201))
        let notify = try NotifyTestSupport.client(stub)
        let sent = try await notify.sendSMS(NotifyTestSupport.sms)
        #expect(!sent.wasRecoveredByReference)
        #expect(sent.id == "740e5834-3a29-46b4-9a6f-16142fde533a")
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("A lost response whose lookup fails too: the send's own failure is thrown, not the lookup's")
    func lostResponseLookupFails() async throws {
        let stub = StubTransport()
        stub.expect(.post, "/v2/notifications/sms", respond: .error(NotifyTestSupport.lostResponse))
        for _ in 0..<3 {
            stub.expect(.get, "/v2/notifications", respond: .error(NotifyTestSupport.refused))
        }
        let notify = try NotifyTestSupport.client(stub)
        do {
            _ = try await notify.sendSMS(NotifyTestSupport.sms)
            Issue.record("the send succeeded")
        } catch {
            #expect(error.reason == .transport)
            #expect(error.operation == "notify.sendSMS")
            #expect(error.requestWasSent == nil)
        }
        #expect(stub.recordedRequests.filter { $0.request.method == .post }.count == 1)
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("A lost response without a reference is thrown, saying the message may have been sent")
    func lostResponseWithoutReference() async throws {
        let stub = StubTransport()
        stub.expect(.post, "/v2/notifications/sms", respond: .error(NotifyTestSupport.lostResponse))
        let notify = try NotifyTestSupport.client(stub)
        var message = NotifyTestSupport.sms
        message.reference = nil
        do {
            _ = try await notify.sendSMS(message)
            Issue.record("the send succeeded")
        } catch {
            #expect(error.reason == .transport)
            #expect(error.requestWasSent == nil)
        }
        #expect(stub.recordedRequests.count == 1)
    }

    @Test(
        "Error bodies are typed; the two 429s are told apart",
        arguments: [
            (429, "RateLimitError", NotifyError.Reason.rateLimited),
            (429, "TooManyRequestsError", .dailyLimitExceeded),
            (403, "AuthError", .authentication),
            (400, "ValidationError", .validationFailed),
            (400, "BadRequestError", .badRequest),
            (404, "NoResultFound", .notFound),
        ])
    func errors(status: Int, errorClass: String, expected: NotifyError.Reason) async throws {
        let stub = StubTransport()
        stub.expect(
            .get, "/v2/template/t-1",
            respond: .json(NotifyTestSupport.errorJSON(status, errorClass, "m"), status: status))
        let notify = try NotifyTestSupport.client(stub, retryPolicy: .none)
        do {
            _ = try await notify.template(id: "t-1")
            Issue.record("no error")
        } catch {
            #expect(error.reason == expected)
            #expect(error.httpStatus == status)
            #expect(error.apiError?.statusCode == status)
            #expect(error.serverErrorClasses == [errorClass])
            #expect(error.isRateLimit == (status == 429))
        }
    }

    @Test("Listing follows links.next exactly as given, and filters repeat status")
    func paging() async throws {
        let stub = StubTransport()
        stub.expect(
            .get, "/v2/notifications",
            where: { recorded in
                recorded.queryItems.map { "\($0.name)=\($0.value ?? "")" }
                    == ["template_type=sms", "status=delivered", "status=permanent-failure"]
            },
            respond: .json(
                #"{"notifications":[\#(NotifyTestSupport.notificationJSON(id: "a")),\#(NotifyTestSupport.notificationJSON(id: "b"))],"links":{"current":"x","next":"https://api.notifications.service.gov.uk/v2/notifications?other_than=b&template_type=sms"}}"#
            ))
        stub.expect(
            .get, "/v2/notifications", query: ["other_than": "b", "template_type": "sms"],
            respond: .json(
                #"{"notifications":[\#(NotifyTestSupport.notificationJSON(id: "c"))],"links":{"current":"y"}}"#))
        let notify = try NotifyTestSupport.client(stub)
        var ids: [String] = []
        for try await notification in notify.notifications(
            NotifyNotificationFilter(templateType: .sms, statuses: [.delivered, .permanentFailure]))
        {
            ids.append(notification.id)
        }
        #expect(ids == ["a", "b", "c"])
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("A next link to another origin is refused: the JWT never leaves the base URL's origin")
    func foreignNextLink() async throws {
        let stub = StubTransport()
        stub.expect(
            .get, "/v2/notifications",
            respond: .json(
                #"{"notifications":[],"links":{"next":"https://evil.example/v2/notifications?older_than=z"}}"#))
        let notify = try NotifyTestSupport.client(stub)
        do {
            for try await _ in notify.notifications() {}
            Issue.record("the foreign link was followed")
        } catch let error as NotifyError {
            #expect(error.reason == .invalidInput)
        }
        #expect(stub.recordedRequests.count == 1)
    }

    @Test("A letter's PDF is returned as bytes")
    func letterPDF() async throws {
        let stub = StubTransport()
        stub.expect(
            .get, "/v2/notifications/l-1/pdf", headerFields: [.accept: "application/pdf"],
            respond: .status(200, headerFields: [.contentType: "application/pdf"], body: Data("%PDF-1.7".utf8)))
        let notify = try NotifyTestSupport.client(stub)
        #expect(try await notify.letterPDF(id: "l-1") == Data("%PDF-1.7".utf8))
        try stub.verifyAllExpectationsConsumed()
    }

    @Test("Notifications decode leniently and keep unknown members")
    func notificationDecoding() throws {
        let json =
            #"{"id":"l","type":"letter","status":"accepted","line_1":"A","line_2":"B","line_3":"C","scheduled_for":"2024-05-17 9:00:00.000000","postage":"second","new_member":[1]}"#
        let notification = try JSONDecoder().decode(NotifyNotification.self, from: Data(json.utf8))
        #expect(notification.addressLines == ["A", "B", "C"])
        #expect(notification.scheduledFor?.date == Date(timeIntervalSince1970: 1_715_936_400))
        #expect(notification.additionalMembers["new_member"] == [1])
        let again = try JSONDecoder().decode(NotifyNotification.self, from: JSONEncoder().encode(notification))
        #expect(again == notification)
    }

    @Test("Templates: get, version, list by type, preview; received texts page")
    func templatesAndReceivedTexts() async throws {
        let template =
            #"{"id":"t-1","name":"rdv","type":"sms","version":2,"body":"Bonjour ((name)), le ((date)) à ((place)).","created_at":"2024-05-17 15:58:38.342838","created_by":"x@y","subject":null}"#
        let stub = StubTransport()
        stub.expect(.get, "/v2/template/t-1", respond: .json(template))
        stub.expect(
            .get, "/v2/template/t-1/version/1",
            respond: .json(template.replacingOccurrences(of: "\"version\":2", with: "\"version\":1")))
        stub.expect(.get, "/v2/templates", query: ["type": "sms"], respond: .json(#"{"templates":[\#(template)]}"#))
        stub.expect(
            .post, "/v2/template/t-1/preview",
            where: { recorded in
                let json = recorded.body.flatMap { try? JSONDecoder().decode(JSONValue.self, from: $0) }
                return json?["personalisation"]?["name"] == "Camille"
            }, respond: .json(#"{"id":"t-1","type":"sms","version":2,"body":"Bonjour Camille","subject":null}"#))
        stub.expect(
            .get, "/v2/received-text-messages",
            respond: .json(
                #"{"received_text_messages":[{"id":"r-1","user_number":"+33600000001","notify_number":"07700900000","created_at":"2024-05-17 15:58:38.342838","service_id":"s","content":"STOP"}],"links":{"current":"c"}}"#
            ))
        let notify = try NotifyTestSupport.client(stub)
        let latest = try await notify.template(id: "t-1")
        #expect(latest.placeholders == ["name", "date", "place"])
        #expect(try await notify.template(id: "t-1", version: 1).version == 1)
        #expect(try await notify.templates(type: .sms).map(\.id) == ["t-1"])
        #expect(
            try await notify.previewTemplate(id: "t-1", personalisation: ["name": "Camille"]).body == "Bonjour Camille")
        var texts: [NotifyReceivedText] = []
        for try await text in notify.receivedTextMessages() { texts.append(text) }
        #expect(texts.map(\.content) == ["STOP"])
        try stub.verifyAllExpectationsConsumed()
        do {
            _ = try await notify.template(id: "  ")
            Issue.record("an empty id was sent")
        } catch {
            #expect(error.reason == .invalidInput)
        }
    }
}
