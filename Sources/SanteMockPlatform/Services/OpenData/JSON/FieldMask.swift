/// A flask-restx field mask, as sent in udata's `X-Fields` header: `data{id,title,last_update},next_page,total`.
///
/// Applying it keeps the listed fields (a field missing from the object comes out as `null`, as flask-restx does),
/// applies nested masks to objects and to each element of arrays, and keeps every field at a level holding `*`.
struct FieldMask: Sendable, Equatable {
    /// One masked field.
    struct Field: Sendable, Equatable {
        let name: String
        let nested: FieldMask?
    }

    /// The fields, in the order written.
    let fields: [Field]

    /// A mask parse error, reported as `400`.
    struct ParseError: Error, Equatable {
        let message: String
    }

    /// Parses a mask; the outer braces are optional (`{a,b}` and `a,b` are the same mask).
    init(parsing text: String) throws(ParseError) {
        var characters = Array(text.filter { !$0.isWhitespace })
        if characters.first == "{" && characters.last == "}" {
            characters = Array(characters.dropFirst().dropLast())
        }
        var position = 0
        self = try Self.parseFields(characters, &position, nested: false)
        if position != characters.count {
            throw ParseError(message: "Mask parse error: unexpected '\(characters[position])'")
        }
    }

    private init(fields: [Field]) {
        self.fields = fields
    }

    private static func parseFields(_ text: [Character], _ position: inout Int, nested: Bool) throws(ParseError)
        -> FieldMask
    {
        var fields: [Field] = []
        var name = ""
        func flush(_ nested: FieldMask?) throws(ParseError) {
            guard !name.isEmpty else {
                if nested != nil { throw ParseError(message: "Mask parse error: a nested mask needs a field name") }
                return
            }
            fields.append(Field(name: name, nested: nested))
            name = ""
        }
        while position < text.count {
            let character = text[position]
            switch character {
            case ",":
                try flush(nil)
                position += 1
            case "{":
                position += 1
                let inner = try parseFields(text, &position, nested: true)
                guard position < text.count, text[position] == "}" else {
                    throw ParseError(message: "Mask parse error: missing closing bracket")
                }
                position += 1
                try flush(inner)
            case "}":
                guard nested else { throw ParseError(message: "Mask parse error: unexpected closing bracket") }
                try flush(nil)
                return FieldMask(fields: fields)
            default:
                name.append(character)
                position += 1
            }
        }
        try flush(nil)
        return FieldMask(fields: fields)
    }

    /// The value with the mask applied.
    func apply(to value: OrderedJSON) -> OrderedJSON {
        switch value {
        case .array(let elements):
            return .array(elements.map(apply))
        case .object(let members):
            var output: [OrderedJSON.Member] = []
            for field in fields where field.name != "*" {
                let member = members.first { $0.key == field.name }?.value ?? .null
                if let nested = field.nested, member != .null {
                    output.append(OrderedJSON.Member(field.name, nested.apply(to: member)))
                } else {
                    output.append(OrderedJSON.Member(field.name, member))
                }
            }
            if fields.contains(where: { $0.name == "*" }) {
                for member in members where !output.contains(where: { $0.key == member.key }) {
                    output.append(member)
                }
            }
            return .object(output)
        default:
            return value
        }
    }
}
