package se.tidigt.demo;

import se.tidigt.cases.api.*;
import se.tidigt.cases.api.identity.PersonalIdentityNumber;
import se.tidigt.cases.api.identity.Pseudonymiser;
import se.tidigt.cases.api.identity.SyntheticIdentityNumbers;
import se.tidigt.rollout.api.District;
import se.tidigt.rollout.api.DistrictCatalogue;
import se.tidigt.rollout.api.WorkModels;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Synthetic case histories for every district, month by month from 2019 to last month, as the
 * commands a district would have sent. Deterministic: the same seed, volume and today give the same
 * cases. Before the 2023 merger a case belongs to the district of that time. The dice decide each
 * step and its delay; a step that would lie after now is not taken, so recent cases stay open and
 * fill the districts' worklists. Deadlines are sometimes broken, investigations sometimes extended,
 * families sometimes move (transfers), and children come back (re-referrals).
 */
final class CaseStories {
    static final YearMonth FIRST_MONTH = YearMonth.of(2019, 1);
    /** Relative sizes of today's districts (about their share of the city's children). */
    private static final Map<String, Double> SIZE = Map.ofEntries(Map.entry("bromma", 0.9), Map.entry("enskede-arsta-vantor", 1.3),
            Map.entry("farsta", 0.9), Map.entry("hagersten-alvsjo", 1.1), Map.entry("hasselby-vallingby", 1.0),
            Map.entry("jarva", 1.6), Map.entry("kungsholmen", 0.7), Map.entry("norra-innerstaden", 0.8),
            Map.entry("skarpnack", 0.8), Map.entry("skarholmen", 0.9), Map.entry("sodermalm", 1.0));
    private static final double[] SEASON = {1.0, 1.1, 1.15, 1.05, 1.1, 0.95, 0.55, 0.8, 1.15, 1.15, 1.1, 0.9};

    private final Random random;
    private final long seed;
    private final double casesPerYear;
    private final Instant now;
    private final YearMonth lastMonth;
    private final DistrictCatalogue districts;
    private final BiFunction<String, LocalDate, String> modelInForce;
    private final Pseudonymiser pseudonymiser;
    private final Intake ordinary = new Intake(false);
    private final Intake team = new Intake(true);
    private final Map<String, List<ChildSeen>> children = new TreeMap<>();
    private int counter;

    /** A child whose case closed on {@code closedOn}, who may be reported again. */
    private record ChildSeen(PersonalIdentityNumber number, LocalDate birth, LocalDate closedOn) {
    }

    CaseStories(long seed, double casesPerYear, Instant now, DistrictCatalogue districts,
                BiFunction<String, LocalDate, String> modelInForce, Pseudonymiser pseudonymiser) {
        this.random = new Random(seed);
        this.seed = seed;
        this.casesPerYear = casesPerYear;
        this.now = now.minusSeconds(3_600);
        this.lastMonth = YearMonth.from(Deadlines.localDate(now)).minusMonths(1);
        this.districts = districts;
        this.modelInForce = modelInForce;
        this.pseudonymiser = pseudonymiser;
    }

    List<CaseStory> generate() {
        List<String> todays = districts.validOn(lastMonth.atEndOfMonth()).stream().map(District::code).sorted().toList();
        double totalSize = todays.stream().mapToDouble(d -> SIZE.getOrDefault(d, 1.0)).sum();
        List<CaseStory> stories = new ArrayList<>();
        for (YearMonth month = FIRST_MONTH; !month.isAfter(lastMonth); month = month.plusMonths(1)) {
            for (String district : todays) {
                double expected = casesPerYear / 12 * SIZE.getOrDefault(district, 1.0) / totalSize
                        * SEASON[month.getMonthValue() - 1];
                int count = poisson(expected);
                for (int i = 0; i < count; i++) {
                    LocalDate date = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
                    stories.add(story(district, date));
                }
            }
        }
        stories.addAll(OpenAccessStories.generate(random, todays, lastMonth));
        return stories;
    }

    private CaseStory story(String todaysDistrict, LocalDate date) {
        String district = asItWasOn(todaysDistrict, date);
        String model = modelInForce.apply(district, date);
        Intake intake = WorkModels.VALLINGBY_TEAM_CODE.equals(model) ? team : ordinary;
        String caseId = UUID.nameUUIDFromBytes(("demo:" + seed + ":" + counter++).getBytes()).toString();
        ChildSeen child = childFor(todaysDistrict, date, intake);
        int age = years(child.birth(), date);
        Instant received = date.atTime(8 + random.nextInt(9), random.nextInt(60)).atZone(Deadlines.ZONE).toInstant();
        List<Object> commands = new ArrayList<>();
        commands.add(new RaiseConcern(caseId, district, received, intake.reporter(random), intake.concerns(age, random),
                pseudonymiser.childOf(child.number()), model));
        LocalDate closed = null;
        try {
            closed = new CaseSteps(caseId, district, received, age, intake, random, recordedUntil(received), districts,
                    commands).play();
        } catch (CaseSteps.NotYet stop) {
            // the next step lies after now: the case is still open
        }
        children.computeIfAbsent(todaysDistrict, d -> new ArrayList<>()).add(new ChildSeen(child.number(), child.birth(),
                closed == null ? LocalDate.MAX : closed));
        return new CaseStory(caseId, model, commands);
    }

    /**
     * How far the district has recorded the case: everything up to now, except that a fifth of the
     * last six months' concerns wait in the district's backlog after the protection assessment, so
     * the worklists show overdue initial assessments as a real district's do.
     */
    private Instant recordedUntil(Instant received) {
        if (received.isAfter(now.minus(java.time.Duration.ofDays(182))) && random.nextDouble() < 0.2) {
            Instant behind = received.plus(java.time.Duration.ofDays(2));
            return behind.isBefore(now) ? behind : now;
        }
        return now;
    }

    /** A child reported before (within three years of their last closed case) or a new one. */
    private ChildSeen childFor(String todaysDistrict, LocalDate date, Intake intake) {
        List<ChildSeen> seen = children.getOrDefault(todaysDistrict, List.of());
        if (!seen.isEmpty() && random.nextDouble() < 0.16) {
            for (int attempt = 0; attempt < 6; attempt++) {
                ChildSeen candidate = seen.get(Math.max(0, seen.size() - 1 - random.nextInt(Math.min(seen.size(), 400))));
                if (candidate.closedOn().isBefore(date) && candidate.closedOn().isAfter(date.minusYears(3))
                        && years(candidate.birth(), date) <= 17) {
                    return candidate;
                }
            }
        }
        int age = intake.age(random);
        LocalDate birth = date.minusYears(age).minusDays(random.nextInt(365));
        return new ChildSeen(SyntheticIdentityNumbers.forBirthDate(birth, random), birth, LocalDate.MAX);
    }

    /** Today's district on a date before the merger is one of its predecessors. */
    private String asItWasOn(String todaysDistrict, LocalDate date) {
        if (districts.isValidOn(todaysDistrict, date)) {
            return todaysDistrict;
        }
        List<String> then = districts.find(todaysDistrict).orElseThrow().predecessors().stream()
                .filter(code -> districts.isValidOn(code, date)).toList();
        return then.isEmpty() ? todaysDistrict : then.get(random.nextInt(then.size()));
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    private static int years(LocalDate from, LocalDate to) {
        return java.time.Period.between(from, to).getYears();
    }
}
