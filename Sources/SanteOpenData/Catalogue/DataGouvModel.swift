public import SanteCore

/// A data.gouv.fr (udata) object that keeps every JSON member it does not model, so decoding then
/// encoding loses nothing, and a field mask (`X-Fields`) that trims members decodes too.
public protocol DataGouvModel: Codable, Hashable, Sendable {
    /// Every member this type does not model, by JSON name, written back on encode.
    var additionalMembers: [String: JSONValue] { get set }
}
