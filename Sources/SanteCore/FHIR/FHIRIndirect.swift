/// A box that lets a FHIR struct hold a value of a type that, in turn, holds it (Identifier ↔ Reference).
indirect enum FHIRIndirect<Value: Hashable & Sendable>: Hashable, Sendable {
    case value(Value)

    /// The boxed value.
    var unboxed: Value {
        switch self {
        case .value(let value): value
        }
    }
}
