import Foundation
import SanteCore
import Testing

@Suite("FHIR base64Binary")
struct FHIRBase64BinaryTests {
    @Test(
        "decodes standard, wrapped and unpadded base64", arguments: ["SGVsbG8=", "SGVs\nbG8=", " SGVsbG8= ", "SGVsbG8"])
    func decodes(text: String) throws {
        #expect(try FHIRBase64Binary(rawValue: text).data == Data("Hello".utf8))
    }

    @Test("bad base64 gives a typed decoding error", arguments: ["@@@@", "SGVsbG8=!", "S"])
    func badBase64(text: String) {
        #expect {
            _ = try FHIRBase64Binary(rawValue: text).data
        } throws: { error in
            guard let error = error as? FHIRDecodingError else { return false }
            return error.code == .decoding && error.message.contains("base64")
        }
    }

    @Test("keeps the text as read and encodes bytes as padded base64")
    func keepsText() throws {
        let attachment = try FHIRJSON.decode(
            FHIRAttachment.self,
            from: Data(#"{"contentType":"text/plain","data":"SGVs\nbG8"}"#.utf8)
        )
        #expect(attachment.data?.rawValue == "SGVs\nbG8")
        #expect(try attachment.data?.data == Data("Hello".utf8))
        #expect(FHIRBase64Binary(data: Data("Hello!".utf8)).rawValue == "SGVsbG8h")
        #expect(try FHIRTestJSON.encode(attachment) == ["contentType": "text/plain", "data": "SGVs\nbG8"])
    }
}
