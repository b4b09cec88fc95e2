package se.tidigt.query.rollout;

import se.tidigt.rollout.api.*;

import java.util.Map;

/** The district rollout events by the short names the API shows as {@code kind}. */
public final class RolloutEventTypes {
    static final Map<String, Class<? extends DistrictRolloutEvent>> BY_NAME = Map.of(
            "ADOPTED", WorkModelAdopted.class,
            "SUSPENDED", WorkModelSuspended.class,
            "REINSTATED", WorkModelReinstated.class,
            "FUNDING", FundingGranted.class,
            "STAFFING", StaffingRecorded.class,
            "PLANNED_ADOPTION", AdoptionPlanned.class);

    private RolloutEventTypes() {
    }

    public static String nameOf(DistrictRolloutEvent event) {
        return BY_NAME.entrySet().stream().filter(e -> e.getValue().isInstance(event)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown rollout event " + event.getClass())).getKey();
    }
}
