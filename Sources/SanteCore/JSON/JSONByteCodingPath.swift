/// One step of a coding path as ``JSONByteDecoding`` records it, linked to the step before, so that a coding
/// path costs nothing until someone reads it.
struct JSONByteCodingPathNode {
    /// The key of this step.
    enum Step {
        /// A member of an object.
        case key(any CodingKey)
        /// An element of an array.
        case index(Int)
        /// An entry of a `[String: Value]` dictionary read directly.
        case dictionaryKey(String)

        /// The step as the key `JSONDecoder` puts in coding paths.
        var codingKey: any CodingKey {
            switch self {
            case .key(let key): key
            case .index(let position): JSONByteCodingKey(intValue: position)
            case .dictionaryKey(let name): JSONByteCodingKey(dictionaryKey: name)
            }
        }
    }

    /// The index of the step before in ``JSONByteDecodingState/pathNodes``, or -1 after the root.
    let parent: Int
    /// This step.
    let step: Step
}

/// The key `JSONDecoder` puts in coding paths: `Index 2` for an array element, `super` for `superDecoder()`.
struct JSONByteCodingKey: CodingKey {
    /// The key's text.
    let stringValue: String
    /// The element index, for an array element.
    let intValue: Int?

    /// A key with this text.
    /// - Parameter stringValue: The text.
    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    /// The key of a dictionary entry, as `Dictionary.init(from:)` makes it: its integer value is the name read
    /// as an integer, if it is one.
    /// - Parameter dictionaryKey: The member name.
    init(dictionaryKey: String) {
        self.stringValue = dictionaryKey
        self.intValue = Int(dictionaryKey)
    }

    /// The key of an array element, as `JSONDecoder` names it.
    /// - Parameter intValue: The element index.
    init(intValue: Int) {
        self.stringValue = "Index \(intValue)"
        self.intValue = intValue
    }

    /// The key `superDecoder()` reads, as in `JSONDecoder`.
    static let superKey = JSONByteCodingKey(stringValue: "super")
}
