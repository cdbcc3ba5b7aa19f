import Foundation

/// The opaque `id` of a `_page?id=…` link: the search (type and arguments), the page size and the last `_id`
/// of the previous page, so that paging is keyset on `_id` (as the real API pages) and needs no server state.
struct AnnuairePageCursor: Codable, Sendable, Equatable {
    /// The resource type.
    let type: String
    /// The search's raw arguments, except `_count`.
    let query: String
    /// The page size.
    let count: Int
    /// The last `_id` already returned.
    let after: String

    /// The base64url text of the cursor.
    func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = (try? encoder.encode(self)) ?? Data()
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Decodes a cursor, or `nil` when the text is not one of ours.
    init?(encoded text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64),
            let cursor = try? JSONDecoder().decode(AnnuairePageCursor.self, from: data),
            AnnuaireDirectory.types.contains(cursor.type), cursor.count > 0
        else {
            return nil
        }
        self = cursor
    }

    init(type: String, query: String, count: Int, after: String) {
        self.type = type
        self.query = query
        self.count = count
        self.after = after
    }
}
