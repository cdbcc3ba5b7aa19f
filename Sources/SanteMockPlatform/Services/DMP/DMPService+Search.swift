import Foundation
import Hummingbird
import SanteCore

extension DMPService {
    /// Runs an ITI-67 search and answers a page of it.
    static func searchDocuments(
        _ arguments: [QueryString.Argument], _ principal: MockPrincipal, _ state: DMPServiceState
    ) async throws(DMPFailure) -> Response {
        let search = try DMPSearch.documentReferences(arguments)
        let matches = await state.visibleDocuments(for: principal)
            .filter { search.matches($0.resource, patient: $0.patient) }
            .sorted { lhs, rhs in
                let left = DMPDateSearch.instant(lhs.resource["date"]?.stringValue) ?? .distantPast
                let right = DMPDateSearch.instant(rhs.resource["date"]?.stringValue) ?? .distantPast
                return left != right ? left > right : lhs.id < rhs.id
            }
        return page(
            matches.map { ($0.id, $0.json) }, type: "DocumentReference", search: search, arguments: arguments,
            state: state)
    }

    /// Runs an ITI-66 search and answers a page of it.
    static func searchLists(
        _ arguments: [QueryString.Argument], _ principal: MockPrincipal, _ state: DMPServiceState
    ) async throws(DMPFailure) -> Response {
        let search = try DMPSearch.lists(arguments)
        let matches = await state.visibleLists(for: principal)
            .filter { search.matches($0.resource, patient: $0.patient) }
            .sorted { lhs, rhs in
                let left = DMPDateSearch.instant(lhs.resource["date"]?.stringValue) ?? .distantPast
                let right = DMPDateSearch.instant(rhs.resource["date"]?.stringValue) ?? .distantPast
                return left != right ? left > right : lhs.id < rhs.id
            }
        return page(
            matches.map { ($0.id, .object($0.resource)) }, type: "List", search: search, arguments: arguments,
            state: state)
    }

    /// A `searchset` Bundle: `total`, absolute `self` and `next` links, one page of entries, and an `outcome`
    /// entry for ignored parameters.
    private static func page(
        _ matches: [(id: String, resource: JSONValue)], type: String, search: DMPSearch,
        arguments: [QueryString.Argument], state: DMPServiceState
    ) -> Response {
        let base = state.serviceBase
        let kept = arguments.filter { !["_count", "_offset"].contains($0.name) }.map(\.raw)
        func link(offset: Int) -> String {
            let query = (kept + ["_count=\(search.count)", "_offset=\(offset)"]).joined(separator: "&")
            return "\(base)/\(type)?\(query)"
        }
        let pageItems = matches.dropFirst(search.offset).prefix(search.count)
        var links: [JSONValue] = [["relation": "self", "url": .string(link(offset: search.offset))]]
        if search.offset + search.count < matches.count, search.count > 0 {
            links.append(["relation": "next", "url": .string(link(offset: search.offset + search.count))])
        }
        if search.offset > 0 {
            links.append(["relation": "previous", "url": .string(link(offset: max(0, search.offset - search.count)))])
        }
        var entries: [JSONValue] = pageItems.map { item in
            [
                "fullUrl": .string("\(base)/\(type)/\(item.id)"),
                "resource": item.resource,
                "search": ["mode": "match"],
            ]
        }
        if !search.warnings.isEmpty {
            entries.append([
                "resource": DMPResponses.outcomeJSON(search.warnings),
                "search": ["mode": "outcome"],
            ])
        }
        let bundle: JSONValue = [
            "resourceType": "Bundle",
            "id": .string(state.newID()),
            "meta": ["lastUpdated": .string(state.nowInstant)],
            "type": "searchset",
            "total": .integer(Int64(matches.count)),
            "link": .array(links),
            "entry": .array(entries),
        ]
        return DMPResponses.resource(bundle)
    }
}
