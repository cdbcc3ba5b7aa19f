/// The test identities every service of the mock shares: fixed, documented, and the same on every run
/// whatever the platform's seed.
///
/// All values are fictitious; every check digit is valid.
///
/// ## OAuth client
/// | Client ID | Secret | Redirect URIs |
/// |---|---|---|
/// | `santekit-demo` | `santekit-demo-secret-7f3a9c2e5b8d4016` | any loopback `http` URI, any port (RFC 8252) |
///
/// ## Professionals (`SubjectNameID`)
/// | SubjectNameID | Registry number | Name | Profession | Practice sites |
/// |---|---|---|---|---|
/// | `899990000012` | RPPS `99990000012` | MME DR Camille LEFEBVRE | 10 médecin, SM54 médecine générale | liberal practice, Paris 15e (SIRET `99999001300016`) |
/// | `899990000020` | RPPS `99990000020` | M PR Julien MARCHAND | 10 médecin, SM04 cardiologie | salaried, public hospital (FINESS `750999997`, legal entity `750999989`, SIRET `99999002100019`) |
/// | `899990000038` | RPPS `99990000038` | MME Sophie GIRARD | 60 infirmier | salaried, health centre in Lyon (FINESS `690999974`, SIRET `99999003900011`); liberal practice, Lyon 2e |
/// | `0759300122` | ADELI `759300122` | M Thomas ROUSSEL | 93 psychologue | liberal practice, Paris 11e |
///
/// ## Patients (test INS under OID `1.2.250.1.213.1.4.10`)
/// | INS | Name | Sex | Birth date | Birthplace |
/// |---|---|---|---|---|
/// | `279035121518989` | PAT-TROIS Dominique (the ANS test patient) | F | 1979-03-28 | 51215 |
/// | `290116912304559` | DURAND Lucie | F | 1990-11-14 | 69123 |
/// | `158027511501292` | MARTIN Paul | M | 1958-02-03 | 75115 |
/// | `172072A00403339` | ORSINI Antoine (born in Corsica: `2A` counts as 19 in the key) | M | 1972-07-21 | 2A004 |
/// | `219064410921023` | PETIT Chloé | F | 2019-06-09 | 44109 |
///
/// ## Notify API key
/// `santekit_test_key-5c7bbe2f-daca-417f-83dc-1dabb7ad5dfa-998898f4-61f3-401b-9a5e-457dc1bcb0b7`
/// (service ID `5c7bbe2f-daca-417f-83dc-1dabb7ad5dfa`, secret `998898f4-61f3-401b-9a5e-457dc1bcb0b7`).
///
/// The same values are served as JSON at `GET /_mock/identities`.
public struct MockIdentities: Sendable, Hashable, Encodable {
    /// The confidential OAuth client of the demos and tests.
    public let demoClient: MockOAuthClient
    /// The professionals who can sign in with Pro Santé Connect.
    public let professionals: [MockProfessional]
    /// The test patients.
    public let patients: [MockPatient]
    /// The Notify API key the mock accepts.
    public let notifyKey: MockNotifyAPIKey

    /// Creates a set of identities.
    /// - Parameters:
    ///   - demoClient: The OAuth client.
    ///   - professionals: The professionals.
    ///   - patients: The patients.
    ///   - notifyKey: The Notify API key.
    public init(
        demoClient: MockOAuthClient, professionals: [MockProfessional], patients: [MockPatient],
        notifyKey: MockNotifyAPIKey
    ) {
        self.demoClient = demoClient
        self.professionals = professionals
        self.patients = patients
        self.notifyKey = notifyKey
    }

    /// The Notify API key as a client is given it: `{name}-{serviceID}-{secret}`.
    public var notifyAPIKey: String { notifyKey.apiKey }

    /// The professional with this `SubjectNameID`, if any.
    /// - Parameter subjectNameID: The national professional id.
    /// - Returns: The professional, or `nil`.
    public func professional(subjectNameID: String) -> MockProfessional? {
        professionals.first { $0.subjectNameID == subjectNameID }
    }

    /// The patient with this INS, if any.
    /// - Parameter ins: The 15-character INS matricule.
    /// - Returns: The patient, or `nil`.
    public func patient(ins: String) -> MockPatient? {
        patients.first { $0.ins == ins }
    }
}
