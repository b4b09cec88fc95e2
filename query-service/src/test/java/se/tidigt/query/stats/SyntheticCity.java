package se.tidigt.query.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A random city of case facts for comparing answers: children with several cases, transfers, erased
 * children, open and closed cases, investigations (some extended, some still open), offers with every
 * answer, collaborations, every concern kind, times near midnight (Stockholm's day is not UTC's).
 */
final class SyntheticCity {
    static final List<String> DISTRICTS = List.of("farsta", "hasselby-vallingby", "rinkeby-kista", "spanga-tensta", "jarva");
    static final List<String> WORK_MODELS = List.of("ORDINARY", "VALLINGBY_TEAM", "INTENSIVE");
    static final List<String> CONCERNS = List.of("SUBSTANCE_USE_RISK", "CRIME_RISK", "VIOLENCE", "NEGLECT", "MENTAL_HEALTH",
            "SCHOOL_ABSENCE", "OTHER");
    static final List<String> PARTNERS = List.of("SCHOOL", "POLICE", "HEALTH_CARE", "YOUTH_CLINIC");
    static final Instant START = Instant.parse("2021-01-01T00:00:00Z");
    static final long SPAN_DAYS = 2_150;

    private SyntheticCity() {
    }

    static SyntheticFacts of(long seed, int cases) {
        Random random = new Random(seed);
        int children = Math.max(1, cases * 2 / 5);
        Map<String, YearMonth> births = new HashMap<>();
        List<CaseFact> facts = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            String caseId = "case-" + seed + "-" + i;
            String child = random.nextInt(20) == 0 ? "erased:" + caseId : "child-" + random.nextInt(children);
            YearMonth birth = births.computeIfAbsent(child, c -> YearMonth.of(2004 + random.nextInt(19), 1 + random.nextInt(12)));
            String district = pick(random, DISTRICTS);
            String current = random.nextInt(7) == 0 ? pick(random, DISTRICTS) : district;
            Instant received = START.plusSeconds(random.nextLong(SPAN_DAYS * 86_400L));
            if (random.nextInt(6) == 0) {
                received = Instant.parse(Stats.date(received) + "T22:" + (10 + random.nextInt(49)) + ":00Z");
            }
            Instant protection = maybe(random, 80, received, 0, 4);
            Instant initial = maybe(random, 85, received, 0, 30);
            Instant opened = initial == null ? null : maybe(random, 50, initial, 0, 10);
            LocalDate due = opened == null ? null : Stats.date(opened).plusDays(random.nextInt(5) == 0 ? 180 : 120);
            Instant concluded = opened == null ? null : maybe(random, 70, opened, 20, 220);
            Instant closed = maybe(random, 70, received, 5, 900);
            List<CaseFact.OfferFact> offers = new ArrayList<>();
            int offerCount = random.nextInt(5) == 0 ? 0 : random.nextInt(4);
            for (int o = 0; o < offerCount; o++) {
                Instant offered = received.plusSeconds(86_400L * random.nextInt(200) + random.nextInt(86_400));
                int a = random.nextInt(3);
                String answer = a == 0 ? null : a == 1 ? "ACCEPTED" : "DECLINED";
                Instant started = a == 1 && random.nextInt(10) < 7 ? offered.plusSeconds(86_400L * random.nextInt(60)) : null;
                Instant ended = started != null && random.nextInt(10) < 4 ? started.plusSeconds(86_400L * random.nextInt(300)) : null;
                offers.add(new CaseFact.OfferFact("offer-" + o, offered, answer, answer == null ? null : offered.plusSeconds(3600),
                        started, ended));
            }
            offers.sort(Comparator.comparing(CaseFact.OfferFact::offeredAt));
            Map<String, Integer> collaborations = new HashMap<>();
            for (int p = random.nextInt(3); p > 0; p--) {
                collaborations.put(pick(random, PARTNERS), random.nextInt(6));
            }
            Set<String> concerns = new LinkedHashSet<>();
            concerns.add(pick(random, CONCERNS));
            while (random.nextInt(3) == 0) {
                concerns.add(pick(random, CONCERNS));
            }
            facts.add(new CaseFact(caseId, district, current, pick(random, WORK_MODELS), Set.copyOf(concerns), child, birth,
                    received, protection, initial, initial == null ? null : "INVESTIGATE", opened, due, concluded,
                    concluded == null ? null : "SUPPORT", closed, random.nextInt(4), offers, collaborations,
                    placements(new Random(seed * 7919 + i), received)));
        }
        // The facts' own order (CaseFacts.all: received_at, case_id).
        facts.sort(Comparator.comparing(CaseFact::receivedAt).thenComparing(CaseFact::caseId));
        SyntheticFacts city = new SyntheticFacts();
        facts.forEach(city::add);
        return city;
    }

    /**
     * One child in eight placed out of home some time after the concern, some more than once, some still placed.
     * A random source of its own, so the rest of the city is what it was before placements existed.
     */
    private static List<CaseFact.PlacementFact> placements(Random random, Instant received) {
        List<CaseFact.PlacementFact> placements = new ArrayList<>();
        Instant next = received.plusSeconds(86_400L * random.nextInt(900));
        for (int p = 0; random.nextInt(8) == 0 && p < 3; p++) {
            Instant started = next.plusSeconds(random.nextInt(86_400));
            Instant ended = random.nextInt(3) == 0 ? null : started.plusSeconds(86_400L * random.nextInt(400) + 3600);
            placements.add(new CaseFact.PlacementFact("placement-" + p, pick(random, List.of("HVB", "FAMILY_HOME",
                    "SUPPORTED_HOUSING")), random.nextBoolean(), started, ended));
            if (ended == null) {
                break;
            }
            next = ended.plusSeconds(86_400L * random.nextInt(100));
        }
        return placements;
    }

    private static Instant maybe(Random random, int percent, Instant after, int minDays, int maxDays) {
        return random.nextInt(100) < percent
                ? after.plusSeconds(86_400L * (minDays + random.nextInt(maxDays - minDays + 1)) + random.nextInt(86_400)) : null;
    }

    static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
