/// A FHIR type that keeps every JSON member it does not model, so decoding then encoding loses nothing.
///
/// Unknown members, `_field` primitive-extension siblings and members of later FHIR versions all
/// land in ``additionalMembers`` and are written back unchanged.
public protocol FHIRModel: Codable, Hashable, Sendable {
    /// Every member this type does not model, by JSON name, written back on encode.
    ///
    /// A modelled member always wins over an additional member of the same name.
    var additionalMembers: [String: JSONValue] { get set }
}

/// A FHIR type that carries extensions: every element and every domain resource.
public protocol FHIRExtensible: FHIRModel {
    /// The extensions, in order.
    var `extension`: [FHIRExtension] { get set }
}

/// A FHIR element: it may carry an `id` and extensions, and keeps what it does not model.
public protocol FHIRElement: FHIRExtensible {
    /// The element's `id`, unique within the resource.
    var id: String? { get set }
}

/// A FHIR backbone element: an element that may also carry modifier extensions.
public protocol FHIRBackboneElement: FHIRElement {
    /// Extensions that change the meaning of the element; a reader that does not understand one must not ignore it.
    var modifierExtension: [FHIRExtension] { get set }
}

extension FHIRModel {
    /// The extensions attached to the primitive member `field`, read from its `_field` sibling.
    ///
    /// For `"status": "current", "_status": {"extension": [...]}`, `primitiveExtension(for: "status")`
    /// returns the `_status` element.
    /// - Parameter field: The member name without the leading underscore.
    /// - Returns: The sibling element, or `nil` when there is none.
    /// - Throws: ``FHIRDecodingError`` when the sibling is not a FHIR element.
    public func primitiveExtension(for field: String) throws(FHIRDecodingError) -> FHIRPrimitiveExtension? {
        guard let sibling = additionalMembers["_" + field], sibling != .null else { return nil }
        do {
            return try JSONValueConversion.decode(FHIRPrimitiveExtension.self, from: sibling)
        } catch {
            throw error.nested(under: "_" + field)
        }
    }

    /// The extensions attached to each value of the repeating primitive member `field`.
    ///
    /// For `"given": ["A", "B"], "_given": [null, {...}]` this returns `[nil, element]`.
    /// - Parameter field: The member name without the leading underscore.
    /// - Returns: One entry per value, `nil` where a value has no extensions; empty when there is no sibling.
    /// - Throws: ``FHIRDecodingError`` when the sibling is not an array of FHIR elements and nulls.
    public func primitiveExtensions(forRepeating field: String) throws(FHIRDecodingError) -> [FHIRPrimitiveExtension?] {
        guard let sibling = additionalMembers["_" + field], sibling != .null else { return [] }
        do {
            return try JSONValueConversion.decode([FHIRPrimitiveExtension?].self, from: sibling)
        } catch {
            throw error.nested(under: "_" + field)
        }
    }

    /// Sets or removes the `_field` sibling of the primitive member `field`.
    ///
    /// - Parameters:
    ///   - element: The sibling element, or `nil` to remove it.
    ///   - field: The member name without the leading underscore.
    /// - Throws: ``FHIREncodingError`` when the element cannot be written.
    public mutating func setPrimitiveExtension(
        _ element: FHIRPrimitiveExtension?,
        for field: String
    ) throws(FHIREncodingError) {
        additionalMembers["_" + field] = try element.map { element throws(FHIREncodingError) in
            try JSONValueConversion.encode(element)
        }
    }
}

extension FHIRExtensible {
    /// The extensions whose `url` is `url`, in order.
    ///
    /// - Parameter url: The extension's canonical URL.
    /// - Returns: The matching extensions.
    public func extensions(url: String) -> [FHIRExtension] {
        `extension`.filter { $0.url == url }
    }

    /// The first extension whose `url` is `url`.
    ///
    /// - Parameter url: The extension's canonical URL.
    /// - Returns: The extension, or `nil`.
    public func firstExtension(url: String) -> FHIRExtension? {
        `extension`.first { $0.url == url }
    }
}
