package se.tidigt.gateway.demo;

import se.tidigt.cases.api.*;
import se.tidigt.rollout.api.District;
import se.tidigt.rollout.api.DistrictCatalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * One case's steps after the concern, each with a delay drawn from the dice. Ordinary work passes
 * the family between an intake, an investigating and an intervening social worker; in the team
 * one worker holds every function. Deadlines are broken now and then (the team less often), some
 * investigations are extended, a few families move. Throws {@link NotYet} when a step would lie
 * after now, leaving the case open where it stands. Some accepted interventions are given with the child
 * placed out of home for their whole course ({@link Intake#placement()}): drawn from dice of the case's own
 * and timed by the intervention's own steps, so every other step of the city is as it was before.
 */
final class CaseSteps {
    private static final String[] EXTENSION_REASONS = {"Awaiting a child psychiatric assessment",
            "The family was abroad for several weeks", "Awaiting the police investigation"};

    /** The next step lies in the future. Carries no stack trace: it is how an open case ends its story. */
    static final class NotYet extends RuntimeException {
        NotYet() {
            super(null, null, false, false);
        }
    }

    private final String caseId;
    private final String district;
    private final int age;
    private final Intake intake;
    private final Random random;
    private final Instant now;
    private final DistrictCatalogue districts;
    private final List<Object> commands;
    private final String intakeWorker;
    private Instant t;

    CaseSteps(String caseId, String district, Instant received, int age, Intake intake, Random random, Instant now,
              DistrictCatalogue districts, List<Object> commands) {
        this.caseId = caseId;
        this.district = district;
        this.age = age;
        this.intake = intake;
        this.random = random;
        this.now = now;
        this.districts = districts;
        this.commands = commands;
        this.intakeWorker = worker();
        this.t = received;
    }

    /** @return the day the case closed */
    LocalDate play() {
        add(new AssignWorker(caseId, intakeWorker, WorkerFunction.INTAKE, after(0), null));
        int protectionDays = chance(0.9) ? 0 : chance(0.8) ? 1 : 2 + random.nextInt(3);
        add(new AssessProtectionNeed(caseId, after(protectionDays), chance(0.05), null));
        boolean late = chance(intake.team() ? 0.04 : 0.15);
        int assessmentDays = Math.max(1, (late ? 15 + random.nextInt(25) : 2 + random.nextInt(12)) - protectionDays);
        InitialAssessmentDecision decision = intake.decision(random);
        add(new CompleteInitialAssessment(caseId, after(assessmentDays), decision, null));
        if (chance(0.02)) {
            transfer();
        }
        if (decision == InitialAssessmentDecision.NO_ACTION) {
            return close(1 + random.nextInt(4), ClosureReason.NO_ACTION_NEEDED);
        }
        collaborate();
        if (decision == InitialAssessmentDecision.OPEN_INVESTIGATION && !investigate()) {
            return close(1 + random.nextInt(7), ClosureReason.NO_ACTION_NEEDED);
        }
        return offer(intake.intervention(age, random), true);
    }

    /** @return whether the investigation found an intervention needed */
    private boolean investigate() {
        Instant opened = after(random.nextInt(3));
        add(new OpenInvestigation(caseId, opened, null));
        add(new AssignWorker(caseId, intake.team() ? intakeWorker : worker(), WorkerFunction.INVESTIGATION, opened, null));
        boolean overdue = chance(intake.team() ? 0.04 : 0.17);
        int days = overdue ? 125 + random.nextInt(70) : intake.team() ? 30 + random.nextInt(70) : 45 + random.nextInt(70);
        if (overdue && chance(0.5)) {
            add(new ExtendInvestigation(caseId, after(100), Deadlines.investigationDue(opened).plusMonths(2),
                    EXTENSION_REASONS[random.nextInt(EXTENSION_REASONS.length)], null));
            days -= 100;
        }
        boolean needed = chance(intake.team() ? 0.8 : 0.65);
        add(new ConcludeInvestigation(caseId, after(days), needed ? InvestigationOutcome.INTERVENTION_NEEDED
                : InvestigationOutcome.NO_INTERVENTION_NEEDED, null));
        return needed;
    }

    private LocalDate offer(InterventionType type, boolean firstOffer) {
        String offerId = UUID.nameUUIDFromBytes((caseId + ":offer:" + firstOffer).getBytes()).toString();
        add(new OfferIntervention(caseId, offerId, after(1 + random.nextInt(intake.team() ? 5 : 12)), type, null));
        Instant answered = after(1 + random.nextInt(14));
        boolean accepted = intake.accepts(random); // only for answers recorded, so the recorded share is the model's
        if (!accepted) {
            add(new RecordFamilyResponse(caseId, offerId, answered, false, null, declineReason(), null));
            if (firstOffer && chance(0.2)) {
                return offer(intake.intervention(age, random), false);
            }
            return close(1 + random.nextInt(10), ClosureReason.FAMILY_DECLINED);
        }
        boolean childAlone = type.isOpen() && age >= 13 && chance(0.2);
        add(new RecordFamilyResponse(caseId, offerId, answered, true, childAlone ? ConsentBy.CHILD : ConsentBy.GUARDIANS, null, null));
        if (!intake.team()) {
            add(new AssignWorker(caseId, worker(), WorkerFunction.INTERVENTION, answered, null));
        } else {
            add(new AssignWorker(caseId, intakeWorker, WorkerFunction.INTERVENTION, answered, null));
        }
        Instant started = after(2 + random.nextInt(20));
        add(new StartIntervention(caseId, offerId, started, null));
        String placementId = placed(started);
        Instant ended = after(60 + random.nextInt(240));
        add(new EndIntervention(caseId, offerId, ended, outcome(), null));
        if (placementId != null) {
            add(new EndPlacement(caseId, placementId, ended, null));
        }
        return close(1 + random.nextInt(14), ClosureReason.SUPPORT_COMPLETED);
    }

    /**
     * Perhaps the intervention is given with the child placed out of home from its start (ending with it):
     * the placement's id, or null. Its dice are the case's own.
     */
    private String placed(Instant at) {
        Random dice = new Random(caseId.hashCode() * 31L + 17);
        if (dice.nextDouble() >= intake.placement()) {
            return null;
        }
        String placementId = UUID.nameUUIDFromBytes((caseId + ":placement").getBytes()).toString();
        add(new StartPlacement(caseId, placementId, at, intake.placementKind(age, dice), dice.nextDouble() < Intake.COMPULSORY,
                null));
        return placementId;
    }

    private void collaborate() {
        int count = intake.collaborations(random);
        for (int i = 0; i < count; i++) {
            add(new RecordCollaboration(caseId, intake.partner(random), CollaborationKind.values()[random.nextInt(4)],
                    after(1 + random.nextInt(10)), null));
        }
    }

    /** The family moves to another district of the city (valid on that day). */
    private void transfer() {
        Instant at = after(1 + random.nextInt(5));
        List<String> others = districts.validOn(Deadlines.localDate(at)).stream().map(District::code)
                .filter(code -> !code.equals(district)).toList();
        add(new TransferCase(caseId, others.get(random.nextInt(others.size())), at, null));
    }

    private LocalDate close(int days, ClosureReason reason) {
        Instant closed = after(days);
        add(new CloseCase(caseId, closed, reason, null));
        return Deadlines.localDate(closed);
    }

    /** A moment {@code days} working days or so after the last step; on the same day, a little later. */
    private Instant after(int days) {
        Instant next = days == 0 ? t.plusSeconds(600 + random.nextInt(7_200))
                : Deadlines.localDate(t).plusDays(days).atTime(8 + random.nextInt(8), random.nextInt(60))
                .atZone(Deadlines.ZONE).toInstant();
        if (next.isAfter(now)) {
            throw new NotYet();
        }
        t = next;
        return next;
    }

    private void add(Object command) {
        commands.add(command);
    }

    private String worker() {
        String prefix = intake.team() ? "team-" : "sw-";
        return prefix + Math.abs((district + random.nextInt(intake.team() ? 9 : 40)).hashCode());
    }

    private DeclineReason declineReason() {
        return DeclineReason.values()[random.nextInt(DeclineReason.values().length)];
    }

    private InterventionEndOutcome outcome() {
        double roll = random.nextDouble();
        return roll < 0.55 ? InterventionEndOutcome.GOALS_MET : roll < 0.8 ? InterventionEndOutcome.GOALS_PARTLY_MET
                : roll < 0.92 ? InterventionEndOutcome.GOALS_NOT_MET : InterventionEndOutcome.DISCONTINUED;
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }
}
