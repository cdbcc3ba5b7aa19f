/// A typed FHIR resource, such as ``FHIRBundle`` or ``FHIROperationOutcome``.
///
/// Conforming types check `resourceType` when decoding and write it when encoding. Any resource
/// can travel untyped as an ``AnyFHIRResource`` and be decoded into its type later.
public protocol FHIRResource: FHIRModel {
    /// The FHIR resource type name, such as `"DocumentReference"`.
    static var resourceType: String { get }
    /// The logical id of the resource on its server.
    var id: FHIRID? { get set }
    /// The resource's metadata.
    var meta: FHIRMeta? { get set }
}

/// A FHIR domain resource: a resource that may carry narrative, contained resources and extensions.
public protocol FHIRDomainResource: FHIRResource, FHIRExtensible {
    /// The human-readable narrative.
    var text: FHIRNarrative? { get set }
    /// Resources contained inline, referenced as `#id`.
    var contained: [AnyFHIRResource] { get set }
    /// Extensions that change the meaning of the resource.
    var modifierExtension: [FHIRExtension] { get set }
}

extension FHIRDomainResource {
    /// The contained resource whose `id` matches a `#id` reference (or a bare id).
    ///
    /// - Parameter reference: `"#id"` or `"id"`.
    /// - Returns: The contained resource, or `nil`.
    public func containedResource(_ reference: String) -> AnyFHIRResource? {
        let id = reference.hasPrefix("#") ? String(reference.dropFirst()) : reference
        return contained.first { $0.id == id }
    }
}
