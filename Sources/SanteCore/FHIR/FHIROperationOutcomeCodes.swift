extension FHIROperationOutcome {
    /// How bad an issue is: `fatal`, `error`, `warning` or `information`.
    public struct Severity: FHIRCodeValue {
        /// The code's string form.
        public let rawValue: String

        /// Creates a severity from its code.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The request could not be processed at all.
        public static let fatal = Severity(rawValue: "fatal")
        /// The request failed.
        public static let error = Severity(rawValue: "error")
        /// The request succeeded with a reservation.
        public static let warning = Severity(rawValue: "warning")
        /// Information only.
        public static let information = Severity(rawValue: "information")
    }

    /// The kind of an issue (FHIR `IssueType`), such as `required` or `not-found`.
    public struct IssueType: FHIRCodeValue {
        /// The code's string form.
        public let rawValue: String

        /// Creates an issue type from its code.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The content is invalid.
        public static let invalid = IssueType(rawValue: "invalid")
        /// The content could not be parsed.
        public static let structure = IssueType(rawValue: "structure")
        /// A required element is missing.
        public static let required = IssueType(rawValue: "required")
        /// An element has an invalid value.
        public static let value = IssueType(rawValue: "value")
        /// A content invariant failed.
        public static let invariant = IssueType(rawValue: "invariant")
        /// A security problem.
        public static let security = IssueType(rawValue: "security")
        /// The client must log in.
        public static let login = IssueType(rawValue: "login")
        /// The user is not known.
        public static let unknown = IssueType(rawValue: "unknown")
        /// The session or credentials expired.
        public static let expired = IssueType(rawValue: "expired")
        /// The user may not do this.
        public static let forbidden = IssueType(rawValue: "forbidden")
        /// Some content was withheld.
        public static let suppressed = IssueType(rawValue: "suppressed")
        /// Processing failed.
        public static let processing = IssueType(rawValue: "processing")
        /// The operation is not supported.
        public static let notSupported = IssueType(rawValue: "not-supported")
        /// The content duplicates existing content.
        public static let duplicate = IssueType(rawValue: "duplicate")
        /// More than one resource matched a conditional request.
        public static let multipleMatches = IssueType(rawValue: "multiple-matches")
        /// The resource or reference was not found.
        public static let notFound = IssueType(rawValue: "not-found")
        /// The resource was deleted.
        public static let deleted = IssueType(rawValue: "deleted")
        /// The content is too long.
        public static let tooLong = IssueType(rawValue: "too-long")
        /// A code is not valid.
        public static let codeInvalid = IssueType(rawValue: "code-invalid")
        /// An extension is not understood or not allowed.
        public static let `extension` = IssueType(rawValue: "extension")
        /// The operation would cost too much.
        public static let tooCostly = IssueType(rawValue: "too-costly")
        /// A business rule was broken.
        public static let businessRule = IssueType(rawValue: "business-rule")
        /// An edit conflict (version mismatch).
        public static let conflict = IssueType(rawValue: "conflict")
        /// A transient problem; retrying may succeed.
        public static let transient = IssueType(rawValue: "transient")
        /// A lock could not be obtained.
        public static let lockError = IssueType(rawValue: "lock-error")
        /// The server has no storage.
        public static let noStore = IssueType(rawValue: "no-store")
        /// An unexpected internal error.
        public static let exception = IssueType(rawValue: "exception")
        /// An internal timeout.
        public static let timeout = IssueType(rawValue: "timeout")
        /// Not all data could be returned.
        public static let incomplete = IssueType(rawValue: "incomplete")
        /// The request was throttled.
        public static let throttled = IssueType(rawValue: "throttled")
        /// Information only.
        public static let informational = IssueType(rawValue: "informational")
    }
}
