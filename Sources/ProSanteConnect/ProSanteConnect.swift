/// The Pro Santé Connect (PSC) identity client.
///
/// PSC is the OpenID Connect provider of French health professionals (e-CPS app, CPS card).
/// The client itself arrives with the identity milestone; this module exists now so that the
/// package layout and the dependency arrows are fixed from the start.
public enum ProSanteConnect {}
