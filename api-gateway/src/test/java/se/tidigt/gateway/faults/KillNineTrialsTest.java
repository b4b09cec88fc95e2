package se.tidigt.gateway.faults;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApplicationProcess;
import se.tidigt.gateway.support.SharedDatabase;
import se.tidigt.gateway.support.WriteLoad;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of the application, as a separate process, under a load of acknowledged writes:
 * after the restart on the same database every acknowledged write is there (case view over the API,
 * and the event store), and the streaming statistics projection converges to the events. A trial's
 * restart is the next trial's start. Trials ({@code -Dtidigt.kill9.trials}, default 10) are split
 * between the embedded default (the killed JVM's PostgreSQL is orphaned and the next start stops it)
 * and a configured database (a fresh one on {@code TIDIGT_TEST_DATABASE_URL}'s server, else on the
 * tests' own embedded PostgreSQL).
 */
class KillNineTrialsTest {
    private static final int TRIALS = Integer.getInteger("tidigt.kill9.trials", 10);
    /** An embedded trial takes about 1.5 times a server one (stopping the orphan, crash recovery): 2 in 5. */
    private static final int EMBEDDED_TRIALS = Math.max(1, TRIALS * 2 / 5);
    private static final int CLIENTS = 4;
    private static final Duration START = Duration.ofSeconds(120);
    private static final List<ProcessHandle> ORPHANS = new ArrayList<>();

    @TempDir
    Path dataDir;

    /** Both kinds at once, each in a thread of its own: on two cores that halves the suite's wall time. */
    @Test
    void acknowledged_writes_survive_kill_9_of_the_embedded_default_and_on_a_server_database() throws Exception {
        ExecutorService both = Executors.newFixedThreadPool(2);
        Trials onEmbedded;
        Trials onServer;
        try {
            CompletableFuture<Trials> embedded = CompletableFuture.supplyAsync(this::embeddedTrials, both);
            CompletableFuture<Trials> server = CompletableFuture.supplyAsync(this::serverTrials, both);
            onEmbedded = embedded.get(10, TimeUnit.MINUTES);
            onServer = server.get(10, TimeUnit.MINUTES);
        } finally {
            both.shutdownNow();
        }
        assertThat(onEmbedded.orphansSeen).as("every kill -9 left the embedded PostgreSQL running").isEqualTo(onEmbedded.trials);
        assertThat(onEmbedded.trials + onServer.trials).isEqualTo(TRIALS);
    }

    private Trials embeddedTrials() {
        Supplier<ApplicationProcess> start = () -> ApplicationProcess.named("kill9-embedded")
                .env("TIDIGT_DATA_DIR", dataDir.toString())
                .env("TIDIGT_DEMO_DATA", "false")
                .start();
        return runTrials("embedded", EMBEDDED_TRIALS, start, () -> SharedDatabase.embeddedAt(embeddedPort()), true);
    }

    private Trials serverTrials() {
        SharedDatabase database = SharedDatabase.fresh();
        return runTrials("server", TRIALS - EMBEDDED_TRIALS, () -> database.instance("kill9-server").start(), () -> database, false);
    }

    @AfterAll
    static void noPostgresOutlivesTheTest() {
        // Normally the last, graceful stop ends the embedded PostgreSQL; after a failure it may be orphaned.
        ORPHANS.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
    }

    private static final class Trials {
        int trials;
        int writes;
        int orphansSeen;
        long slowestRecoveryMillis;
    }

    private Trials runTrials(String label, int trials, Supplier<ApplicationProcess> start, Supplier<SharedDatabase> database,
                             boolean embedded) {
        try {
            return trials(label, trials, start, database, embedded);
        } catch (Exception e) {
            throw new IllegalStateException("kill -9 trials " + label + " failed", e);
        }
    }

    private Trials trials(String label, int trials, Supplier<ApplicationProcess> start, Supplier<SharedDatabase> database,
                          boolean embedded) throws Exception {
        Random random = new Random(label.hashCode());
        Trials result = new Trials();
        ApplicationProcess app = start.get().awaitReady(START);
        try {
            for (int trial = 1; trial <= trials; trial++) {
                ApplicationProcess running = app;
                WriteLoad load = WriteLoad.start(CLIENTS, i -> running.as("hv-admin"));
                // Killed at a random moment once the load runs: mid-request, mid-commit, mid-projection.
                load.awaitAcknowledged(40, 20_000);
                Thread.sleep(200 + random.nextInt(1200));
                // pg_ctl detaches the embedded postmaster from the JVM: it is found by its pid file, not as a child.
                List<ProcessHandle> postgres = embedded ? postmaster().stream().toList() : List.of();
                assertThat(running.kill()).as("SIGKILL").isEqualTo(ApplicationProcess.KILLED);
                load.awaitClients();
                if (embedded) {
                    List<ProcessHandle> orphaned = postgres.stream().filter(ProcessHandle::isAlive).toList();
                    ORPHANS.addAll(orphaned);
                    if (!orphaned.isEmpty()) {
                        result.orphansSeen++;
                    }
                }
                assertThat(load.refused()).as("answers other than 2xx before the kill").isEmpty();
                assertThat(load.writes()).as("writes acknowledged before the kill").isGreaterThan(0);

                long restart = System.nanoTime();
                app = start.get().awaitReady(START);
                long recoveryMillis = (System.nanoTime() - restart) / 1_000_000;
                assertEveryAcknowledgedWriteIsStored(app, database.get(), load.acknowledged());
                if (embedded) {
                    assertThat(ORPHANS).as("the orphaned PostgreSQL was stopped by the next start").noneMatch(ProcessHandle::isAlive);
                }
                result.trials++;
                result.writes += load.writes();
                result.slowestRecoveryMillis = Math.max(result.slowestRecoveryMillis, recoveryMillis);
                System.out.printf("kill -9 trial %s %d: %d writes acknowledged on %d cases, 0 lost; restarted and ready"
                        + " in %d ms%n", label, trial, load.writes(), load.acknowledged().size(), recoveryMillis);
            }
            // Checked once, after the last restart: each kill before it may have hit the projection mid catch-up
            // (a killed owner's segments wait out the claim timeout), and it must still end at every event.
            database.get().awaitStatisticsConverged(app);
        } finally {
            app.stop();
        }
        System.out.printf("kill -9 trials %s: %d trials, %d writes acknowledged, 0 lost, slowest restart %d ms%n",
                label, result.trials, result.writes, result.slowestRecoveryMillis);
        assertThat(result.trials).isEqualTo(trials);
        return result;
    }

    private static void assertEveryAcknowledgedWriteIsStored(ApplicationProcess app, SharedDatabase database,
                                                             Map<String, Long> acknowledged) throws SQLException {
        Api hv = app.as("hv-admin");
        Map<String, Long> stored = database.storedVersions(acknowledged.keySet().toArray(String[]::new));
        acknowledged.forEach((caseId, version) -> {
            Api.Response view = hv.get("/api/v1/cases/" + caseId);
            assertThat(view.status()).as("case %s acknowledged at version %d", caseId, version).isEqualTo(200);
            assertThat(view.json().get("version").asLong()).as("case view of %s", caseId).isGreaterThanOrEqualTo(version);
            assertThat(stored.getOrDefault(caseId, 0L)).as("events stored of %s", caseId).isGreaterThanOrEqualTo(version);
        });
    }

    /** The embedded PostgreSQL's port, from its postmaster.pid (4th line). */
    private int embeddedPort() {
        return Integer.parseInt(postmasterPidFile().get(3).trim());
    }

    private java.util.Optional<ProcessHandle> postmaster() {
        return ProcessHandle.of(Long.parseLong(postmasterPidFile().get(0).trim()));
    }

    private List<String> postmasterPidFile() {
        try {
            return Files.readAllLines(dataDir.resolve("postgresql").resolve("postmaster.pid"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The embedded PostgreSQL has no postmaster.pid", e);
        }
    }
}
