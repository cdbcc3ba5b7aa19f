import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SanteCore

/// The DMP FHIR API (PDSm 3.1.1 / IHE MHD), mounted under `/dmp/fhir`.
///
/// Every request needs `Authorization: Bearer <token>`: a Pro Santé Connect access token of the mock provider
/// (a professional) or a test patient token (`401` + OperationOutcome `login` otherwise).
///
/// | Route | What |
/// |---|---|
/// | `POST /` | ITI-65: a `transaction` Bundle, all or nothing → `transaction-response` |
/// | `POST /DocumentReference` | ITI-105: a DocumentReference with inline content → `201` + `Location` |
/// | `GET /DocumentReference?…`, `POST /DocumentReference/_search` | ITI-67 search → `searchset` |
/// | `PATCH /DocumentReference?identifier=…` | Conditional metadata update (JSON Patch or FHIRPath Patch) |
/// | `GET /DocumentReference/{id}` (and `/_history/{v}`) | Read |
/// | `DELETE /DocumentReference/{id}` | Delete (author only) |
/// | `GET /List?…`, `POST /List/_search`, `GET /List/{id}` | ITI-66 search, read |
/// | `GET /Binary/{id}` | ITI-68: the raw bytes, or a Binary with `Accept: application/fhir+json` |
enum DMPService {
    /// Registers the service's routes on `group`, whose paths are relative to the service prefix.
    /// - Parameters:
    ///   - group: The route group of the service prefix.
    ///   - state: The service's state.
    static func registerRoutes(on group: RouterGroup<MockRequestContext>, state: DMPServiceState) {
        group.post { request, context in
            await respond(request, state) { principal throws(DMPFailure) in
                let bundle = try await body(request, context)
                let submission = try DMPSubmission(transaction: bundle)
                let result = try await state.publish(
                    submission, by: principal, representation: wantsRepresentation(request))
                let response: JSONValue = [
                    "resourceType": "Bundle",
                    "id": .string(state.newID()),
                    "type": "transaction-response",
                    "entry": .array(result.responseEntries),
                ]
                return DMPResponses.resource(response)
            }
        }
        group.post("DocumentReference") { request, context in
            await respond(request, state) { principal throws(DMPFailure) in
                let resource = try await body(request, context)
                let submission = try DMPSubmission(simplified: resource)
                let result = try await state.publish(submission, by: principal, representation: true)
                guard let document = result.created.first else {
                    throw DMPFailure(.internalServerError, "exception", "The document was not stored")
                }
                var headers = HTTPFields()
                headers[.location] = "\(state.serviceBase)/DocumentReference/\(document.id)/_history/1"
                headers[.eTag] = DMPResponses.etag(document.versionID)
                return DMPResponses.resource(document.json, status: .created, headers: headers)
            }
        }
        group.get("DocumentReference") { request, _ in
            await respond(request, state) { principal throws(DMPFailure) in
                try await searchDocuments(QueryString(request.uri.query).arguments, principal, state)
            }
        }
        group.post("DocumentReference/_search") { request, context in
            await respond(request, state) { principal throws(DMPFailure) in
                let form = try await formBody(request, context)
                let arguments = QueryString(request.uri.query).arguments + QueryString(form).arguments
                return try await searchDocuments(arguments, principal, state)
            }
        }
        group.patch("DocumentReference") { request, context in
            await respond(request, state) { principal throws(DMPFailure) in
                guard let identifier = QueryString(request.uri.query).first("identifier"), !identifier.isEmpty else {
                    throw DMPFailure(
                        .badRequest, "required",
                        "A conditional PATCH needs the identifier search parameter (DocumentReference?identifier=system|value)",
                        expression: "identifier")
                }
                let patch = try await patchBody(request, context)
                let document = try await state.conditionalPatch(
                    identifier: identifier, patch: patch, ifMatch: request.headers[.ifMatch], by: principal)
                return documentResponse(document)
            }
        }
        group.get("DocumentReference/:id") { request, context in
            await respond(request, state) { principal throws(DMPFailure) in
                documentResponse(try await state.readDocument(context.parameters.get("id") ?? "", by: principal))
            }
        }
        group.get("DocumentReference/:id/_history/:version") { request, context in
            await respond(request, state) { principal throws(DMPFailure) in
                let id = context.parameters.get("id") ?? ""
                let document = try await state.readDocument(id, by: principal)
                guard context.parameters.get("version") == String(document.versionID) else {
                    throw .notFound("DocumentReference/\(id)/_history/\(context.parameters.get("version") ?? "")")
                }
                return documentResponse(document)
            }
        }
        group.delete("DocumentReference/:id") { request, context in
            await respond(request, state) { principal throws(DMPFailure) in
                try await state.delete(context.parameters.get("id") ?? "", by: principal)
                return Response(status: .noContent)
            }
        }
        group.get("List") { request, _ in
            await respond(request, state) { principal throws(DMPFailure) in
                try await searchLists(QueryString(request.uri.query).arguments, principal, state)
            }
        }
        group.post("List/_search") { request, context in
            await respond(request, state) { principal throws(DMPFailure) in
                let form = try await formBody(request, context)
                return try await searchLists(
                    QueryString(request.uri.query).arguments + QueryString(form).arguments, principal, state)
            }
        }
        group.get("List/:id") { request, context in
            await respond(request, state) { principal throws(DMPFailure) in
                let list = try await state.readList(context.parameters.get("id") ?? "", by: principal)
                return DMPResponses.resource(.object(list.resource))
            }
        }
        group.get("Binary/:id") { request, context in
            await respond(request, state) { principal throws(DMPFailure) in
                let binary = try await state.readBinary(context.parameters.get("id") ?? "", by: principal)
                return binaryResponse(binary, accept: request.headers[.accept])
            }
        }
    }

