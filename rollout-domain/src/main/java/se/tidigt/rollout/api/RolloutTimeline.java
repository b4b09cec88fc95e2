package se.tidigt.rollout.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A district's rollout as a timeline ordered by effective date: what was adopted, suspended,
 * reinstated, funded and staffed, and what was planned. Folded from the district's events, so the
 * aggregate (to check its rules) and the read side (to answer "which model on that date") agree.
 */
public final class RolloutTimeline {
    private final List<DistrictRolloutEvent> events = new ArrayList<>();

    public static RolloutTimeline of(List<? extends DistrictRolloutEvent> events) {
        RolloutTimeline timeline = new RolloutTimeline();
        events.forEach(timeline::add);
        return timeline;
    }

    public void add(DistrictRolloutEvent event) {
        events.add(event);
    }

    /** The events by effective date; events of the same date in the order they were recorded. */
    public List<DistrictRolloutEvent> entries() {
        List<DistrictRolloutEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(DistrictRolloutEvent::effectiveFrom));
        return sorted;
    }

    /**
     * The model in force on a date: the latest adoption or reinstatement on or before it, unless that
     * model was suspended since. Empty means none was adopted: the district works in the ordinary way.
     */
    public Optional<String> modelInForceOn(LocalDate date) {
        String current = null;
        for (DistrictRolloutEvent event : entries()) {
            if (event.effectiveFrom().isAfter(date)) {
                break;
            }
            if (event instanceof WorkModelAdopted adopted) {
                current = adopted.workModel();
            } else if (event instanceof WorkModelReinstated reinstated) {
                current = reinstated.workModel();
            } else if (event instanceof WorkModelSuspended suspended && suspended.workModel().equals(current)) {
                current = null;
            }
        }
        return Optional.ofNullable(current);
    }

    /** True if the model was suspended on or before the date and not in force on it. */
    public boolean isSuspendedOn(String workModel, LocalDate date) {
        boolean suspendedBefore = entries().stream().anyMatch(e -> e instanceof WorkModelSuspended s
                && s.workModel().equals(workModel) && !s.effectiveFrom().isAfter(date));
        return suspendedBefore && !modelInForceOn(date).filter(workModel::equals).isPresent();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RolloutTimeline that && events.equals(that.events);
    }

    @Override
    public int hashCode() {
        return events.hashCode();
    }

    public List<AdoptionPlanned> plannedAdoptions() {
        return entries().stream().filter(AdoptionPlanned.class::isInstance).map(AdoptionPlanned.class::cast).toList();
    }
}
