import HTTPTypes
import Hummingbird
import NIOCore

/// The responses of the mock data.gouv.fr API: JSON with udata's headers, `X-Fields` masks, and udata's error
/// bodies (`{"message": …}`, plus `errors` for input validation).
enum UdataResponses {
    /// The mock's API key header, `X-API-KEY`.
    static let apiKeyHeader = HTTPField.Name.named("X-API-KEY")
    /// flask-restx's mask header, `X-Fields`.
    static let fieldsHeader = HTTPField.Name.named("X-Fields")

    /// A JSON response with the request's `X-Fields` mask applied (a bad mask answers `400`).
    static func json(_ value: OrderedJSON, request: Request, status: HTTPResponse.Status = .ok) -> Response {
        var body = value
        if let maskText = request.headers[fieldsHeader], !maskText.trimmingSpaces().isEmpty {
            do throws(FieldMask.ParseError) {
                body = try FieldMask(parsing: maskText).apply(to: value)
            } catch {
                return message(.badRequest, error.message)
            }
        }
        return raw(body, status: status)
    }

    /// A JSON response, unmasked.
    static func raw(_ value: OrderedJSON, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.vary] = "Origin, Cookie"
        return Response(
            status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: value.serialized())))
    }

    /// `{"message": …}` with a status.
    static func message(_ status: HTTPResponse.Status, _ text: String) -> Response {
        raw(.object([OrderedJSON.Member("message", .string(text))]), status: status)
    }

    /// udata's `404` for a path of its API (written relative to the udata root, without `/data`).
    static func notFound(_ udataPath: String) -> Response {
        message(
            .notFound,
            "The requested URL was not found on the server. If you entered the URL manually please check your "
                + "spelling and try again. You have requested this URI [\(udataPath)] but did you mean "
                + "/api/1/datasets/<dataset:dataset>/ or /api/1/datasets/r/<uuid:id> ?")
    }

    /// flask-restx's `400` for an invalid query argument: `{"errors": {name: …}, "message": "Input payload
    /// validation failed"}`.
    static func invalidArgument(_ name: String, _ detail: String) -> Response {
        raw(
            .object([
                OrderedJSON.Member("errors", .object([OrderedJSON.Member(name, .string(detail))])),
                OrderedJSON.Member("message", .string("Input payload validation failed")),
            ]), status: .badRequest)
    }

    /// `401` with `WWW-Authenticate: Bearer realm="uData"`.
    static func unauthorized(_ text: String) -> Response {
        var response = message(.unauthorized, text)
        response.headers[.wwwAuthenticate] = #"Bearer realm="uData""#
        return response
    }
}

extension HTTPField.Name {
    /// The field name `name`, a valid token written in the source (the initializer fails only for invalid
    /// tokens; the fallback is never used).
    static func named(_ name: String) -> HTTPField.Name {
        HTTPField.Name(name) ?? .via
    }
}
