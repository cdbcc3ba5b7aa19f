public import Foundation
public import SanteCore

/// Everything needed to publish one document to the DMP: its content and its metadata.
///
/// The client turns it into a PDSm DocumentReference (hashing the content, streaming a file), a
/// submission set and a Binary, validates the whole, and sends one transaction.
///
/// ```swift
/// var publication = DMPPublication(
///     patient: ins,                                   // a qualified INS (status .qualified)
///     content: .file(reportURL), contentType: "application/pdf",
///     title: "Compte rendu de consultation", type: .consultationReport, format: .pdf,
///     author: DMPAuthor(professional: .rpps(RPPS("99990000012"), familyName: "LEFEBVRE"),
///                       organization: .siret(SIRET("99999001300016"), name: "CABINET DU DR LEFEBVRE")),
///     servicePeriod: FHIRPeriod(start: FHIRDateTime(visitDate)))
/// publication.facilityType = .privatePractice
/// let outcome = try await client.publish(publication)
/// ```
public struct DMPPublication: Sendable, Hashable {
    /// Where the content's bytes come from.
    public enum Content: Sendable, Hashable {
        /// Bytes in memory.
        case data(Data)
        /// A file, read in chunks (hashed and uploaded without loading it whole).
        case file(URL)
    }

    /// The patient: a qualified INS (``INS/status`` `.qualified`), refused otherwise before any request.
    public var patient: INS
    /// The content.
    public var content: Content
    /// The content's MIME type, such as `application/pdf`.
    public var contentType: String
    /// The document's title.
    public var title: String
    /// The document type.
    public var type: DMPDocumentType
    /// The document class; `nil` derives it from ``type`` with ASS_X16 (``DMPDocumentClass/forType(_:)``).
    public var documentClass: DMPDocumentClass?
    /// The format.
    public var format: DMPDocumentFormat
    /// The author.
    public var author: DMPAuthor
    /// The custodian; `nil` uses the author's organisation.
    public var custodian: DMPOrganization?
    /// The facility type.
    public var facilityType: DMPFacilityType?
    /// The practice setting.
    public var practiceSetting: DMPPracticeSetting?
    /// When the act took place; `start` is required.
    public var servicePeriod: FHIRPeriod?
    /// When the document was created; `nil` uses the client clock's now.
    public var creationTime: FHIRDateTime?
    /// The confidentiality and visibility labels (default: v3-Confidentiality `N`).
    public var securityLabels: Set<DMPSecurityLabel>
    /// The content's language (default `fr-FR`).
    public var language: String?
    /// A description of the document (XDS `comments`, FHIR `description`).
    public var comments: String?
    /// The document's unique id (`masterIdentifier`); the default is a new `urn:uuid`. Keep it to
    /// publish again safely: the DMP refuses a second document with the same unique id, and the client
    /// then answers ``DMPClient/PublishOutcome/alreadyStored(_:)``.
    public var uniqueId: FHIRIdentifier
    /// The submission set's unique id (default: a new `urn:uuid`).
    public var submissionSetUniqueId: FHIRIdentifier
    /// The submission set's designation type; `nil` uses the document class.
    public var designationType: FHIRCodeableConcept?

    /// Creates a publication.
    /// - Parameters:
    ///   - patient: The qualified INS.
    ///   - content: The content.
    ///   - contentType: The MIME type.
    ///   - title: The title.
    ///   - type: The document type.
    ///   - format: The format.
    ///   - author: The author.
    ///   - servicePeriod: When the act took place.
    public init(
        patient: INS,
        content: Content,
        contentType: String,
        title: String,
        type: DMPDocumentType,
        format: DMPDocumentFormat,
        author: DMPAuthor,
        servicePeriod: FHIRPeriod?
    ) {
        self.patient = patient
        self.content = content
        self.contentType = contentType
        self.title = title
        self.type = type
        self.format = format
        self.author = author
        self.servicePeriod = servicePeriod
        self.securityLabels = [.normal]
        self.language = "fr-FR"
        self.uniqueId = Self.newUniqueId()
        self.submissionSetUniqueId = Self.newUniqueId()
    }

    /// A new unique id: `urn:uuid:<random UUID>` in the URI system.
    /// - Returns: The identifier.
    public static func newUniqueId() -> FHIRIdentifier {
        FHIRIdentifier(system: PDSmURLs.uriIdentifierSystem, value: "urn:uuid:" + UUID().uuidString.lowercased())
    }
}
