package se.tidigt.cases.api;

/** The function a social worker holds on a case; in the Vällingby team one worker holds several. */
public enum WorkerFunction {
    INTAKE, INVESTIGATION, INTERVENTION, FOLLOW_UP, COORDINATION
}
