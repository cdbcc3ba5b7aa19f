/// The notification client: outbound messages (GOV.UK Notify v2), signed webhooks (Standard Webhooks)
/// and FHIR topic-based subscriptions (R4 backport, IHE DSUBm).
///
/// The module's entry points are ``NotifyClient`` (send and follow messages), ``WebhookVerifier`` and
/// ``WebhookReceiver`` (check and read inbound callbacks), and ``FHIRSubscriptionClient`` with
/// ``SubscriptionNotification`` (subscribe to document events and read their notifications).
public enum SanteNotify {}
