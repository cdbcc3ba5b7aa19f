import Foundation
import Hummingbird
import SanteCore

/// The Annuaire Santé FHIR API v2 under `/annuaire/fhir/v2`: Practitioner, PractitionerRole, Organization and
/// HealthcareService, read and searched, every request authenticated by `ESANTE-API-KEY`
/// (``MockAnnuaireSanteAPI/apiKey``).
///
/// | Route | What |
/// |---|---|
/// | `GET /{type}?…` | Search: a `searchset` Bundle sorted by `_id`, `_count` (default 50) per page |
/// | `POST /{type}/_search` | The same search, parameters in a form body |
/// | `GET /_page?id=…` | The next page (the Bundle's `next` link) |
/// | `GET /{type}/{id}` | Read |
/// | `GET /metadata` | The CapabilityStatement |
enum AnnuaireService {
    /// Registers the service's routes on `group`, whose paths are relative to the service prefix.
    /// - Parameters:
    ///   - group: The route group of the service prefix.
    ///   - state: The service's state.
    static func registerRoutes(on group: RouterGroup<MockRequestContext>, state: AnnuaireServiceState) {
        group.add(middleware: AnnuaireAPIKeyMiddleware())
        let address = state.environment.address
        group.get("metadata") { _, _ in
            AnnuaireResponses.resource(AnnuaireCapabilities.statement())
        }
        group.get("_page") { request, _ in
            guard let text = QueryString(request.uri.query).first("id"), let cursor = AnnuairePageCursor(encoded: text)
            else {
                return AnnuaireResponses.outcome(.badRequest, code: .invalid, "Invalid or unknown page id.")
            }
            let arguments =
                QueryString(cursor.query).arguments + [
                    QueryString.Argument(
                        name: "_count", value: String(cursor.count), hasValue: true, raw: "_count=\(cursor.count)")
                ]
            return await search(
                type: cursor.type, arguments: arguments, after: cursor.after, selfQuery: "_page?id=\(text)",
                request: request, state: state, address: address)
        }
        group.get(":type") { request, context in
            let type = context.parameters.get("type") ?? ""
            return await search(
                type: type, arguments: QueryString(request.uri.query).arguments, after: nil,
                selfQuery: type + (request.uri.query.map { "?\($0)" } ?? ""), request: request, state: state,
                address: address)
        }
        group.post(":type/_search") { request, context in
            let type = context.parameters.get("type") ?? ""
            let body = try await request.body.collect(upTo: context.maxUploadSize)
            let form = String(buffer: body)
            let arguments = QueryString(request.uri.query).arguments + QueryString(form).arguments
            return await search(
                type: type, arguments: arguments, after: nil, selfQuery: type + (form.isEmpty ? "" : "?\(form)"),
                request: request, state: state, address: address)
        }
        group.get(":type/:id") { _, context in
            let type = context.parameters.get("type") ?? ""
            let id = context.parameters.get("id") ?? ""
            guard AnnuaireDirectory.types.contains(type) else { return unknownType(type) }
            guard let resource = await state.directory().resource(type: type, id: id) else {
                return AnnuaireResponses.outcome(.notFound, code: .notFound, "Resource \(type)/\(id) is not known")
            }
            return AnnuaireResponses.resource(JSONValue.object(resource.json))
        }
    }

    private static func search(
        type: String, arguments: [QueryString.Argument], after: String?, selfQuery: String, request: Request,
        state: AnnuaireServiceState, address: MockServerAddress
    ) async -> Response {
        guard AnnuaireDirectory.types.contains(type) else { return unknownType(type) }
        let search: AnnuaireSearch
        do {
            search = try AnnuaireSearch(type: type, arguments: arguments)
        } catch {
            return AnnuaireResponses.outcome(.badRequest, code: .processing, error.message)
        }
        let directory = await state.directory()
        let all = search.matches(in: directory)
        let remaining = after.map { last in all.filter { $0.id > last } } ?? all
        let page = Array(remaining.prefix(search.count))
        let base = request.serverRoot(fallback: address.baseURL) + MockService.annuaire.pathPrefix
        var links = [FHIRBundle.Link(relation: "self", url: "\(base)/\(selfQuery)")]
        if search.count > 0, remaining.count > page.count, let last = page.last {
            let query = arguments.filter { $0.name != "_count" }.map(\.raw).joined(separator: "&")
            let cursor = AnnuairePageCursor(type: type, query: query, count: search.count, after: last.id)
            links.append(FHIRBundle.Link(relation: "next", url: "\(base)/_page?id=\(cursor.encoded())"))
        }
        var entries = page.compactMap { entry($0, base: base, mode: .match) }
        entries += search.included(for: page, in: directory).compactMap { entry($0, base: base, mode: .include) }
        let bundleID = ASCII.hex(withUnsafeBytes(of: SeededDraws.fnv1a(selfQuery).bigEndian) { Array($0) })
        let bundle = FHIRBundle(type: .searchset, entry: entries, link: links, total: all.count, id: bundleID)
        return AnnuaireResponses.resource(bundle)
    }

    private static func entry(
        _ resource: AnnuaireResource, base: String, mode: FHIRBundle.SearchEntryMode
    ) -> FHIRBundle.Entry? {
        guard let wrapped = try? AnyFHIRResource(members: resource.json) else { return nil }
        return FHIRBundle.Entry(
            fullUrl: "\(base)/\(resource.reference)", resource: wrapped, search: FHIRBundle.Entry.Search(mode: mode))
    }

    private static func unknownType(_ type: String) -> Response {
        AnnuaireResponses.outcome(
            .notFound, code: .notSupported,
            "Unknown resource type '\(type)': this server serves \(AnnuaireDirectory.types.joined(separator: ", ")).")
    }
}
