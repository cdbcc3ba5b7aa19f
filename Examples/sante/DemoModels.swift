import Foundation

/// The part of `GET /_mock/identities` the demo shows.
struct DemoIdentities: Codable {
    struct Client: Codable {
        let clientID: String
    }

    struct Professional: Codable {
        struct Profession: Codable {
            let label: String
            let specialtyLabel: String?

            /// The specialty when there is one, else the profession.
            var displayName: String {
                guard let specialtyLabel, !specialtyLabel.isEmpty else { return label }
                return specialtyLabel
            }
        }

        let subjectNameID: String
        let givenName: String
        let familyName: String
        let profession: Profession
    }

    struct Patient: Codable {
        let ins: String
        let insOID: String
        let familyName: String
        let givenNames: [String]
        let birthDate: String
    }

    let demoClient: Client
    let professionals: [Professional]
    let patients: [Patient]
}

/// The part of `/_mock/echo`'s answer the demo reads.
struct DemoEcho: Codable {
    let method: String
    let path: String
    let headers: [String: String]
}

/// A fault, as `POST /_mock/faults` takes it.
struct DemoFault: Codable {
    let method: String?
    let path: String
    let kind: String
    let status: Int?
    let retryAfter: String?
    let count: Int?
}

/// What `sante demo --json` prints.
struct DemoReport: Codable {
    struct Service: Codable {
        let name: String
        let url: String
    }

    struct IdentifierCheck: Codable {
        let value: String
        let kind: String
        let valid: Bool
        let diagnostics: [String]
    }

    struct Resilience: Codable {
        let injectedFault: String
        let succeeded: Bool
        let attemptsSeenByServer: Int
        let requestID: String
        let userAgent: String
    }

    struct Footprint: Codable {
        let requests: Int
        let retries: Int
        let errors: Int
        let bytesSent: Int64
        let bytesReceived: Int64
    }

    var mockURL: String
    var inProcess: Bool
    var services: [Service]
    var professionals: [String]
    var patients: [String]
    var identifiers: [IdentifierCheck]
    var resilience: Resilience
    var psc: PSC
    var openData: OpenData
    var dmp: DMP
    var notifications: Notifications
    var footprint: Footprint
}
