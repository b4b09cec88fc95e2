package se.tidigt.cases.api;

/**
 * Where a child placed out of home lives: a residential home (HVB, hem för vård eller boende), a family
 * home (familjehem) or supported housing (stödboende).
 */
public enum PlacementKind {
    HVB, FAMILY_HOME, SUPPORTED_HOUSING
}