    // MARK: Plumbing

    /// Authenticates the request, runs `handler`, and turns a ``DMPFailure`` into its OperationOutcome.
    private static func respond(
        _ request: Request, _ state: DMPServiceState,
        _ handler: (MockPrincipal) async throws(DMPFailure) -> Response
    ) async -> Response {
        do throws(DMPFailure) {
            let principal: MockPrincipal
            do {
                principal = try state.tokenVerifier().verify(authorizationHeader: request.headers[.authorization])
            } catch {
                throw DMPFailure.unauthorized(
                    "A valid bearer token is required: \(error.message)",
                    tokenPresented: request.headers[.authorization] != nil)
            }
            return try await handler(principal)
        } catch {
            return DMPResponses.failure(error)
        }
    }

    /// The request body as one JSON object.
    private static func body(_ request: Request, _ context: MockRequestContext) async throws(DMPFailure)
        -> DMPJSON.Object
    {
        try DMPJSON.object(from: try await collect(request, context))
    }

    private static func collect(_ request: Request, _ context: MockRequestContext) async throws(DMPFailure)
        -> ByteBuffer
    {
        do {
            return try await request.body.collect(upTo: context.maxUploadSize)
        } catch {
            throw DMPFailure(
                .contentTooLarge, "too-costly", "The request body exceeds \(context.maxUploadSize) bytes")
        }
    }

    private static func formBody(_ request: Request, _ context: MockRequestContext) async throws(DMPFailure) -> String {
        String(buffer: try await collect(request, context))
    }

    /// A JSON Patch (`application/json-patch+json`, or any JSON array) or FHIRPath Patch Parameters.
    private static func patchBody(_ request: Request, _ context: MockRequestContext) async throws(DMPFailure)
        -> DMPPatchBody
    {
        let buffer = try await collect(request, context)
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(buffer.readableBytesView))
        } catch {
            throw DMPFailure(.badRequest, "structure", "The patch is not valid JSON: \(error)")
        }
        if case .array = value {
            return .jsonPatch(value)
        }
        let contentType = request.headers[.contentType] ?? ""
        if contentType.hasPrefix("application/json-patch+json") {
            throw DMPFailure(.badRequest, "structure", "A JSON Patch must be an array of operations")
        }
        guard let object = value.objectValue else {
            throw DMPFailure(.badRequest, "structure", "The patch must be a JSON Patch array or a Parameters resource")
        }
        return .fhirPathPatch(try DMPFHIRPathPatch.operations(object))
    }

    /// Whether the request asks for `Prefer: return=representation`.
    private static func wantsRepresentation(_ request: Request) -> Bool {
        guard let prefer = HTTPField.Name("Prefer") else { return false }
        return request.headers[values: prefer].contains {
            $0.replacingOccurrences(of: " ", with: "").contains("return=representation")
        }
    }

    private static func documentResponse(_ document: DMPStoredDocument) -> Response {
        var headers = HTTPFields()
        headers[.eTag] = DMPResponses.etag(document.versionID)
        if let lastUpdated = DMPDateSearch.instant(document.resource["meta"]?["lastUpdated"]?.stringValue) {
            headers[.lastModified] = HTTPDate.format(secondsSince1970: Int64(lastUpdated.timeIntervalSince1970))
        }
        return DMPResponses.resource(document.json, headers: headers)
    }

    /// The raw bytes with their content type, or a Binary resource when the client accepts only FHIR JSON.
    private static func binaryResponse(_ binary: DMPStoredBinary, accept: String?) -> Response {
        let accept = accept ?? ""
        if accept.contains("application/fhir+json") || accept.contains("application/json+fhir") {
            return DMPResponses.resource([
                "resourceType": "Binary",
                "id": .string(binary.id),
                "meta": ["versionId": "1", "lastUpdated": .string(binary.lastUpdated)],
                "contentType": .string(binary.contentType),
                "data": .string(binary.data.base64EncodedString()),
            ])
        }
        var headers = HTTPFields()
        headers[.contentType] = binary.contentType
        headers[.contentLength] = String(binary.data.count)
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: binary.data)))
    }
}
