package se.tidigt.query.rollout;

import se.tidigt.rollout.api.DistrictRolloutEvent;
import se.tidigt.rollout.api.RolloutTimeline;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rollout read side over given timelines, no database: for plain-object tests of what reads it. */
public final class FixedRolloutViews extends RolloutViews {
    private final Map<String, List<DistrictRolloutEvent>> events;

    public FixedRolloutViews(Map<String, List<DistrictRolloutEvent>> events) {
        super(null, null);
        this.events = Map.copyOf(events);
    }

    @Override
    public RolloutTimeline timelineOf(String district) {
        return RolloutTimeline.of(events.getOrDefault(district, List.of()));
    }

    @Override
    public Optional<RolloutPlanView> plan(String planId) {
        return Optional.empty();
    }
}
