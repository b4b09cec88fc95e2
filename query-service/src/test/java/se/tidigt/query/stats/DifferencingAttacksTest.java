package se.tidigt.query.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import se.tidigt.query.stats.protection.CellKeyMethod;
import se.tidigt.query.stats.protection.KeyedRecordKeys;
import se.tidigt.query.stats.protection.PerturbationTable;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.ToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sixteen withheld counts — the accepted offers of the Vällingby team in four districts × four months, each
 * 1 to 4 — attacked as an analyst would, route by route, from protected answers only: periods differenced
 * from either side, all work models minus the ordinary one, the city's team minus the other districts,
 * today's Järva minus one predecessor, and an averaging attack over every pair of periods around the month. A route recovers a count when its guess equals the withheld count.
 */
class DifferencingAttacksTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
    private static final List<String> DISTRICTS = List.of("farsta", "hasselby-vallingby", "rinkeby-kista", "spanga-tensta");
    private static final List<Integer> TARGET_MONTHS = List.of(3, 6, 9, 11);
    private static final String TEAM = "VALLINGBY_TEAM";

    private final Map<String, Long> withheld = new LinkedHashMap<>();
    private final SyntheticFacts city = city();

    private SyntheticFacts city() {
        Random random = new Random(16);
        SyntheticFacts facts = new SyntheticFacts();
        for (String district : DISTRICTS) {
            for (int month = 1; month <= 12; month++) {
                for (int i = 0; i < 6 + random.nextInt(5); i++) {
                    facts.add(district, "ORDINARY", day(month, i), random.nextBoolean() ? "A" : "D");
                }
                boolean target = TARGET_MONTHS.contains(month);
                int team = target ? 1 + random.nextInt(4) : 3 + random.nextInt(6);
                for (int i = 0; i < team; i++) {
                    facts.add(district, TEAM, day(month, 10 + i), "A");
                }
                if (target) {
                    withheld.put(district + "|" + month, (long) team);
                }
            }
        }
        return facts;
    }

    private static String day(int month, int i) {
        return YearMonth.of(2024, month).atDay(1 + i % 27) + "T09:00:00Z";
    }

    private CaseStatistics statistics(String secret) {
        return new CaseStatistics(city.repository(), SyntheticFacts.STOCKHOLM,
                new CellKeyMethod(new KeyedRecordKeys(secret), new PerturbationTable(5, 2)), CLOCK);
    }

    /** Accepted offers published for a district (or the city: null), a work model (null: all) and months a … b of 2024. */
    private final Map<String, Long> answers = new java.util.HashMap<>();

    private long accepted(CaseStatistics stats, String district, String workModel, int a, int b) {
        return answers.computeIfAbsent(System.identityHashCode(stats) + "|" + district + "|" + workModel + "|" + a + "|" + b,
                x -> ask(stats, district, workModel, a, b));
    }

    private static long ask(CaseStatistics stats, String district, String workModel, int a, int b) {
        StatsQuery query = new StatsQuery(YearMonth.of(2024, a).atDay(1), YearMonth.of(2024, b).atEndOfMonth(),
                district == null ? null : Set.of(district), workModel, null, true, StatsQuery.Grouping.NONE);
        List<ObjectNode> rows = stats.protectedRows(query);
        return rows.isEmpty() ? 0 : rows.get(0).at("/funnel/accepted").asLong();
    }

    private Map<String, ToLongFunction<String>> routes(CaseStatistics stats) {
        Map<String, ToLongFunction<String>> routes = new LinkedHashMap<>();
        routes.put("months 1…m minus months 1…m−1", target -> {
            String d = district(target);
            int m = month(target);
            return accepted(stats, d, TEAM, 1, m) - accepted(stats, d, TEAM, 1, m - 1);
        });
        routes.put("months m…12 minus months m+1…12", target -> {
            String d = district(target);
            int m = month(target);
            return accepted(stats, d, TEAM, m, 12) - accepted(stats, d, TEAM, m + 1, 12);
        });
        routes.put("every work model minus the ordinary one", target -> accepted(stats, district(target), null, month(target), month(target))
                - accepted(stats, district(target), "ORDINARY", month(target), month(target)));
        routes.put("the city's team minus the other districts' teams", target -> {
            long guess = accepted(stats, null, TEAM, month(target), month(target));
            for (String other : DISTRICTS) {
                if (!other.equals(district(target))) {
                    guess -= accepted(stats, other, TEAM, month(target), month(target));
                }
            }
            return guess;
        });
        routes.put("today's Järva minus the other predecessor", target -> {
            String d = district(target);
            if (!d.equals("rinkeby-kista") && !d.equals("spanga-tensta")) {
                return -1;
            }
            String other = d.equals("rinkeby-kista") ? "spanga-tensta" : "rinkeby-kista";
            return accepted(stats, "jarva", TEAM, month(target), month(target)) - accepted(stats, other, TEAM, month(target), month(target));
        });
        return routes;
    }

    /** The averaging attack: every pair of periods that differs by the month alone, averaged. */
    private long averaged(CaseStatistics stats, String target) {
        String d = district(target);
        int m = month(target);
        List<Long> guesses = new ArrayList<>();
        for (int a = 1; a < m; a++) {
            guesses.add(accepted(stats, d, TEAM, a, m) - accepted(stats, d, TEAM, a, m - 1));
        }
        for (int b = m + 1; b <= 12; b++) {
            guesses.add(accepted(stats, d, TEAM, m, b) - accepted(stats, d, TEAM, m + 1, b));
        }
        double mean = guesses.stream().mapToLong(Long::longValue).average().orElse(0);
        return Math.round(mean);
    }

    private static String district(String target) {
        return target.split("\\|")[0];
    }

    private static int month(String target) {
        return Integer.parseInt(target.split("\\|")[1]);
    }

    @Test
    void no_differencing_route_recovers_more_than_five_of_the_sixteen_withheld_counts() {
        assertThat(withheld).hasSize(16);
        assertThat(withheld.values()).allMatch(n -> n >= 1 && n <= 4);
        int deployments = 6;
        Map<String, Integer> recoveredInAll = new LinkedHashMap<>();
        Map<String, Integer> worst = new LinkedHashMap<>();
        for (int deployment = 0; deployment < deployments; deployment++) {
            CaseStatistics stats = statistics("held-out-attack-deployment-" + deployment);
            routes(stats).forEach((route, guess) -> {
                int recovered = 0;
                for (Map.Entry<String, Long> target : withheld.entrySet()) {
                    if (guess.applyAsLong(target.getKey()) == target.getValue()) {
                        recovered++;
                    }
                }
                worst.merge(route, recovered, Math::max);
                recoveredInAll.merge(route, recovered, Integer::sum);
            });
            int averaged = 0;
            for (Map.Entry<String, Long> target : withheld.entrySet()) {
                if (averaged(stats, target.getKey()) == target.getValue()) {
                    averaged++;
                }
            }
            recoveredInAll.merge("averaging every pair of periods", averaged, Integer::sum);
            worst.merge("averaging every pair of periods", averaged, Math::max);
            answers.clear();
        }
        recoveredInAll.forEach((route, total) -> System.out.printf("%s: %.2f of 16 on average, at most %s%n", route,
                (double) total / deployments, worst.get(route)));
        worst.forEach((route, most) -> assertThat(most).as(route).isLessThanOrEqualTo(5));
    }
}
