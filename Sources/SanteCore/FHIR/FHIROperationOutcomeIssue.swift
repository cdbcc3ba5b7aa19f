extension FHIROperationOutcome {
    /// One issue of an ``FHIROperationOutcome``.
    public struct Issue: FHIRBackboneElement {
        /// The element's `id`.
        public var id: String?
        /// The element's extensions.
        public var `extension`: [FHIRExtension]
        /// Extensions that change the meaning of the issue.
        public var modifierExtension: [FHIRExtension]
        /// How bad the issue is.
        public var severity: Severity
        /// The kind of issue.
        public var code: IssueType
        /// A coded and/or textual description of the issue.
        public var details: FHIRCodeableConcept?
        /// Technical detail for diagnosis, such as a stack trace or the failing value.
        public var diagnostics: String?
        /// XPath locations of the issue (deprecated by FHIR in favour of ``expression``).
        public var location: [String]
        /// FHIRPath expressions of the elements at fault, such as `"DocumentReference.custodian"`.
        public var expression: [String]
        /// Members not modelled here.
        public var additionalMembers: [String: JSONValue] = [:]

        /// Creates an issue.
        ///
        /// - Parameters:
        ///   - severity: How bad the issue is.
        ///   - code: The kind of issue.
        ///   - details: A coded and/or textual description.
        ///   - diagnostics: Technical detail.
        ///   - expression: FHIRPath expressions of the elements at fault.
        ///   - location: XPath locations of the issue.
        public init(
            severity: Severity,
            code: IssueType,
            details: FHIRCodeableConcept? = nil,
            diagnostics: String? = nil,
            expression: [String] = [],
            location: [String] = []
        ) {
            self.severity = severity
            self.code = code
            self.details = details
            self.diagnostics = diagnostics
            self.expression = expression
            self.location = location
            self.extension = []
            self.modifierExtension = []
        }

        /// The most readable description: diagnostics, then details text, then the first coding's display or code.
        public var message: String? {
            if let diagnostics, !diagnostics.isEmpty { return diagnostics }
            if let text = details?.text, !text.isEmpty { return text }
            return details?.coding.lazy.compactMap { $0.display ?? $0.code }.first
        }

        /// `severity [code] where: message`, such as `error [required] DocumentReference.custodian: missing`.
        ///
        /// `where` is the expressions (or, failing those, the locations) joined by `, `; parts that are
        /// absent are left out.
        public var summary: String {
            var line = "\(severity) [\(code)]"
            let places = expression.isEmpty ? location : expression
            if !places.isEmpty { line += " " + places.joined(separator: ", ") }
            if let message {
                line += places.isEmpty ? " " + message : ": " + message
            }
            return line
        }

        /// Decodes the issue, keeping unknown members.
        public init(from decoder: any Decoder) throws {
            var object = try FHIRObjectDecoder(decoder)
            id = try object.optional("id")
            `extension` = try object.array("extension")
            modifierExtension = try object.array("modifierExtension")
            severity = try object.required("severity")
            code = try object.required("code")
            details = try object.optional("details")
            diagnostics = try object.optional("diagnostics")
            location = try object.array("location")
            expression = try object.array("expression")
            additionalMembers = try object.remainingMembers()
        }

        /// Encodes the issue and its kept members.
        public func encode(to encoder: any Encoder) throws {
            var object = FHIRObjectEncoder(encoder)
            try object.encode(id, "id")
            try object.encode(`extension`, "extension")
            try object.encode(modifierExtension, "modifierExtension")
            try object.encode(severity, "severity")
            try object.encode(code, "code")
            try object.encode(details, "details")
            try object.encode(diagnostics, "diagnostics")
            try object.encode(location, "location")
            try object.encode(expression, "expression")
            try object.finish(with: additionalMembers)
        }
    }
}
