package se.tidigt.gateway.demo;

import se.tidigt.rollout.api.AdoptWorkModel;
import se.tidigt.rollout.api.GrantFunding;
import se.tidigt.rollout.api.RecordStaffing;
import se.tidigt.rollout.api.ReinstateWorkModel;
import se.tidigt.rollout.api.SuspendWorkModel;
import se.tidigt.rollout.api.SuspensionReason;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The story so far: the Vällingby team ran in Hässelby-Vällingby from 2021, closed at the start of
 * 2023 for lack of budget and staff, and was reinstated a year ago with money from the social
 * investment fund; Farsta took the model up half a year ago.
 */
final class DemoRollout {
    private static final String HV = "hasselby-vallingby";
    private static final String TEAM = "VALLINGBY_TEAM";

    private DemoRollout() {
    }

    static List<Object> commands(LocalDate today) {
        LocalDate reinstated = today.minusMonths(12).withDayOfMonth(1);
        LocalDate farstaAdopts = today.minusMonths(6).withDayOfMonth(1);
        return List.of(
                new AdoptWorkModel(HV, TEAM, LocalDate.of(2021, 1, 1), null),
                new SuspendWorkModel(HV, TEAM, LocalDate.of(2023, 1, 1), SuspensionReason.BUDGET,
                        "The pilot closed for lack of budget and staff", null),
                new ReinstateWorkModel(HV, TEAM, reinstated, null),
                new GrantFunding(HV, "Social investment fund", 4_500_000, reinstated, reinstated.plusYears(2).minusDays(1), null),
                new RecordStaffing(HV, reinstated, new BigDecimal("9"), new BigDecimal("8"), null),
                new AdoptWorkModel("farsta", TEAM, farstaAdopts, null));
    }
}
