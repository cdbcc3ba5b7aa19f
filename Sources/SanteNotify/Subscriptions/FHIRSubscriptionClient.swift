import Foundation
import HTTPTypes
import SanteCore
public import SanteHTTP

/// Creates and manages FHIR topic-based subscriptions (R4 backport) on a FHIR server such as the DMP.
///
/// The pipeline is based at the FHIR root (`https://…/fhir`, or a mock platform's `/dmp/fhir`) and carries
/// the access token (the same one as for documents: a professional's, or the patient's own).
///
/// ```swift
/// let subscriptions = FHIRSubscriptionClient(http: http)
/// let created = try await subscriptions.create(
///     try FHIRSubscriptionBuilder(endpoint: hookURL).patient(ins).payload(.fullResource).build())
/// let verifier = WebhookVerifier(secret: try created.signingSecret() ?? fallback)
/// ```
///
/// Every method throws ``SubscriptionError``.
public struct FHIRSubscriptionClient: Sendable {
    /// The pipeline, based at the FHIR root.
    public let http: SanteHTTPClient

    /// Creates a client.
    /// - Parameter http: The pipeline, based at the FHIR root, with the access token's middleware.
    public init(http: SanteHTTPClient) {
        self.http = http
    }

    /// Creates a subscription (`POST Subscription`); the server answers `requested` (then `active` after
    /// its handshake) with the signing secret in an extension.
    /// - Parameter subscription: The subscription (see ``FHIRSubscriptionBuilder``).
    /// - Returns: The stored subscription, with its id and ``FHIRSubscription/signingSecretText``.
    /// - Throws: ``SubscriptionError``.
    public func create(_ subscription: FHIRSubscription) async throws(SubscriptionError) -> FHIRSubscription {
        try await send(.post, "Subscription", body: subscription, operation: "subscription.create")
    }

    /// Reads a subscription (`GET Subscription/{id}`).
    /// - Parameter id: The subscription's id.
    /// - Returns: The subscription.
    /// - Throws: ``SubscriptionError`` (``SubscriptionError/Reason/notFound``…).
    public func read(id: String) async throws(SubscriptionError) -> FHIRSubscription {
        let operation = "subscription.read"
        let segment = try Self.segment(id, operation: operation)
        return try await get(FHIRSubscription.self, "Subscription/\(segment)", operation: operation)
    }

    /// Replaces a subscription (`PUT Subscription/{id}`), such as to change its filters or turn it `off`.
    /// - Parameter subscription: The subscription, with its id.
    /// - Returns: The stored subscription.
    /// - Throws: ``SubscriptionError`` (``SubscriptionError/Reason/invalidInput`` without an id).
    public func update(_ subscription: FHIRSubscription) async throws(SubscriptionError) -> FHIRSubscription {
        let operation = "subscription.update"
        let segment = try Self.segment(subscription.id ?? "", operation: operation)
        return try await send(.put, "Subscription/\(segment)", body: subscription, operation: operation)
    }

    /// Deletes a subscription (`DELETE Subscription/{id}`).
    /// - Parameter id: The subscription's id.
    /// - Throws: ``SubscriptionError``.
    public func delete(id: String) async throws(SubscriptionError) {
        let operation = "subscription.delete"
        let segment = try Self.segment(id, operation: operation)
        do {
            let request = try http.makeRequest(.delete, path: "Subscription/\(segment)", headerFields: Self.acceptFHIR)
            _ = try await http.data(for: request, options: RequestOptions(operation: operation))
        } catch {
            throw SubscriptionError.wrap(error, operation: operation)
        }
    }

    /// The subscription's status (`GET Subscription/{id}/$status`): its state and event count.
    /// - Parameter id: The subscription's id.
    /// - Returns: The status.
    /// - Throws: ``SubscriptionError``.
    public func status(id: String) async throws(SubscriptionError) -> SubscriptionStatus {
        let operation = "subscription.status"
        let segment = try Self.segment(id, operation: operation)
        let resource = try await get(AnyFHIRResource.self, "Subscription/\(segment)/$status", operation: operation)
        if resource.resourceType == "Parameters" { return try SubscriptionStatus(parameters: resource) }
        do {
            let bundle = try resource.decode(as: FHIRBundle.self)
            return try SubscriptionNotification(bundle: bundle).status
        } catch let error as SubscriptionError {
            throw error
        } catch {
            throw SubscriptionError.wrap(error, operation: operation)
        }
    }

    /// Replays events by number (`GET Subscription/{id}/$events`), to recover missed ones.
    /// - Parameters:
    ///   - subscriptionID: The subscription's id.
    ///   - since: The first event number wanted (`eventsSinceNumber`).
    ///   - until: The last event number wanted (`eventsUntilNumber`).
    ///   - content: The payload content wanted, when not the subscription's.
    /// - Returns: The `query-event` notification with the events.
    /// - Throws: ``SubscriptionError``.
    public func events(
        subscriptionID: String, since: Int64? = nil, until: Int64? = nil, content: SubscriptionPayloadContent? = nil
    ) async throws(SubscriptionError) -> SubscriptionNotification {
        let operation = "subscription.events"
        let segment = try Self.segment(subscriptionID, operation: operation)
        var query: [URLQueryItem] = []
        if let since { query.append(URLQueryItem(name: "eventsSinceNumber", value: String(since))) }
        if let until { query.append(URLQueryItem(name: "eventsUntilNumber", value: String(until))) }
        if let content { query.append(URLQueryItem(name: "content", value: content.rawValue)) }
        let bundle = try await get(
            FHIRBundle.self, "Subscription/\(segment)/$events", query: query, operation: operation)
        return try SubscriptionNotification(bundle: bundle)
    }

    // MARK: - Plumbing

    static let acceptFHIR: HTTPFields = [.accept: "application/fhir+json"]

    private func get<Value: Decodable>(
        _ type: Value.Type, _ path: String, query: [URLQueryItem] = [], operation: String
    ) async throws(SubscriptionError) -> Value {
        do {
            let request = try http.makeRequest(.get, path: path, query: query, headerFields: Self.acceptFHIR)
            return try await http.decode(type, for: request, options: RequestOptions(operation: operation))
        } catch {
            throw SubscriptionError.wrap(error, operation: operation)
        }
    }

    private func send(
        _ method: HTTPRequest.Method, _ path: String, body: FHIRSubscription, operation: String
    ) async throws(SubscriptionError) -> FHIRSubscription {
        do {
            let request = try http.makeRequest(method, path: path, headerFields: Self.acceptFHIR)
            return try await http.send(
                request, json: body, as: FHIRSubscription.self, options: RequestOptions(operation: operation),
                encoder: FHIRJSON.encoder(), contentType: "application/fhir+json")
        } catch {
            throw SubscriptionError.wrap(error, operation: operation)
        }
    }

    private static func segment(_ id: String, operation: String) throws(SubscriptionError) -> String {
        let trimmed = id.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }),
            trimmed.unicodeScalars.allSatisfy(\.isASCII)
        else {
            throw SubscriptionError(
                .invalidInput, "the subscription id is empty or not a FHIR id", operation: operation)
        }
        return trimmed
    }
}
