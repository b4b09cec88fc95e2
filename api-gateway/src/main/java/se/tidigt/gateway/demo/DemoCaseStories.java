package se.tidigt.gateway.demo;

import se.tidigt.cases.api.*;
import se.tidigt.cases.api.identity.Pseudonymiser;
import se.tidigt.cases.api.identity.SyntheticIdentityNumbers;
import se.tidigt.rollout.api.RolloutTimeline;
import se.tidigt.rollout.api.WorkModels;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Writes plausible case histories as command sequences: a concern, then each step with some
 * probability and a realistic delay, stopping at whatever stage the dice choose. All times lie in
 * the past, so every rule of the case domain holds.
 */
final class DemoCaseStories {
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final ReporterCategory[] REPORTERS = ReporterCategory.values();
    private static final ConcernKind[] CONCERNS = ConcernKind.values();

    private final String district;
    private final LocalDate today;
    private final Random random;
    private final Pseudonymiser pseudonymiser;
    private final RolloutTimeline rollout;

    DemoCaseStories(String district, LocalDate today, Random random, Pseudonymiser pseudonymiser, RolloutTimeline rollout) {
        this.district = district;
        this.today = today;
        this.random = random;
        this.pseudonymiser = pseudonymiser;
        this.rollout = rollout;
    }

    List<List<Object>> generate(int count) {
        List<List<Object>> stories = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stories.add(story());
        }
        return stories;
    }

    private List<Object> story() {
        List<Object> commands = new ArrayList<>();
        String caseId = UUID.nameUUIDFromBytes((district + random.nextLong()).getBytes()).toString();
        Instant received = at(today.minusDays(30 + random.nextInt(700)));
        LocalDate birth = today.minusYears(3 + random.nextInt(15)).minusDays(random.nextInt(365));
        Child child = pseudonymiser.childOf(SyntheticIdentityNumbers.forBirthDate(birth, random));
        String model = rollout.modelInForceOn(LocalDate.ofInstant(received, STOCKHOLM)).orElse(WorkModels.ORDINARY_CODE);
        commands.add(new RaiseConcern(caseId, district, received, pick(REPORTERS), concerns(), child, model));
        Instant t = received;
        commands.add(new AssessProtectionNeed(caseId, t = later(t, 0, 1), random.nextInt(10) == 0, null));
        if (random.nextInt(10) == 0) {
            return commands;
        }
        commands.add(new CompleteInitialAssessment(caseId, t = later(t, 2, 16), decision(), null));
        InitialAssessmentDecision decision = ((CompleteInitialAssessment) commands.get(2)).decision();
        if (decision == InitialAssessmentDecision.NO_ACTION) {
            commands.add(new CloseCase(caseId, later(t, 1, 5), ClosureReason.NO_ACTION_NEEDED, null));
            return commands;
        }
        if (decision == InitialAssessmentDecision.OPEN_INVESTIGATION) {
            commands.add(new OpenInvestigation(caseId, t = later(t, 0, 3), null));
            commands.add(new AssignWorker(caseId, "w-" + district + "-" + random.nextInt(9), WorkerFunction.INVESTIGATION, t, null));
            if (random.nextInt(6) == 0) {
                return commands;
            }
            boolean needed = random.nextInt(4) != 0;
            commands.add(new ConcludeInvestigation(caseId, t = later(t, 40, 130),
                    needed ? InvestigationOutcome.INTERVENTION_NEEDED : InvestigationOutcome.NO_INTERVENTION_NEEDED, null));
            if (!needed) {
                commands.add(new CloseCase(caseId, later(t, 1, 5), ClosureReason.NO_ACTION_NEEDED, null));
                return commands;
            }
        }
        return offerAndIntervene(commands, caseId, t, model.equals(WorkModels.VALLINGBY_TEAM_CODE) ? 95 : 55);
    }

    /** Families accept in {@code acceptancePercent} of cases: the pilot saw about 95 % in the team, 55 % otherwise. */
    private List<Object> offerAndIntervene(List<Object> commands, String caseId, Instant t, int acceptancePercent) {
        String offerId = UUID.nameUUIDFromBytes((caseId + "offer").getBytes()).toString();
        commands.add(new RecordCollaboration(caseId, CollaborationPartner.SCHOOL, CollaborationKind.MEETING, t = later(t, 1, 7), null));
        commands.add(new OfferIntervention(caseId, offerId, t = later(t, 1, 10), InterventionType.FAMILY_TREATMENT, null));
        if (random.nextInt(100) >= acceptancePercent) {
            commands.add(new RecordFamilyResponse(caseId, offerId, later(t, 1, 10), false, null, DeclineReason.NOT_WANTED, null));
            return commands;
        }
        commands.add(new RecordFamilyResponse(caseId, offerId, t = later(t, 1, 10), true, ConsentBy.GUARDIANS, null, null));
        commands.add(new StartIntervention(caseId, offerId, t = later(t, 3, 20), null));
        if (random.nextBoolean()) {
            commands.add(new EndIntervention(caseId, offerId, t = later(t, 60, 200), InterventionEndOutcome.GOALS_MET, null));
            commands.add(new CloseCase(caseId, later(t, 1, 10), ClosureReason.SUPPORT_COMPLETED, null));
        }
        return commands;
    }

    /** A time some days after {@code t}, never later than now. */
    private Instant later(Instant t, int minDays, int maxDays) {
        Instant next = t.plusSeconds(86_400L * (minDays + random.nextInt(maxDays - minDays + 1)) + random.nextInt(20_000));
        Instant now = Instant.now().minusSeconds(60);
        return next.isAfter(now) ? now : next;
    }

    private Instant at(LocalDate date) {
        return date.atTime(8 + random.nextInt(9), random.nextInt(60)).atZone(STOCKHOLM).toInstant();
    }

    private InitialAssessmentDecision decision() {
        int roll = random.nextInt(10);
        return roll < 5 ? InitialAssessmentDecision.OPEN_INVESTIGATION
                : roll < 8 ? InitialAssessmentDecision.EARLY_SUPPORT : InitialAssessmentDecision.NO_ACTION;
    }

    private EnumSet<ConcernKind> concerns() {
        EnumSet<ConcernKind> kinds = EnumSet.of(pick(CONCERNS));
        if (random.nextInt(3) == 0) {
            kinds.add(pick(CONCERNS));
        }
        return kinds;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
