import SanteCore

/// One RFC 6902 JSON Patch operation with an RFC 6901 pointer.
struct JSONPatchOperation: Encodable, Hashable, Sendable {
    let op: String
    let path: String
    let value: JSONValue?

    static func replace(_ path: String, _ value: JSONValue) -> JSONPatchOperation {
        JSONPatchOperation(op: "replace", path: path, value: value)
    }

    static func add(_ path: String, _ value: JSONValue) -> JSONPatchOperation {
        JSONPatchOperation(op: "add", path: path, value: value)
    }

    static func remove(_ path: String) -> JSONPatchOperation {
        JSONPatchOperation(op: "remove", path: path, value: nil)
    }

    /// The operations that turn `old`'s member into `new`'s for each top-level member, whole elements
    /// at a time (read-modify-write): `replace` when it exists in both, `add` when new, `remove` when gone.
    static func diff(_ old: JSONValue, _ new: JSONValue, members: [String]) -> [JSONPatchOperation] {
        var operations: [JSONPatchOperation] = []
        for member in members {
            let before = old[member]
            let after = new[member]
            guard before != after else { continue }
            switch (before, after) {
            case (.some, .some(let value)): operations.append(.replace("/\(member)", value))
            case (.none, .some(let value)): operations.append(.add("/\(member)", value))
            case (.some, .none): operations.append(.remove("/\(member)"))
            case (.none, .none): break
            }
        }
        return operations
    }
}
