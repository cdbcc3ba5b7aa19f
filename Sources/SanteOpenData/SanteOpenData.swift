/// The open-data client: data.gouv.fr catalogue, health datasets and the Annuaire Santé directory.
///
/// The client arrives with the open-data milestone; this module exists now so that the package
/// layout and the dependency arrows are fixed.
public enum SanteOpenData {}
