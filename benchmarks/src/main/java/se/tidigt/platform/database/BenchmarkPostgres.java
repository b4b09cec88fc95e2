package se.tidigt.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Path;

/**
 * The benchmark's PostgreSQL where no server answers: the application's own embedded PostgreSQL
 * (the same binaries, settings and user-namespace handling as the embedded default), started on its
 * own so that pgbench, psql and the application under test all reach one server. Prints
 * {@code PORT <n>} and runs until its standard input closes. Started by {@code deploy/benchmark/run.sh}
 * through the jar under test: in the platform's package, so that it may use the package's start-up.
 */
public final class BenchmarkPostgres {

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgresServer.start(Path.of(args[0]))) {
            System.out.println("PORT " + postgres.getPort());
            System.out.flush();
            while (System.in.read() != -1) {
                // Wait for the benchmark to close our standard input.
            }
        }
        System.exit(0);
    }
}
