import Foundation
import SanteCore

/// An identifier as a search token sees it: an optional system and a value.
struct DMPIdentifier: Sendable, Hashable, CustomStringConvertible {
    /// The system, such as `urn:oid:1.2.250.1.213.1.4.10`.
    var system: String?
    /// The value.
    var value: String

    /// The `system|value` form.
    var description: String { "\(system ?? "")|\(value)" }

    /// The identifier of a FHIR `Identifier` JSON object, when it has a value.
    init?(_ json: JSONValue?) {
        guard let value = json?["value"]?.dmpNonEmptyString else { return nil }
        self.system = json?["system"]?.stringValue
        self.value = value
    }

    /// An identifier from its parts.
    init(system: String?, value: String) {
        self.system = system
        self.value = value
    }

    /// The FHIR `Identifier` JSON.
    var json: JSONValue {
        var object: DMPJSON.Object = ["value": .string(value)]
        if let system { object["system"] = .string(system) }
        return .object(object)
    }
}

/// How a stored document stopped being visible to anyone.
enum DMPRemoval: Sendable, Hashable {
    /// Its status was patched to `entered-in-error`: reads answer `404`.
    case enteredInError
    /// It was deleted with `DELETE`: reads answer `410`.
    case deleted
}

/// A DocumentReference the mock DMP keeps.
struct DMPStoredDocument: Sendable {
    /// The server-assigned id.
    let id: String
    /// The stored resource, `id` and `meta` included.
    var resource: DMPJSON.Object
    /// The current version, from 1.
    var versionID: Int
    /// The patient's INS.
    let patient: DMPIdentifier
    /// The `masterIdentifier` (XDS uniqueId).
    let masterIdentifier: DMPIdentifier?
    /// The identifiers of the author professionals (IDNPS, RPPS, ADELI values).
    let authorIDs: Set<String>
    /// The id of the stored Binary holding the content.
    let binaryID: String?
    /// Set once the document is entered in error or deleted.
    var removal: DMPRemoval?

    /// The `status` element.
    var status: String { resource["status"]?.stringValue ?? "" }

    /// The codes of every `securityLabel` coding.
    var securityCodes: Set<String> {
        Set(DMPJSON.codings(resource["securityLabel"]).compactMap(\.code))
    }

    /// Whether a professional with this `SubjectNameID` is one of the authors (`8`+RPPS, `0`+ADELI or the same id).
    func isAuthored(by subjectNameID: String) -> Bool {
        DMPAccess.isAuthor(subjectNameID, among: authorIDs)
    }

    /// The resource as JSON.
    var json: JSONValue { .object(resource) }
}

/// A List (submission set or folder) the mock DMP keeps.
struct DMPStoredList: Sendable {
    /// The server-assigned id.
    let id: String
    /// The stored resource.
    var resource: DMPJSON.Object
    /// The patient's INS, when known.
    let patient: DMPIdentifier?
}

/// A Binary the mock DMP keeps: the raw bytes and their type.
struct DMPStoredBinary: Sendable {
    /// The server-assigned id.
    let id: String
    /// The `contentType`.
    let contentType: String
    /// The bytes.
    let data: Data
    /// The document whose content this is, if any.
    var documentID: String?
    /// The version (always 1: binaries are never changed).
    let lastUpdated: String
}
