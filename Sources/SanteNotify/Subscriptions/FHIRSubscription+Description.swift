extension FHIRSubscription: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `FHIRSubscription(id: …, status: …, channel: …)`: no criteria (they can name a patient), no endpoint,
    /// no channel headers (they carry credentials) and no signing secret, so that it is safe in logs.
    public var description: String {
        "FHIRSubscription(id: \(id ?? "-"), status: \(status), channel: \(channel.type))"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror without children, so that `dump` prints no criteria, header or secret.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
