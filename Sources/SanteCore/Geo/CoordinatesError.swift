/// Coordinates refused because a value is outside its range or not a finite number.
public struct CoordinatesError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public enum Reason: Hashable, Sendable {
        /// The latitude is not within −90…90 degrees.
        case latitudeOutOfRange
        /// The longitude is not within −180…180 degrees.
        case longitudeOutOfRange
    }

    /// What is wrong.
    public let reason: Reason
    /// The refused value, in degrees (may be NaN or infinite).
    public let value: Double

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - reason: What is wrong.
    ///   - value: The refused value.
    public init(reason: Reason, value: Double) {
        self.reason = reason
        self.value = value
    }

    /// Such as `latitude 91.0 is outside -90...90`.
    public var description: String {
        switch reason {
        case .latitudeOutOfRange: "latitude \(value) is outside -90...90"
        case .longitudeOutOfRange: "longitude \(value) is outside -180...180"
        }
    }
}
