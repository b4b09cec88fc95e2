package se.tidigt.benchmarks;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.tidigt.gateway.TidigtApplication;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.SyntheticEvents;
import se.tidigt.query.stats.CaseStatistics;
import se.tidigt.query.stats.StatsQuery;

import java.time.LocalDate;
import java.util.Set;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The statistics under concurrent readers at city scale. The facts are written straight into the fact
 * tables (synthetic, as the projection would), since it is the read that is measured. Then: each
 * dashboard query once, cold (the facts loaded and the figures computed); {@code readers} threads
 * each sending {@code requests} requests, round robin over the queries (p50/p99 over all); and one
 * query right after each of five single-case changes (stamped as the projection stamps them: the facts
 * brought forward by delta, the figures computed again). Arguments: cases (default
 * 125000, about five years of a city: ~1,000,000 events), readers (32), requests per reader (20), then
 * {@code --name=value} settings, e.g. {@code --tidigt.stats.answer-bytes=1048576} for a smaller answer cache.
 */
public final class StatisticsReadBenchmark {
    static final List<String[]> QUERIES = List.of(
            new String[]{"analyst", "/api/v1/stats/city?groupBy=district"},
            new String[]{"analyst", "/api/v1/stats/city?groupBy=month&from=2024-01&to=2024-12"},
            new String[]{"analyst", "/api/v1/stats/city?groupBy=workModel&concern=CRIME_RISK,SUBSTANCE_USE_RISK"},
            new String[]{"analyst", "/api/v1/stats/districts/farsta?from=2024-03&to=2024-08"},
            new String[]{"farsta-admin", "/api/v1/stats/districts/farsta?from=2024-03-05&to=2024-08-20"},
            new String[]{"analyst", "/api/v1/stats/rollout-effect?workModel=VALLINGBY_TEAM&metric=acceptanceRate"});

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 125_000;
        int readers = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        String[] settings = args.length > 3 ? java.util.Arrays.copyOfRange(args, 3, args.length) : new String[0];
        TidigtApplication.disableAxonUpdateChecker();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TidigtApplication.class)
                .run(BenchmarkApplication.arguments(settings))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            insertFacts(jdbc, cases);
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            for (String[] query : QUERIES) {
                long cpu = processCpuNanos();
                long millis = time(port, query);
                System.out.printf("cold %-95s %,d ms, JVM CPU %,d ms%n", query[1], millis, (processCpuNanos() - cpu) / 1_000_000);
            }
            Readings readings = readConcurrently(readers, requests,
                    (reader, i) -> time(port, QUERIES.get((reader + i) % QUERIES.size())));
            List<Long> millis = readings.millis();
            double seconds = readings.seconds();
            System.out.printf("| %,d cases | %d readers | %,d requests | p50 %,d ms | p99 %,d ms | max %,d ms | %.0f requests/s |%n",
                    cases, readers, millis.size(), percentile(millis, 0.5), percentile(millis, 0.99),
                    millis.get(millis.size() - 1), millis.size() / seconds);
            // The same readers calling the statistics service in-process: what the statistics cost without HTTP,
            // security and the access log (every HTTP read appends to the access log's hash chain, one at a time).
            // No answer is kept below HTTP (since 2026-11-25): each call is computed from the cell summaries.
            CaseStatistics statistics = app.getBean(CaseStatistics.class);
            List<StatsQuery> direct = List.of(
                    new StatsQuery(null, null, null, null, null, false, StatsQuery.Grouping.DISTRICT),
                    new StatsQuery(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), null, null, null, false,
                            StatsQuery.Grouping.MONTH),
                    new StatsQuery(null, null, null, null, Set.of("CRIME_RISK", "SUBSTANCE_USE_RISK"), false,
                            StatsQuery.Grouping.WORK_MODEL),
                    new StatsQuery(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 8, 31), Set.of("farsta"), null, null, false,
                            StatsQuery.Grouping.DISTRICT));
            // Timed in microseconds here: an in-process call takes well under a millisecond.
            Readings calls = readConcurrently(readers, requests * 10, (reader, i) -> {
                long begin = System.nanoTime();
                statistics.protectedRows(direct.get((reader + i) % direct.size()));
                return (System.nanoTime() - begin) / 1_000;
            });
            List<Long> micros = calls.millis();
            seconds = calls.seconds();
            System.out.printf("| in-process | %d readers | %,d calls | p50 %.2f ms | p99 %.2f ms | max %.2f ms | %.0f calls/s |%n",
                    readers, micros.size(), percentile(micros, 0.5) / 1000.0, percentile(micros, 0.99) / 1000.0,
                    micros.get(micros.size() - 1) / 1000.0, micros.size() / seconds);
            for (int change = 1; change <= 5; change++) {
                changeOneCase(jdbc, change);
                long cpu = processCpuNanos();
                long afterChange = time(port, QUERIES.get(0));
                System.out.printf("after a change to one case: city by district %,d ms, JVM CPU %,d ms%n", afterChange,
                        (processCpuNanos() - cpu) / 1_000_000);
            }
        }
        System.exit(0);
    }

    static long time(int port, String[] query) {
        long start = System.nanoTime();
        Api.Response response = Api.at(port, query[0]).get(query[1]);
        if (response.status() != 200) {
            throw new IllegalStateException(response.toString());
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The whole JVM's CPU time (every thread, the HTTP client's too): the machine is shared, wall-clock is noisy. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static long percentile(List<Long> sorted, double q) {
        return sorted.get(Math.max(1, (int) Math.ceil(q * sorted.size())) - 1);
    }

    /**
     * Cases over five years in 11 districts, two work models, an offer per case (60 % accepted, then
     * started), children with several cases; the position moved as the projection would.
     */
    static void insertFacts(JdbcTemplate jdbc, int cases) {
        String[] districts = SyntheticEvents.DISTRICTS;
        jdbc.update("INSERT INTO case_fact (case_id, last_sequence, district, current_district, work_model, concerns, "
                + "child_pseudonym, birth_month, received_at, protection_assessed_at, initial_assessed_at, initial_decision, "
                + "closed_at, workers) SELECT 'bench-' || g, 6, (?::text[])[1 + g % 11], (?::text[])[1 + g % 11], "
                + "CASE WHEN g % 5 = 0 THEN 'VALLINGBY_TEAM' ELSE 'ORDINARY' END, "
                + "CASE WHEN g % 3 = 0 THEN 'CRIME_RISK' WHEN g % 3 = 1 THEN 'SUBSTANCE_USE_RISK' ELSE 'NEGLECT' END, "
                + "'child-' || (g % (? * 3 / 4)), date '2008-01-01' + (g % 4000), "
                + "timestamptz '2021-01-01' + (g % 1800) * interval '1 day', "
                + "timestamptz '2021-01-01' + (g % 1800) * interval '1 day' + interval '1 day', "
                + "timestamptz '2021-01-01' + (g % 1800) * interval '1 day' + (g % 20) * interval '1 day', 'EARLY_SUPPORT', "
                + "CASE WHEN g % 2 = 0 THEN timestamptz '2021-01-01' + (g % 1800) * interval '1 day' + interval '90 days' END, "
                + "1 + g % 3 FROM generate_series(1, ?) g", String.join(",", districts).split(","),
                String.join(",", districts).split(","), cases, cases);
        jdbc.update("INSERT INTO offer_fact (case_id, offer_id, offered_at, answer, answered_at, started_at) "
                + "SELECT case_id, 'o-1', received_at + interval '10 days', CASE WHEN random() < 0.6 THEN 'ACCEPTED' "
                + "ELSE 'DECLINED' END, received_at + interval '12 days', NULL FROM case_fact WHERE case_id LIKE 'bench-%'");
        jdbc.update("UPDATE offer_fact SET started_at = answered_at + interval '7 days' WHERE answer = 'ACCEPTED'");
        // Rows written behind the projection's back carry no stamp: a new generation makes every reader reload.
        jdbc.update("UPDATE statistics_position SET version = version + 1, generation = generation + 1");
    }

    /** One case changed as the projection changes it: stamped with the position it moves to (V245). */
    static void changeOneCase(JdbcTemplate jdbc, int change) {
        jdbc.update("WITH p AS (UPDATE statistics_position SET version = version + 1 WHERE id = 1 RETURNING version) "
                + "UPDATE case_fact SET workers = workers + 1, changed_at_position = (SELECT version FROM p) WHERE case_id = ?",
                "bench-" + change);
    }
    /** Sorted request times (in the unit the reads return) and the wall time of the whole run. */
    record Readings(List<Long> millis, double seconds) {
    }

    /** One request of one reader, timed. */
    interface TimedRead {
        long time(int reader, int request) throws Exception;
    }

    /** {@code readers} threads each making {@code requests} timed reads at once. */
    static Readings readConcurrently(int readers, int requests, TimedRead read) throws Exception {
        List<Long> millis = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int r = 0; r < readers; r++) {
            int reader = r;
            done.add(pool.submit(() -> {
                for (int i = 0; i < requests; i++) {
                    millis.add(read.time(reader, i));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new Readings(sorted, seconds);
    }
}
