package se.tidigt.cases.api;

/**
 * The kinds of intervention a case can offer. Open interventions (öppna insatser) are given while
 * the child lives at home; only those can a child of 12 or more consent to alone.
 */
public enum InterventionType {
    CONTACT_PERSON(true),
    CONTACT_FAMILY(true),
    FAMILY_TREATMENT(true),
    PARENTING_SUPPORT(true),
    STRUCTURED_COUNSELLING(true),
    YOUTH_SUPPORT_PROGRAMME(true),
    FOSTER_CARE(false),
    RESIDENTIAL_CARE(false),
    OTHER_OPEN(true);

    private final boolean open;

    InterventionType(boolean open) {
        this.open = open;
    }

    public boolean isOpen() {
        return open;
    }
}
