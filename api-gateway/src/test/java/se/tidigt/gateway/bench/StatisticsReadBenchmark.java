package se.tidigt.gateway.bench;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.tidigt.gateway.TidigtApplication;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.TestDatabase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How long the city's statistics take when the facts hold many cases. The statistics read every
 * case fact and compute in memory (exact, and simple); this measures where that stops being cheap.
 * The facts are written straight into the fact tables (synthetic, as the projection would), since
 * it is the read that is measured. Arguments: cases (default 20000), repetitions (default 20).
 */
public final class StatisticsReadBenchmark {

    public static void main(String[] args) {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        TidigtApplication.disableAxonUpdateChecker();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TidigtApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + TestDatabase.freshDatabase(),
                "--spring.datasource.username=" + System.getenv().getOrDefault("TIDIGT_TEST_DATABASE_USER", "postgres"),
                "--tidigt.pseudonym-key=benchmark-pseudonym-key-synthetic",
                "--tidigt.key-encryption-key=dGlkaWd0LXRlc3Qta2V5LWVuY3J5cHRpb24ta2V5ISE=", "--tidigt.demo-users=true",
                "--tidigt.demo-data=false", "--logging.level.root=warn")) {
            insertFacts(app.getBean(JdbcTemplate.class), cases);
            Api analyst = Api.at(((WebServerApplicationContext) app).getWebServer().getPort(), "analyst");
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < repetitions + 3; i++) {
                long start = System.nanoTime();
                Api.Response response = analyst.get("/api/v1/stats/city?groupBy=district");
                if (response.status() != 200) {
                    throw new IllegalStateException(response.toString());
                }
                if (i >= 3) {
                    millis.add((System.nanoTime() - start) / 1_000_000);
                }
            }
            Collections.sort(millis);
            System.out.printf("| %,d cases | %d requests | median %d ms | max %d ms |%n", cases, repetitions,
                    millis.get(millis.size() / 2), millis.get(millis.size() - 1));
        }
        System.exit(0);
    }

    private static void insertFacts(JdbcTemplate jdbc, int cases) {
        String[] districts = {"bromma", "enskede-arsta-vantor", "farsta", "hagersten-alvsjo", "hasselby-vallingby",
                "jarva", "kungsholmen", "norra-innerstaden", "skarpnack", "skarholmen", "sodermalm"};
        jdbc.update("INSERT INTO case_fact (case_id, last_sequence, district, current_district, work_model, concerns, "
                + "child_pseudonym, birth_month, received_at, protection_assessed_at, initial_assessed_at, initial_decision, "
                + "closed_at, workers) SELECT 'bench-' || g, 6, (?::text[])[1 + g % 11], (?::text[])[1 + g % 11], "
                + "CASE WHEN g % 5 = 0 THEN 'VALLINGBY_TEAM' ELSE 'ORDINARY' END, 'CRIME_RISK', 'child-' || (g % (? * 3 / 4)), "
                + "date '2008-01-01' + (g % 4000), timestamptz '2024-01-01' + (g % 700) * interval '1 day', "
                + "timestamptz '2024-01-01' + (g % 700) * interval '1 day' + interval '1 day', "
                + "timestamptz '2024-01-01' + (g % 700) * interval '1 day' + (g % 20) * interval '1 day', 'EARLY_SUPPORT', "
                + "CASE WHEN g % 2 = 0 THEN timestamptz '2024-01-01' + (g % 700) * interval '1 day' + interval '90 days' END, "
                + "1 + g % 3 FROM generate_series(1, ?) g", String.join(",", districts).split(","),
                String.join(",", districts).split(","), cases, cases);
        jdbc.update("INSERT INTO offer_fact (case_id, offer_id, offered_at, answer, answered_at, started_at) "
                + "SELECT case_id, 'o-1', received_at + interval '10 days', CASE WHEN random() < 0.6 THEN 'ACCEPTED' "
                + "ELSE 'DECLINED' END, received_at + interval '12 days', NULL FROM case_fact WHERE case_id LIKE 'bench-%'");
        jdbc.update("UPDATE offer_fact SET started_at = answered_at + interval '7 days' WHERE answer = 'ACCEPTED'");
    }
}
