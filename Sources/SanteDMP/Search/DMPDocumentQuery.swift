public import Foundation
public import SanteCore

/// An ITI-67 search for document entries (`GET DocumentReference?…`), covering every PDSm search
/// parameter.
///
/// The patient and the status are required (the DMP rule; MHD requires `status`). Several values of one
/// parameter are OR-ed (`a,b`); several ``DMPDateFilter``s of one parameter are AND-ed (the parameter
/// repeats).
///
/// ```swift
/// var query = DMPDocumentQuery(patient: ins)
/// query.types = [.consultationReport]
/// query.serviceStart = [.onOrAfter(try FHIRDateTime("2024-01-01"))]
/// ```
public struct DMPDocumentQuery: Sendable, Hashable {
    /// The patient (`patient.identifier=<system>|<INS>`); must be a qualified identity.
    public var patient: INS
    /// The statuses (`status`, required; default `current`).
    public var statuses: [DMPDocumentStatus]
    /// Unique or logical identifiers (`identifier`: masterIdentifier or identifier).
    public var identifiers: [FHIRIdentifier]
    /// Document types (`type`).
    public var types: [DMPDocumentType]
    /// Document classes (`category`).
    public var classes: [DMPDocumentClass]
    /// Creation time conditions (`date`).
    public var creationTime: [DMPDateFilter]
    /// Service period conditions (`period`).
    public var servicePeriod: [DMPDateFilter]
    /// Service start conditions (`period-start`, PDSm).
    public var serviceStart: [DMPDateFilter]
    /// Service end conditions (`period-end`, PDSm).
    public var serviceEnd: [DMPDateFilter]
    /// Attachment creation conditions (`creation`).
    public var attachmentCreation: [DMPDateFilter]
    /// Facility types (`facility`).
    public var facilityTypes: [DMPFacilityType]
    /// Practice settings (`setting`).
    public var practiceSettings: [DMPPracticeSetting]
    /// Formats (`format`).
    public var formats: [DMPDocumentFormat]
    /// Security labels (`security-label`).
    public var securityLabels: [DMPSecurityLabel]
    /// Event codes (`event`), as codings.
    public var events: [FHIRCoding]
    /// Related identifiers (`related`: XDS referenceIdList), as `system|value` identifiers.
    public var related: [FHIRIdentifier]
    /// Documents this one relates to (`relatesto`), as references such as `DocumentReference/<id>`.
    public var relatesTo: [String]
    /// The archive flag (`isArchived`, PDSm); `nil` for both.
    public var isArchived: Bool?
    /// The author's given name (`author.given`).
    public var authorGiven: String?
    /// The author's family name (`author.family`).
    public var authorFamily: String?
    /// The page size (`_count`); `nil` uses the client's.
    public var count: Int?
    /// Extra parameters, sent as given.
    public var additionalParameters: [URLQueryItem]

    /// Creates a query for a patient's documents.
    /// - Parameters:
    ///   - patient: The patient's qualified INS.
    ///   - statuses: The statuses (default `current`).
    public init(patient: INS, statuses: [DMPDocumentStatus] = [.current]) {
        self.patient = patient
        self.statuses = statuses
        identifiers = []
        types = []
        classes = []
        creationTime = []
        servicePeriod = []
        serviceStart = []
        serviceEnd = []
        attachmentCreation = []
        facilityTypes = []
        practiceSettings = []
        formats = []
        securityLabels = []
        events = []
        related = []
        relatesTo = []
        additionalParameters = []
    }

    /// The query items, in a stable order.
    /// - Parameter defaultCount: The page size when ``count`` is `nil`.
    /// - Returns: The items.
    public func queryItems(defaultCount: Int) -> [URLQueryItem] {
        var items = [URLQueryItem(name: "patient.identifier", value: patient.fhirSearchToken)]
        func add(_ name: String, _ values: [String]) {
            guard !values.isEmpty else { return }
            items.append(URLQueryItem(name: name, value: values.joined(separator: ",")))
        }
        func dates(_ name: String, _ filters: [DMPDateFilter]) {
            for filter in filters { items.append(URLQueryItem(name: name, value: filter.description)) }
        }
        add("status", statuses.map(\.rawValue))
        add("identifier", identifiers.map(SearchToken.identifier))
        add("type", types.map(\.searchToken))
        add("category", classes.map(\.searchToken))
        dates("date", creationTime)
        dates("period", servicePeriod)
        dates("period-start", serviceStart)
        dates("period-end", serviceEnd)
        dates("creation", attachmentCreation)
        add("facility", facilityTypes.map(\.searchToken))
        add("setting", practiceSettings.map(\.searchToken))
        add("format", formats.map(\.searchToken))
        add("security-label", securityLabels.map(\.searchToken))
        add("event", events.map(SearchToken.coding))
        add("related", related.map(SearchToken.identifier))
        add("relatesto", relatesTo)
        if let isArchived { items.append(URLQueryItem(name: "isArchived", value: isArchived ? "true" : "false")) }
        if let authorGiven { items.append(URLQueryItem(name: "author.given", value: authorGiven)) }
        if let authorFamily { items.append(URLQueryItem(name: "author.family", value: authorFamily)) }
        items.append(URLQueryItem(name: "_count", value: String(min(max(count ?? defaultCount, 1), 100))))
        items.append(contentsOf: additionalParameters)
        return items
    }
}

/// FHIR token search values.
enum SearchToken {
    /// `system|value`, or `value` without a system.
    static func identifier(_ identifier: FHIRIdentifier) -> String {
        guard let system = identifier.system, !system.isEmpty else { return identifier.value ?? "" }
        return "\(system)|\(identifier.value ?? "")"
    }

    /// `system|code`, or `code` without a system.
    static func coding(_ coding: FHIRCoding) -> String {
        guard let system = coding.system, !system.isEmpty else { return coding.code ?? "" }
        return "\(system)|\(coding.code ?? "")"
    }
}
