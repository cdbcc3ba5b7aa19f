public import HTTPTypes

extension HTTPField.Name {
    // These names are valid tokens, so the failable initialiser never fails; the fallbacks only avoid
    // force unwraps.
    /// `webhook-id`: the message id, stable across retries (Standard Webhooks).
    public static let webhookID = HTTPField.Name("webhook-id") ?? .via
    /// `webhook-timestamp`: the attempt's time, integer Unix seconds (Standard Webhooks).
    public static let webhookTimestamp = HTTPField.Name("webhook-timestamp") ?? .via
    /// `webhook-signature`: space-separated `version,signature` entries (Standard Webhooks).
    public static let webhookSignature = HTTPField.Name("webhook-signature") ?? .via
    /// `svix-id`: Svix's name for `webhook-id`.
    public static let svixID = HTTPField.Name("svix-id") ?? .via
    /// `svix-timestamp`: Svix's name for `webhook-timestamp`.
    public static let svixTimestamp = HTTPField.Name("svix-timestamp") ?? .via
    /// `svix-signature`: Svix's name for `webhook-signature`.
    public static let svixSignature = HTTPField.Name("svix-signature") ?? .via
}
