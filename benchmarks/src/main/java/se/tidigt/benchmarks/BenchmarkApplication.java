package se.tidigt.benchmarks;

import se.tidigt.gateway.support.TestDatabase;

import java.util.ArrayList;
import java.util.List;

/** The settings the benchmarks start the application with: a fresh database, no demo data, quiet logs. */
final class BenchmarkApplication {
    private BenchmarkApplication() {
    }

    static String[] arguments(String... extra) {
        return on(TestDatabase.freshDatabase(), extra);
    }

    /** On a given database: several instances of the application sharing one, as in production. */
    static String[] on(String databaseUrl, String... extra) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + System.getenv().getOrDefault("TIDIGT_TEST_DATABASE_USER", "postgres"),
                "--tidigt.pseudonym-key=benchmark-pseudonym-key-synthetic",
                "--tidigt.key-encryption-key=dGlkaWd0LXRlc3Qta2V5LWVuY3J5cHRpb24ta2V5ISE=", "--tidigt.demo-users=true",
                "--tidigt.demo-data=false", "--logging.level.root=warn"));
        arguments.addAll(List.of(extra));
        return arguments.toArray(String[]::new);
    }
}
