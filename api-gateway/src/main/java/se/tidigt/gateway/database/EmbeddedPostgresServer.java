package se.tidigt.gateway.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Starts zonky's embedded PostgreSQL with settings for keeping users' data, not for throwaway tests. */
final class EmbeddedPostgresServer {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private EmbeddedPostgresServer() {
    }

    static EmbeddedPostgres start(Path dataDir) throws IOException {
        Path absolute = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(absolute);
        StalePostmaster.stopIfRunning(absolute);
        log.info("Starting embedded PostgreSQL with its data in {}", absolute);
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(absolute)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + absolute
                    + " (" + e + "). Where user namespaces are blocked (running as root"
                    + " without 'unshare -U'), run a PostgreSQL server and set SPRING_DATASOURCE_URL.", e);
        }
    }

    /** After a kill -9 of the JVM the postmaster lives on and would block the next start. */
    static final class StalePostmaster {
        private StalePostmaster() {
        }

        static void stopIfRunning(Path dataDir) throws IOException {
            Path pidFile = dataDir.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return;
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 2 || !Path.of(lines.get(1).trim()).equals(dataDir)) {
                return;
            }
            long pid = Long.parseLong(lines.get(0).trim());
            ProcessHandle.of(pid).filter(StalePostmaster::isPostgres).ifPresent(StalePostmaster::stop);
        }

        private static boolean isPostgres(ProcessHandle process) {
            return process.isAlive() && process.info().command().map(c -> c.contains("postgres")).orElse(true);
        }

        private static void stop(ProcessHandle postmaster) {
            log.warn("A PostgreSQL left running by an earlier run (pid {}) holds the data directory; stopping it",
                    postmaster.pid());
            try {
                // SIGINT is PostgreSQL's "fast shutdown": it rolls back open transactions and checkpoints.
                new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).start().waitFor();
                postmaster.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Could not stop the stale PostgreSQL (pid " + postmaster.pid()
                        + "); stop it by hand and start again", e);
            }
        }
    }
}
