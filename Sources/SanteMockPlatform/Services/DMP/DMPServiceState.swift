import Foundation
import SanteCore

/// The mutable state of the DMP service, isolated in its own actor: the stored DocumentReferences, Lists and
/// Binaries. Every change is made by one synchronous actor method, so a transaction is all-or-nothing.
actor DMPServiceState {
    /// What the service shares with the rest of the platform (clock, identities, event bus, seed).
    let environment: MockServiceEnvironment
    /// The identity service whose verifier authenticates bearer tokens.
    nonisolated let identity: IdentityServiceState

    /// The DocumentReferences by id.
    var documents: [String: DMPStoredDocument] = [:]
    /// The ids of the DocumentReferences, in creation order.
    var documentOrder: [String] = []
    /// The Lists by id.
    var lists: [String: DMPStoredList] = [:]
    /// The ids of the Lists, in creation order.
    var listOrder: [String] = []
    /// The Binaries by id.
    var binaries: [String: DMPStoredBinary] = [:]

    /// Creates the service's initial state, empty; tokens are verified by `identity`'s verifier (which follows
    /// the platform's key rotations and revocations).
    init(environment: MockServiceEnvironment, identity: IdentityServiceState) {
        self.environment = environment
        self.identity = identity
    }

    /// The verifier of bearer tokens: the identity service's.
    /// - Throws: ``MockTokenError`` when the platform's address or keys are not available.
    nonisolated func tokenVerifier() throws(MockTokenError) -> MockTokenVerifier {
        try identity.tokenVerifier()
    }

    /// The absolute base URL of the service, such as `http://127.0.0.1:PORT/dmp/fhir`.
    nonisolated var serviceBase: String {
        (environment.address.baseURL?.absoluteString ?? "") + MockService.dmp.pathPrefix
    }

    /// The current time as a FHIR instant.
    nonisolated var nowInstant: String {
        FHIRInstant(environment.clock.now()).rawValue
    }

    /// A new server id.
    nonisolated func newID() -> String {
        UUID().uuidString.lowercased()
    }

    /// The live document (neither entered in error nor deleted) with this master identifier, if any.
    func document(withMasterIdentifier identifier: DMPIdentifier) -> DMPStoredDocument? {
        documents.values.first {
            $0.masterIdentifier?.value == identifier.value && $0.masterIdentifier?.system == identifier.system
        }
    }

    /// Publishes a DMP event on the platform bus.
    /// - Parameters:
    ///   - kind: `dmp.document.stored` or `dmp.document.updated`.
    ///   - document: The document as stored after the change.
    func announce(_ kind: String, _ document: DMPStoredDocument) async {
        var payload: DMPJSON.Object = [
            "id": .string(document.id),
            "versionId": .string(String(document.versionID)),
            "patient": document.patient.json,
            "status": .string(document.status),
            "resource": document.json,
        ]
        if let master = document.masterIdentifier {
            payload["masterIdentifier"] = master.json
        }
        if document.removal == .deleted {
            payload["deleted"] = true
        }
        // For the mock's own subscribers (FHIR subscriptions), which apply the same access rules as reads.
        payload["visibility"] = [
            "securityCodes": .array(document.securityCodes.sorted().map { .string($0) }),
            "authorIDs": .array(document.authorIDs.sorted().map { .string($0) }),
            "removed": .bool(document.removal != nil),
        ]
        await environment.events.publish(
            MockEvent(kind: kind, payload: .object(payload), time: environment.clock.now()))
    }
}

extension DMPServiceState {
    /// The documents neither entered in error nor deleted, in creation order.
    func liveDocuments() -> [DMPStoredDocument] {
        documentOrder.compactMap { documents[$0] }.filter { $0.removal == nil }
    }
}
