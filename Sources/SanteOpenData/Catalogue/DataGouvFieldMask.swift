/// A flask-restx field mask, sent as `X-Fields` to trim the catalogue's answers:
/// `data{id,title,last_update},next_page,total`.
///
/// When paginating, keep `next_page` in the mask, or the listing stops after the first page:
/// ``page(of:)`` always includes it.
public struct DataGouvFieldMask: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The mask as sent.
    public let rawValue: String

    /// Creates a mask from its text.
    /// - Parameter rawValue: Such as `id,title,resources{id,url}`.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates a mask from a literal.
    /// - Parameter value: The mask's text.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// A mask for one object keeping `fields` (and `id`, which every model needs).
    /// - Parameter fields: Member names, possibly with nested masks (`resources{id,url}`).
    /// - Returns: The mask.
    public static func object(_ fields: [String]) -> DataGouvFieldMask {
        DataGouvFieldMask(withID(fields).joined(separator: ","))
    }

    /// A mask for a page of objects keeping `fields` of each (and `id`), plus the paging members
    /// `next_page`, `page`, `page_size` and `total`.
    /// - Parameter fields: Member names of each item.
    /// - Returns: The mask.
    public static func page(of fields: [String]) -> DataGouvFieldMask {
        DataGouvFieldMask("data{" + withID(fields).joined(separator: ",") + "},next_page,page,page_size,total")
    }

    /// The mask text.
    public var description: String { rawValue }

    /// The mask with `next_page` added when it names page members but lacks it.
    var keepingNextPage: DataGouvFieldMask {
        let names = topLevelNames
        guard names.contains("data"), !names.contains("next_page"), !names.contains("*") else { return self }
        return DataGouvFieldMask(rawValue + ",next_page")
    }

    /// The member names at the top level of the mask (outside braces).
    private var topLevelNames: Set<String> {
        var names: Set<String> = []
        var depth = 0
        var current = ""
        for character in rawValue {
            switch character {
            case "{":
                if depth == 0 { names.insert(current.trimmingSpaces) }
                depth += 1
            case "}":
                depth -= 1
                current = ""
            case "," where depth == 0:
                if !current.isEmpty { names.insert(current.trimmingSpaces) }
                current = ""
            default:
                if depth == 0 { current.append(character) }
            }
        }
        if !current.isEmpty { names.insert(current.trimmingSpaces) }
        return names
    }

    private static func withID(_ fields: [String]) -> [String] {
        fields.contains("id") ? fields : ["id"] + fields
    }
}

extension String {
    /// The string without leading and trailing spaces.
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
