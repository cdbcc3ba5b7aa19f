/// How the mock Pro Santé Connect answers the polls of a CIBA (backchannel) authentication request.
///
/// Set it with ``MockPSCProvider/setCIBABehaviour(_:)`` or `POST /_mock/psc/ciba`; it applies to every
/// poll from then on. Whatever the behaviour, a poll sooner than the `interval` after the previous one (or
/// after the request) gets `slow_down`, and a poll after `expires_in` gets `expired_token` (platform clock).
public enum MockCIBABehaviour: Sendable, Hashable {
    /// The professional approves: the first `n` polls of a request answer `authorization_pending`, the
    /// next one gets the tokens. `.approveAfterPolls(0)` approves on the first poll.
    case approveAfterPolls(Int)
    /// The professional refuses: the next poll answers `access_denied`.
    case deny

    /// The behaviour of a new platform: one `authorization_pending`, then the tokens.
    public static let `default` = MockCIBABehaviour.approveAfterPolls(1)
}
