package se.tidigt.demo;

import se.tidigt.rollout.api.AdoptWorkModel;
import se.tidigt.rollout.api.ApproveRolloutPlan;
import se.tidigt.rollout.api.CreateRolloutPlan;
import se.tidigt.rollout.api.GrantFunding;
import se.tidigt.rollout.api.PlanAdoption;
import se.tidigt.rollout.api.RecordStaffing;
import se.tidigt.rollout.api.ReinstateWorkModel;
import se.tidigt.rollout.api.RolloutDesign;
import se.tidigt.rollout.api.SteppedWedge;
import se.tidigt.rollout.api.SuspendWorkModel;
import se.tidigt.rollout.api.SuspensionReason;
import se.tidigt.rollout.api.WaveAssignment;
import se.tidigt.rollout.api.WorkModels;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The city's story so far, as rollout commands. The Vällingby team ran as a pilot in
 * Hässelby-Vällingby in 2021–2022 on money from the social investment fund, lost staff in its
 * second autumn and closed when the money ended (budget, recruitment); it was reinstated 23 months
 * before last month as ordinary work with resources, and an approved stepped-wedge plan spreads it
 * over the ten other districts in four waves of six months, the first starting 17 months before
 * last month, so that three waves have started and one is still planned. Dates follow today, so
 * the story stays current; the schedule is the domain's own {@link SteppedWedge} for the seed.
 */
final class DemoRollout {
    static final String HV = "hasselby-vallingby";
    static final String TEAM = WorkModels.VALLINGBY_TEAM_CODE;
    static final String PLAN_ID = "demo-rollout-plan";
    static final long PLAN_SEED = 2025L;
    static final int WAVES = 4;
    static final int MONTHS_PER_WAVE = 6;

    private final YearMonth lastMonth;
    private final List<String> otherDistricts;

    DemoRollout(YearMonth lastMonth, List<String> todaysDistricts) {
        this.lastMonth = lastMonth;
        this.otherDistricts = todaysDistricts.stream().filter(d -> !d.equals(HV)).sorted().toList();
    }

    LocalDate reinstated() {
        return lastMonth.minusMonths(23).atDay(1);
    }

    LocalDate firstWaveStart() {
        return lastMonth.minusMonths(17).atDay(1);
    }

    List<WaveAssignment> schedule() {
        return SteppedWedge.schedule(otherDistricts, firstWaveStart(), WAVES, MONTHS_PER_WAVE, PLAN_SEED);
    }

    /** Every rollout command, in the order the city recorded them. */
    List<Object> commands() {
        List<Object> commands = new ArrayList<>(pilot());
        commands.addAll(plan());
        return commands;
    }

    private List<Object> pilot() {
        LocalDate start = LocalDate.of(2021, 1, 1);
        LocalDate end = LocalDate.of(2023, 1, 1);
        LocalDate reinstated = reinstated();
        return List.of(
                new AdoptWorkModel(HV, TEAM, start, null),
                new GrantFunding(HV, "Social investment fund", 9_600_000, start, end.minusDays(1), null),
                new RecordStaffing(HV, start, new BigDecimal("9"), new BigDecimal("9"), null),
                new RecordStaffing(HV, LocalDate.of(2022, 9, 1), new BigDecimal("9"), new BigDecimal("6"), null),
                new SuspendWorkModel(HV, TEAM, end, SuspensionReason.BUDGET,
                        "The pilot closed when the social investment fund's money ended; three of nine posts could not be filled.", null),
                new ReinstateWorkModel(HV, TEAM, reinstated, null),
                new GrantFunding(HV, "District budget (ordinary work)", 6_300_000, reinstated, reinstated.plusYears(3).minusDays(1), null),
                new RecordStaffing(HV, reinstated, new BigDecimal("9"), new BigDecimal("7"), null));
    }

    /** The plan, its approval, each wave's planned adoption, and the adoptions of the waves that have started. */
    private List<Object> plan() {
        LocalDate first = firstWaveStart();
        LocalDate today = lastMonth.plusMonths(1).atDay(1);
        ZoneId zone = ZoneId.of("Europe/Stockholm");
        List<Object> commands = new ArrayList<>();
        commands.add(new CreateRolloutPlan(PLAN_ID, TEAM, otherDistricts, first, WAVES, MONTHS_PER_WAVE,
                RolloutDesign.STEPPED_WEDGE, PLAN_SEED, "analyst", first.minusMonths(4).atTime(10, 0).atZone(zone).toInstant()));
        commands.add(new ApproveRolloutPlan(PLAN_ID, "admin", first.minusMonths(3).atTime(14, 0).atZone(zone).toInstant()));
        for (WaveAssignment wave : schedule()) {
            commands.add(new PlanAdoption(wave.district(), TEAM, wave.start(), PLAN_ID, wave.wave(), null));
        }
        for (WaveAssignment wave : schedule()) {
            if (wave.start().isBefore(today)) {
                commands.add(new AdoptWorkModel(wave.district(), TEAM, wave.start(), null));
                commands.add(new GrantFunding(wave.district(), "City rollout budget", 4_200_000, wave.start(),
                        wave.start().plusYears(2).minusDays(1), null));
                commands.add(new RecordStaffing(wave.district(), wave.start(), new BigDecimal("6"),
                        new BigDecimal(wave.wave() == 1 ? "6" : "5"), null));
            }
        }
        return commands;
    }
}
