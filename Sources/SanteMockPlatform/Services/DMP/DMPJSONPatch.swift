import Foundation
import HTTPTypes
import SanteCore

/// JSON Patch (RFC 6902) with RFC 6901 pointers: `add`, `remove`, `replace`, `test`, `move` and `copy`.
enum DMPJSONPatch {
    /// Applies a JSON Patch document (an array of operations) to a resource.
    /// - Throws: ``DMPFailure`` `422` for a malformed operation, a missing path or a failed `test`.
    static func apply(_ patch: JSONValue, to resource: DMPJSON.Object) throws(DMPFailure) -> DMPJSON.Object {
        guard let operations = patch.arrayValue else {
            throw failure("A JSON Patch must be an array of operations", pointer: nil)
        }
        var document = JSONValue.object(resource)
        for operation in operations {
            guard let op = operation["op"]?.stringValue, let path = operation["path"]?.stringValue else {
                throw failure("Each JSON Patch operation needs \"op\" and \"path\"", pointer: nil)
            }
            let tokens = try pointer(path)
            switch op {
            case "add", "replace":
                guard let value = operation["value"] else { throw failure("\(op) needs a value", pointer: path) }
                if op == "replace", get(document, tokens[...]) == nil {
                    throw failure("replace of a path that does not exist", pointer: path)
                }
                try set(&document, tokens[...], value: value, inserting: op == "add", path: path)
            case "remove":
                guard get(document, tokens[...]) != nil else {
                    throw failure("remove of a path that does not exist", pointer: path)
                }
                try set(&document, tokens[...], value: nil, inserting: false, path: path)
            case "test":
                guard get(document, tokens[...]) == operation["value"] else {
                    throw failure("test failed", pointer: path)
                }
            case "move", "copy":
                guard let from = operation["from"]?.stringValue else {
                    throw failure("\(op) needs from", pointer: path)
                }
                let fromTokens = try pointer(from)
                guard let value = get(document, fromTokens[...]) else {
                    throw failure("\(op) from a path that does not exist", pointer: from)
                }
                if op == "move" {
                    try set(&document, fromTokens[...], value: nil, inserting: false, path: from)
                }
                try set(&document, tokens[...], value: value, inserting: true, path: path)
            default:
                throw failure("unknown op \"\(op)\"", pointer: path)
            }
        }
        guard let object = document.objectValue else {
            throw failure("the patch must leave a JSON object", pointer: "")
        }
        return object
    }

    /// The reference tokens of an RFC 6901 pointer (`~1` is `/`, `~0` is `~`).
    static func pointer(_ path: String) throws(DMPFailure) -> [String] {
        guard !path.isEmpty else { return [] }
        guard path.hasPrefix("/") else {
            throw failure("not an RFC 6901 JSON Pointer (it must start with /)", pointer: path)
        }
        return path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    static func get(_ value: JSONValue, _ tokens: ArraySlice<String>) -> JSONValue? {
        guard let token = tokens.first else { return value }
        switch value {
        case .object(let object):
            return object[token].flatMap { get($0, tokens.dropFirst()) }
        case .array(let array):
            guard let index = Int(token), array.indices.contains(index) else { return nil }
            return get(array[index], tokens.dropFirst())
        default:
            return nil
        }
    }

    /// Sets (or removes, when `value` is `nil`) the value at `tokens`; `inserting` inserts into arrays (`add`).
    private static func set(
        _ target: inout JSONValue, _ tokens: ArraySlice<String>, value: JSONValue?, inserting: Bool, path: String
    ) throws(DMPFailure) {
        guard let token = tokens.first else {
            guard let value else { throw failure("cannot remove the whole document", pointer: path) }
            target = value
            return
        }
        let rest = tokens.dropFirst()
        switch target {
        case .object(var object):
            if rest.isEmpty {
                object[token] = value
            } else {
                guard var child = object[token] else { throw failure("path does not exist", pointer: path) }
                try set(&child, rest, value: value, inserting: inserting, path: path)
                object[token] = child
            }
            target = .object(object)
        case .array(var array):
            let index = token == "-" ? array.count : Int(token)
            guard let index, index >= 0 else { throw failure("invalid array index \(token)", pointer: path) }
            if rest.isEmpty {
                if let value {
                    if inserting {
                        guard index <= array.count else { throw failure("index out of bounds", pointer: path) }
                        array.insert(value, at: index)
                    } else {
                        guard array.indices.contains(index) else { throw failure("index out of bounds", pointer: path) }
                        array[index] = value
                    }
                } else {
                    guard array.indices.contains(index) else { throw failure("index out of bounds", pointer: path) }
                    array.remove(at: index)
                }
            } else {
                guard array.indices.contains(index) else { throw failure("index out of bounds", pointer: path) }
                var child = array[index]
                try set(&child, rest, value: value, inserting: inserting, path: path)
                array[index] = child
            }
            target = .array(array)
        default:
            throw failure("path goes through a value that is neither an object nor an array", pointer: path)
        }
    }

    private static func failure(_ reason: String, pointer: String?) -> DMPFailure {
        DMPFailure(
            .unprocessableContent, "invalid", "Invalid JSON Patch\(pointer.map { " at \"\($0)\"" } ?? ""): \(reason)",
            expression: pointer)
    }
}
