public import SanteCore

/// Another identifier of the professional, from the userinfo `otherIds` list (such as the RPPS number,
/// or an EDIT test identifier with origin `EDIT`).
public struct OtherIdentifier: Sendable, Hashable, Codable {
    /// The identifier (`identifiant`).
    public var identifier: String?
    /// Where it comes from (`origine`), such as `"RPPS"`, `"ADELI"` or `"EDIT"`.
    public var origin: String?
    /// Its quality (`qualite`), a number in PSC's nomenclature.
    public var quality: Int64?
    /// Members not modelled above.
    public var additionalMembers: [String: JSONValue]

    /// Creates an identifier.
    /// - Parameters:
    ///   - identifier: `identifiant`.
    ///   - origin: `origine`.
    ///   - quality: `qualite`.
    ///   - additionalMembers: Other members.
    public init(
        identifier: String?, origin: String?, quality: Int64? = nil, additionalMembers: [String: JSONValue] = [:]
    ) {
        self.identifier = identifier
        self.origin = origin
        self.quality = quality
        self.additionalMembers = additionalMembers
    }

    /// Decodes leniently: empty strings become `nil`, unknown members are kept.
    public init(from decoder: any Decoder) throws {
        var members = try JSONMembers(from: decoder)
        identifier = members.text("identifiant")
        origin = members.text("origine")
        quality = members.integer("qualite")
        additionalMembers = members.remaining
    }

    /// Encodes every member.
    public func encode(to encoder: any Encoder) throws {
        var members = JSONMembers(additionalMembers)
        members.put("identifiant", identifier)
        members.put("origine", origin)
        members.put("qualite", quality)
        try members.encode(to: encoder)
    }
}
