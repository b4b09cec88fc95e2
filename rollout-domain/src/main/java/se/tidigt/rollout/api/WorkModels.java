package se.tidigt.rollout.api;

import java.util.List;

/** The two models every city starts with. */
public final class WorkModels {
    public static final String ORDINARY_CODE = "ORDINARY";
    public static final String VALLINGBY_TEAM_CODE = "VALLINGBY_TEAM";

    public static final WorkModel ORDINARY = new WorkModel(ORDINARY_CODE, "Ordinary work", List.of(
            "Separate workers for intake, investigation and intervention",
            "Collaboration with preschool, school and police as each case requires"));

    /** Hässelby-Vällingby's pilot 2021–2022: about 95 % of families accepted the support offered. */
    public static final WorkModel VALLINGBY_TEAM = new WorkModel(VALLINGBY_TEAM_CODE, "The Vällingby team", List.of(
            "One social worker holds several functions, so the family is not passed between workers",
            "Close work with preschool, school and police",
            "Early support, before problems grow"));

    private WorkModels() {
    }

    public static List<WorkModel> builtIn() {
        return List.of(ORDINARY, VALLINGBY_TEAM);
    }
}
