/// The notification client: outbound messages, signed webhooks and FHIR subscriptions.
///
/// The client arrives with the notifications milestone; this module exists now so that the
/// package layout and the dependency arrows are fixed.
public enum SanteNotify {}
