import Logging
import SanteCore

/// What every service of the mock shares: the clock, the identities, the event bus and the seed.
struct MockServiceEnvironment: Sendable {
    /// The platform's clock.
    let clock: any SanteClock
    /// The seeded test identities.
    let identities: MockIdentities
    /// The bus through which services react to each other.
    let events: MockEventBus
    /// The seed of generated data.
    let seed: UInt64
    /// The address the server listens on, once known.
    let address: MockServerAddress
    /// The platform's logger.
    let logger: Logger
}
