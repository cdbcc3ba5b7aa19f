import Foundation

extension MockWebhookEndpoint: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `MockWebhookEndpoint(id: …, url: …, disabled: …)`: no secret and no bearer token, so that it is safe
    /// in logs.
    public var description: String {
        "MockWebhookEndpoint(id: \(id), url: \(url.absoluteString), disabled: \(disabled))"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror without children, so that `dump` prints no secret or token.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
