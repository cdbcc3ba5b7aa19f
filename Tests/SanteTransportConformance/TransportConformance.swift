public import SanteHTTP
public import Testing

/// The behaviour every SanteKit ``HTTPTransport`` must show, checked against an in-process mock platform over
/// plain HTTP.
///
/// A test target runs each ``Check`` against each ``Subject``:
///
/// ```swift
/// @Test(arguments: [urlSessionSubject, asyncHTTPClientSubject], TransportConformance.Check.allCases)
/// func conformance(subject: TransportConformance.Subject, check: TransportConformance.Check) async throws {
///     try await TransportConformance.run(check, on: subject)
/// }
/// ```
///
/// Checks record their failures with Swift Testing's `#expect` and `#require`, so they must run inside a test.
/// Where a transport legitimately differs (URLSession buffers bodies), the ``Subject`` says so and the check
/// asserts the behaviour that transport documents.
public enum TransportConformance {
    /// A transport under test, with the capabilities that change what the checks expect of it.
    public struct Subject: Sendable, CustomTestStringConvertible {
        /// The transport's name, shown in test results.
        public var name: String
        /// Whether the response is returned when its head arrives and the body read as it comes (`true`), or
        /// only once the whole body has arrived (`false`, a buffering transport).
        public var streamsResponseBodies: Bool
        /// Whether a request body of unknown length is sent as it is produced, with chunked transfer encoding
        /// (`true`), or read first and sent with `Content-Length` (`false`).
        public var streamsRequestBodies: Bool
        /// Makes a fresh transport with the given settings; called once per check.
        public var makeTransport: @Sendable (Settings) -> any HTTPTransport

        /// Creates a subject.
        /// - Parameters:
        ///   - name: The transport's name.
        ///   - streamsResponseBodies: Whether response bodies stream.
        ///   - streamsRequestBodies: Whether request bodies of unknown length stream.
        ///   - makeTransport: Makes a fresh transport with the given settings.
        public init(
            name: String,
            streamsResponseBodies: Bool,
            streamsRequestBodies: Bool,
            makeTransport: @escaping @Sendable (Settings) -> any HTTPTransport
        ) {
            self.name = name
            self.streamsResponseBodies = streamsResponseBodies
            self.streamsRequestBodies = streamsRequestBodies
            self.makeTransport = makeTransport
        }

        /// The name, as test results show it.
        public var testDescription: String { name }
    }

    /// What a check asks of the transport it makes.
    public struct Settings: Sendable, Hashable {
        /// The transport's request timeout (the time allowed until the response, or between two reads).
        public var timeout: Duration

        /// Creates settings.
        /// - Parameter timeout: The transport's request timeout.
        public init(timeout: Duration) {
            self.timeout = timeout
        }

        /// A generous timeout that no passing check comes near.
        public static let standard = Settings(timeout: .seconds(30))
    }

    /// Runs one check against one transport, each time on a new mock platform.
    /// - Parameters:
    ///   - check: The check.
    ///   - subject: The transport under test.
    /// - Throws: When the mock platform cannot start, or a `#require` fails.
    public static func run(_ check: Check, on subject: Subject) async throws {
        try await withMockPlatform { platform in
            let target = ConformanceTarget(platform: platform, subject: subject)
            try await check.body(target)
        }
    }
}
