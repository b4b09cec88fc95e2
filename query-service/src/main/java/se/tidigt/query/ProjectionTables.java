package se.tidigt.query;

import java.util.List;
import java.util.Map;

/** Which read tables each projection (processing group) owns: what a rebuild locks and replaces. */
public final class ProjectionTables {
    public static final Map<String, List<String>> BY_PROCESSING_GROUP = Map.of(
            "case-view", List.of("case_view"),
            "rollout", List.of("work_model", "district_rollout_event", "rollout_plan"),
            "case-statistics", List.of("case_fact", "case_worker_fact", "offer_fact", "collaboration_fact", "open_access_fact",
                    "placement_fact"));

    private ProjectionTables() {
    }
}
