public import Foundation
public import SanteCore

/// An ITI-66 search for submission sets or folders (`GET List?…`), covering every PDSm search
/// parameter. The patient, the code and the status are required.
public struct DMPListQuery: Sendable, Hashable {
    /// The kind of list searched.
    public enum Kind: String, Sendable, Hashable {
        /// Submission sets (`code=submissionset`).
        case submissionSet = "submissionset"
        /// Folders (`code=folder`).
        case folder
    }

    /// The patient (`patient.identifier`); must be a qualified identity.
    public var patient: INS
    /// Submission sets or folders (`code`).
    public var kind: Kind
    /// The statuses (`status`; default `current`).
    public var statuses: [String]
    /// Date conditions (`date`: submission or last update time).
    public var date: [DMPDateFilter]
    /// Designation types (`designationType`), as codings.
    public var designationTypes: [FHIRCoding]
    /// Identifiers (`identifier`).
    public var identifiers: [FHIRIdentifier]
    /// The archive flag (`isArchived`); `nil` for both.
    public var isArchived: Bool?
    /// The title (`title`).
    public var title: String?
    /// Source ids (`sourceId`).
    public var sourceIDs: [String]
    /// The source (`source`), a reference.
    public var source: String?
    /// The author organisation (`authorOrg`), a reference or identifier token.
    public var authorOrganization: String?
    /// The page size (`_count`); `nil` uses the client's.
    public var count: Int?
    /// Extra parameters, sent as given.
    public var additionalParameters: [URLQueryItem]

    /// Creates a query.
    /// - Parameters:
    ///   - patient: The patient's qualified INS.
    ///   - kind: Submission sets or folders.
    ///   - statuses: The statuses (default `current`).
    public init(patient: INS, kind: Kind, statuses: [String] = ["current"]) {
        self.patient = patient
        self.kind = kind
        self.statuses = statuses
        date = []
        designationTypes = []
        identifiers = []
        sourceIDs = []
        additionalParameters = []
    }

    /// The query items, in a stable order.
    /// - Parameter defaultCount: The page size when ``count`` is `nil`.
    /// - Returns: The items.
    public func queryItems(defaultCount: Int) -> [URLQueryItem] {
        var items = [
            URLQueryItem(name: "patient.identifier", value: patient.fhirSearchToken),
            URLQueryItem(name: "code", value: "\(PDSmURLs.listTypesSystem)|\(kind.rawValue)"),
        ]
        func add(_ name: String, _ values: [String]) {
            guard !values.isEmpty else { return }
            items.append(URLQueryItem(name: name, value: values.joined(separator: ",")))
        }
        add("status", statuses)
        for filter in date { items.append(URLQueryItem(name: "date", value: filter.description)) }
        add("designationType", designationTypes.map(SearchToken.coding))
        add("identifier", identifiers.map(SearchToken.identifier))
        if let isArchived { items.append(URLQueryItem(name: "isArchived", value: isArchived ? "true" : "false")) }
        if let title { items.append(URLQueryItem(name: "title", value: title)) }
        add("sourceId", sourceIDs)
        if let source { items.append(URLQueryItem(name: "source", value: source)) }
        if let authorOrganization { items.append(URLQueryItem(name: "authorOrg", value: authorOrganization)) }
        items.append(URLQueryItem(name: "_count", value: String(min(max(count ?? defaultCount, 1), 100))))
        items.append(contentsOf: additionalParameters)
        return items
    }
}
