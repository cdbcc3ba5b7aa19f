import ArgumentParser
import Foundation
import SanteKit

/// The document to publish and its metadata (`sante dmp publish` and `replace`).
struct DMPPublicationOptions: ParsableArguments {
    @Argument(help: "The file to publish (its bytes are hashed and sent as they are).")
    var file: String

    @Option(
        name: .customLong("type"),
        help: "The document type: a LOINC code such as 11488-4 (consultation report), or SYSTEM|CODE.")
    var type: String?

    @Option(name: .customLong("title"), help: "The document's title.")
    var title: String?

    @Option(
        name: .customLong("content-type"),
        help: "The content's MIME type (default: from the file's extension, such as application/pdf).")
    var contentType: String?

    @Option(
        name: .customLong("format"),
        help: "The format code (TRE_A11/TRE_A06), such as urn:ihe:iti:xds-sd:pdf:2008 (default: from the MIME type).")
    var format: String?

    @Option(name: .customLong("class"), help: "The document class (TRE_A03), such as 10 (default: from the type).")
    var documentClass: String?

    @Option(
        name: .customLong("service-date"),
        help: "When the act took place: YYYY-MM-DD or a FHIR date-time (default: now).")
    var serviceDate: String?

    @Option(
        name: .customLong("unique-id"),
        help: "The document's unique id (masterIdentifier: VALUE or SYSTEM|VALUE; default: a new urn:uuid).")
    var uniqueId: String?

    @Option(name: .customLong("comment"), help: "A description of the document.")
    var comment: String?

    @Option(
        name: .customLong("hide-from"),
        help: "Publish it hidden from: professionals, patient or legal-representatives (repeatable).")
    var hideFrom: [DMPAudience] = []

    /// The file's URL.
    var fileURL: URL { URL(fileURLWithPath: file) }

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw ArgumentParser.ValidationError("no such file: \(file)")
        }
        if let serviceDate { _ = try Self.dateTime(serviceDate, option: "--service-date") }
        if let type, type.isEmpty { throw ArgumentParser.ValidationError("--type must not be empty") }
    }

    /// The publication, with defaults taken from `replaced` when given (type, title, class, content type).
    /// - Parameters:
    ///   - patient: The patient.
    ///   - author: The author.
    ///   - replaced: The document this one replaces, if any.
    ///   - now: The current date (the default service date).
    /// - Returns: The publication.
    /// - Throws: `ArgumentParser.ValidationError` when the type or the title is missing.
    func publication(
        patient: INS, author: DMPAuthor, replacing replaced: DMPDocumentEntry? = nil, now: Date = Date()
    ) throws -> DMPPublication {
        guard let documentType = type.map(Self.documentType) ?? replaced?.type else {
            throw ArgumentParser.ValidationError("--type is required (a LOINC code such as 11488-4)")
        }
        guard let documentTitle = title ?? replaced?.title, !documentTitle.isEmpty else {
            throw ArgumentParser.ValidationError("--title is required")
        }
        let mimeType =
            contentType ?? Self.contentType(forExtension: fileURL.pathExtension) ?? replaced?.contentType
            ?? "application/octet-stream"
        let start = try serviceDate.map { try Self.dateTime($0, option: "--service-date") } ?? FHIRDateTime(now)
        var publication = DMPPublication(
            patient: patient, content: .file(fileURL), contentType: mimeType, title: documentTitle,
            type: documentType, format: format.map(Self.documentFormat) ?? Self.defaultFormat(forContentType: mimeType),
            author: author, servicePeriod: FHIRPeriod(start: start))
        publication.documentClass =
            documentClass.map(Self.documentClass) ?? (type == nil ? replaced?.documentClass : nil)
        publication.comments = comment
        publication.securityLabels.formUnion(hideFrom.map(\.audience.label))
        if let uniqueId { publication.uniqueId = DMPDocumentSelector.identifier(uniqueId) }
        return publication
    }

    /// A known type by its code, or `SYSTEM|CODE`, or a LOINC code.
    static func documentType(_ text: String) -> DMPDocumentType {
        let parts = text.split(separator: "|", maxSplits: 1)
        if parts.count == 2 { return DMPDocumentType(code: String(parts[1]), system: String(parts[0])) }
        return DMPDocumentType.known.first { $0.code == text } ?? DMPDocumentType(code: text)
    }

    /// A known format by its code, else an IHE format code.
    static func documentFormat(_ text: String) -> DMPDocumentFormat {
        let parts = text.split(separator: "|", maxSplits: 1)
        if parts.count == 2 { return DMPDocumentFormat(code: String(parts[1]), system: String(parts[0])) }
        return DMPDocumentFormat.known.first { $0.code == text } ?? DMPDocumentFormat(code: text)
    }

    /// The format a MIME type implies: PDF, plain text, else "the MIME type is sufficient".
    static func defaultFormat(forContentType contentType: String) -> DMPDocumentFormat {
        switch contentType.lowercased() {
        case "application/pdf": .pdf
        case "text/plain": .text
        default: .mimeTypeSufficient
        }
    }

    /// A known class by its code, else a TRE_A03 code.
    static func documentClass(_ code: String) -> DMPDocumentClass {
        DMPDocumentClass.known.first { $0.code == code } ?? DMPDocumentClass(code: code)
    }

    /// The MIME type of common document extensions.
    static func contentType(forExtension pathExtension: String) -> String? {
        switch pathExtension.lowercased() {
        case "pdf": "application/pdf"
        case "txt", "text": "text/plain"
        case "xml", "cda": "text/xml"
        case "json": "application/json"
        case "html", "htm": "text/html"
        case "jpg", "jpeg": "image/jpeg"
        case "png": "image/png"
        case "rtf": "text/rtf"
        default: nil
        }
    }

    /// A FHIR date-time from `YYYY-MM-DD` or a full date-time.
    static func dateTime(_ text: String, option: String) throws -> FHIRDateTime {
        do {
            return try FHIRDateTime(text)
        } catch {
            throw ArgumentParser.ValidationError("\(option) must be YYYY-MM-DD or a FHIR date-time, got '\(text)'")
        }
    }
}
