import Foundation
import HTTPTypes
import SanteCore

/// FHIRPath Patch (a `Parameters` resource of `operation` parameters), the subset the mock DMP applies to a
/// DocumentReference: `replace`, `add` and `delete` on `DocumentReference.<element>` and
/// `DocumentReference.<element>[n]`, and `replace` of `DocumentReference.extension.where(url='…').value`.
enum DMPFHIRPathPatch {
    /// One `operation` parameter.
    struct Operation: Sendable {
        /// `replace`, `add`, `delete`, `insert` or `move`.
        var type: String
        /// The FHIRPath.
        var path: String
        /// The element name of an `add`.
        var name: String?
        /// The `value[x]`.
        var value: JSONValue?
    }

    /// The operations of FHIRPath Patch Parameters.
    /// - Throws: ``DMPFailure`` `422` when the resource is not such Parameters.
    static func operations(_ parameters: DMPJSON.Object) throws(DMPFailure) -> [Operation] {
        guard parameters["resourceType"]?.stringValue == "Parameters" else {
            throw DMPFailure(
                .unprocessableContent, "invalid", "A FHIRPath Patch must be a Parameters resource",
                expression: "Parameters")
        }
        var operations: [Operation] = []
        for parameter in parameters["parameter"]?.arrayValue ?? [] where parameter["name"]?.stringValue == "operation" {
            var parts: [String: JSONValue] = [:]
            var value: JSONValue?
            for part in parameter["part"]?.arrayValue ?? [] {
                guard let name = part["name"]?.stringValue else { continue }
                let valueMember = part.objectValue?.first { $0.key.hasPrefix("value") }?.value
                if name == "value" {
                    value = valueMember
                } else if let valueMember {
                    parts[name] = valueMember
                }
            }
            guard let type = parts["type"]?.stringValue, let path = parts["path"]?.stringValue else {
                throw DMPFailure(
                    .unprocessableContent, "invalid", "Each FHIRPath Patch operation needs a type and a path",
                    expression: "Parameters.parameter.part")
            }
            operations.append(Operation(type: type, path: path, name: parts["name"]?.stringValue, value: value))
        }
        guard !operations.isEmpty else {
            throw DMPFailure(
                .unprocessableContent, "invalid", "The FHIRPath Patch has no operation parameter",
                expression: "Parameters.parameter")
        }
        return operations
    }

    /// Applies operations to a DocumentReference.
    /// - Throws: ``DMPFailure`` `422` for a path outside the supported subset.
    static func apply(_ operations: [Operation], to resource: DMPJSON.Object) throws(DMPFailure) -> DMPJSON.Object {
        var resource = resource
        for operation in operations {
            try apply(operation, to: &resource)
        }
        return resource
    }

    private static func apply(_ operation: Operation, to resource: inout DMPJSON.Object) throws(DMPFailure) {
        let prefix = "DocumentReference"
        guard operation.path == prefix || operation.path.hasPrefix(prefix + ".") else {
            throw unsupported(operation, "the path must start with DocumentReference")
        }
        let rest = operation.path == prefix ? "" : String(operation.path.dropFirst(prefix.count + 1))
        if rest.hasPrefix("extension.where(url=") {
            try applyExtension(operation, rest: rest, to: &resource)
            return
        }
        switch operation.type {
        case "add":
            guard let name = operation.name, let value = operation.value else {
                throw unsupported(operation, "an add needs a name and a value")
            }
            guard rest.isEmpty else { throw unsupported(operation, "add is supported on DocumentReference only") }
            if case .array(var array) = resource[name] ?? .null {
                array.append(value)
                resource[name] = .array(array)
            } else if resource[name] == nil, ["securityLabel", "extension", "category", "identifier"].contains(name) {
                resource[name] = .array([value])
            } else {
                resource[name] = value
            }
        case "replace", "delete":
            let (name, index) = try element(rest, operation)
            if operation.type == "delete" {
                if let index, case .array(var array) = resource[name] ?? .null, array.indices.contains(index) {
                    array.remove(at: index)
                    resource[name] = array.isEmpty ? nil : .array(array)
                } else {
                    resource[name] = nil
                }
                return
            }
            guard let value = operation.value else { throw unsupported(operation, "a replace needs a value") }
            if let index {
                guard case .array(var array) = resource[name] ?? .null, array.indices.contains(index) else {
                    throw unsupported(operation, "\(name)[\(index)] does not exist")
                }
                array[index] = value
                resource[name] = .array(array)
            } else if case .array = resource[name] ?? .null, value.arrayValue == nil {
                resource[name] = .array([value])
            } else {
                guard resource[name] != nil else { throw unsupported(operation, "\(name) does not exist") }
                resource[name] = value
            }
        default:
            throw unsupported(operation, "the operation type \(operation.type) is not supported")
        }
    }

    /// `replace` of `extension.where(url='X').value` (or `.valueBoolean`): sets the extension, adding it when absent.
    private static func applyExtension(_ operation: Operation, rest: String, to resource: inout DMPJSON.Object)
        throws(DMPFailure)
    {
        let afterOpen = rest.dropFirst("extension.where(url=".count)
        guard let close = afterOpen.firstIndex(of: ")") else { throw unsupported(operation, "unbalanced where(") }
        let url = afterOpen[..<close].trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
        let tail = afterOpen[afterOpen.index(after: close)...]
        var extensions = resource["extension"]?.arrayValue ?? []
        let index = extensions.firstIndex { $0["url"]?.stringValue == url }
        switch (operation.type, tail.isEmpty) {
        case ("delete", true):
            if let index { extensions.remove(at: index) }
        case ("replace", false) where tail == ".value" || tail.hasPrefix(".value"):
            guard let value = operation.value else { throw unsupported(operation, "a replace needs a value") }
            let key =
                value.boolValue != nil ? "valueBoolean" : (tail == ".value" ? "valueString" : String(tail.dropFirst()))
            let updated: JSONValue = .object(["url": .string(url), key: value])
            if let index { extensions[index] = updated } else { extensions.append(updated) }
        case ("replace", true):
            guard let value = operation.value?.objectValue else {
                throw unsupported(operation, "replacing an extension needs a valueExtension")
            }
            if let index { extensions[index] = .object(value) } else { extensions.append(.object(value)) }
        default:
            throw unsupported(operation, "unsupported extension path")
        }
        resource["extension"] = extensions.isEmpty ? nil : .array(extensions)
    }

    /// `name` or `name[n]`.
    private static func element(_ path: String, _ operation: Operation) throws(DMPFailure) -> (String, Int?) {
        guard !path.isEmpty, !path.contains(".") else {
            throw unsupported(operation, "only top-level elements of DocumentReference can be patched")
        }
        if let open = path.firstIndex(of: "["), path.hasSuffix("]") {
            let name = String(path[..<open])
            guard let index = Int(path[path.index(after: open)..<path.index(before: path.endIndex)]) else {
                throw unsupported(operation, "invalid index")
            }
            return (name, index)
        }
        return (path, nil)
    }

    private static func unsupported(_ operation: Operation, _ reason: String) -> DMPFailure {
        DMPFailure(
            .unprocessableContent, "invalid",
            "Cannot apply the FHIRPath Patch \(operation.type) of \(operation.path): \(reason)",
            expression: operation.path)
    }
}
