package se.tidigt.benchmarks;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.tidigt.gateway.TidigtApplication;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.TestDatabase;

import java.util.List;

/**
 * The access log's cost under concurrent readers: two instances of the application on one database,
 * one appending each entry in a transaction of its own ({@code tidigt.access-log.group-commit=false},
 * the before), one with group commit; rounds alternate between them so that the other builds on the
 * machine load both alike. Every request is {@code GET /api/v1/stats/city?groupBy=district} as the
 * analyst on a small city, so the answer itself comes from the statistics cache and the access log
 * is what is measured. Arguments: cases (2000), readers (32), requests per reader per round (20), rounds (3).
 */
public final class AccessLogBenchmark {
    private static final String[] QUERY = {"analyst", "/api/v1/stats/city?groupBy=district"};

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int readers = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        TidigtApplication.disableAxonUpdateChecker();
        String database = TestDatabase.freshDatabase();
        try (ConfigurableApplicationContext before = start(database, false);
             ConfigurableApplicationContext after = start(database, true)) {
            JdbcTemplate jdbc = before.getBean(JdbcTemplate.class);
            StatisticsReadBenchmark.insertFacts(jdbc, cases);
            for (int round = 1; round <= rounds; round++) {
                for (ConfigurableApplicationContext app : List.of(before, after)) {
                    measure(app == before ? "one transaction per entry" : "group commit", round, readers, requests, jdbc,
                            port(app));
                }
            }
            // Both instances at once, half the readers each: their appends interleave in one chain.
            measure("both instances at once", 0, readers, requests, jdbc, port(before), port(after));
            var positions = jdbc.queryForMap("SELECT max(position) = count(*) AS gap_free, count(*) AS entries FROM access_log");
            System.out.println("access log after the runs: " + positions + ", verify: "
                    + Api.at(port(after), "auditor").get("/api/v1/audit/access-log/verify").body());
        }
        System.exit(0);
    }

    private static ConfigurableApplicationContext start(String database, boolean groupCommit) {
        return new SpringApplicationBuilder(TidigtApplication.class)
                .run(BenchmarkApplication.on(database, "--tidigt.access-log.group-commit=" + groupCommit));
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private static void measure(String what, int round, int readers, int requests, JdbcTemplate jdbc, int... ports)
            throws Exception {
        for (int port : ports) {
            StatisticsReadBenchmark.time(port, QUERY); // the answer cached on this instance
        }
        long firstPosition = jdbc.queryForObject("SELECT coalesce(max(position), 0) FROM access_log", Long.class);
        StatisticsReadBenchmark.Readings readings = StatisticsReadBenchmark.readConcurrently(readers, requests,
                (reader, i) -> StatisticsReadBenchmark.time(ports[reader % ports.length], QUERY));
        List<Long> millis = readings.millis();
        double seconds = readings.seconds();
        // Rows that share a transaction id were committed together: entries per commit.
        var batches = jdbc.queryForMap("SELECT count(*) AS entries, count(DISTINCT xmin::text) AS commits "
                + "FROM access_log WHERE position > ?", firstPosition);
        System.out.printf("| %s | round %d | %d readers | %,d requests | p50 %,d ms | p99 %,d ms | max %,d ms | %.0f requests/s | %s entries in %s commits |%n",
                what, round, readers, millis.size(), StatisticsReadBenchmark.percentile(millis, 0.5),
                StatisticsReadBenchmark.percentile(millis, 0.99), millis.get(millis.size() - 1), millis.size() / seconds,
                batches.get("entries"), batches.get("commits"));
    }
}
