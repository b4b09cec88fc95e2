package se.tidigt.query.stats.effect;

import se.tidigt.rollout.api.AdoptionPlanned;
import se.tidigt.rollout.api.DistrictRolloutEvent;
import se.tidigt.rollout.api.RolloutTimeline;
import se.tidigt.rollout.api.WorkModelAdopted;
import se.tidigt.rollout.api.WorkModelReinstated;
import se.tidigt.rollout.api.WorkModelSuspended;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A district's exposure to a work model, read from its rollout timeline and its predecessors' (an
 * adoption recorded under Rinkeby-Kista in 2022 counts for Järva). The first adoption is the event:
 * Callaway–Sant'Anna assume "once treated, always treated", so a suspension ends the district's usable
 * months (they are neither treated nor a fair comparison) and later spells are reported apart.
 *
 * <p>A month in which the model started or stopped part-way is neither before nor after: it is
 * {@link #classify classified} as partial and left out. The first fully treated month is g.
 */
record Exposure(List<Spell> spells, String planId) {

    /** A spell of the model in force: from a day, to the day it stopped (exclusive), null while it lasts. */
    record Spell(LocalDate from, LocalDate to) {
    }

    static Exposure of(List<RolloutTimeline> timelines, String workModel) {
        List<DistrictRolloutEvent> events = new ArrayList<>();
        timelines.forEach(t -> events.addAll(t.entries()));
        events.sort(Comparator.comparing(DistrictRolloutEvent::effectiveFrom));
        List<Spell> spells = new ArrayList<>();
        LocalDate start = null;
        String planId = null;
        for (DistrictRolloutEvent event : events) {
            boolean begins = event instanceof WorkModelAdopted a && a.workModel().equals(workModel)
                    || event instanceof WorkModelReinstated r && r.workModel().equals(workModel);
            boolean ends = event instanceof WorkModelSuspended s && s.workModel().equals(workModel)
                    || event instanceof WorkModelAdopted other && !other.workModel().equals(workModel);
            if (begins && start == null) {
                start = event.effectiveFrom();
            } else if (ends && start != null) {
                spells.add(new Spell(start, event.effectiveFrom()));
                start = null;
            }
            if (event instanceof AdoptionPlanned p && p.workModel().equals(workModel) && planId == null) {
                planId = p.planId();
            }
        }
        if (start != null) {
            spells.add(new Spell(start, null));
        }
        return new Exposure(List.copyOf(spells), planId);
    }

    boolean adopted() {
        return !spells.isEmpty();
    }

    LocalDate firstAdoption() {
        return adopted() ? spells.get(0).from() : null;
    }

    /** g: the first month in force from its first day. */
    YearMonth firstTreatedMonth() {
        return adopted() ? firstFullMonth(firstAdoption()) : null;
    }

    static YearMonth firstFullMonth(LocalDate start) {
        YearMonth month = YearMonth.from(start);
        return start.getDayOfMonth() == 1 ? month : month.plusMonths(1);
    }

    /** Whether the model was in force on every day of the month. */
    boolean inForceAllMonth(YearMonth month) {
        return spells.stream().anyMatch(s -> !s.from().isAfter(month.atDay(1))
                && (s.to() == null || s.to().isAfter(month.atEndOfMonth())));
    }

    /** Whether the model started or stopped part-way through the month (neither in force nor out of it). */
    boolean changesWithin(YearMonth month) {
        return spells.stream().anyMatch(s -> partWay(s.from(), month) || s.to() != null && partWay(s.to(), month));
    }

    private static boolean partWay(LocalDate day, YearMonth month) {
        return YearMonth.from(day).equals(month) && day.getDayOfMonth() != 1;
    }

    /** Why a month cannot be used, or null if it can. */
    String classify(YearMonth month) {
        if (!adopted()) {
            return null;
        }
        LocalDate from = firstAdoption();
        if (from.getDayOfMonth() != 1 && YearMonth.from(from).equals(month)) {
            return "adopted part-way through the month (" + from + "): neither before nor after";
        }
        LocalDate to = spells.get(0).to();
        if (to != null && !month.isBefore(YearMonth.from(to))) {
            return "after the first spell ended (" + to + "): not treated as adopted, not a fair comparison";
        }
        return null;
    }
}
