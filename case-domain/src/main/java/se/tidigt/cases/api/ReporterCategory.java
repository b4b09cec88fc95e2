package se.tidigt.cases.api;

/** Who reported the concern. */
public enum ReporterCategory {
    PRESCHOOL, SCHOOL, POLICE, HEALTHCARE, SOCIAL_SERVICES, FAMILY, OTHER
}
