package se.tidigt.platform.database;

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

    /** PostgreSQL's own folder inside TIDIGT_DATA_DIR, which may hold other things (a volume's lost+found). */
    static final String POSTGRES_FOLDER = "postgresql";

    /**
     * Where PostgreSQL keeps its data: a folder of its own inside the data directory, or the data
     * directory itself where an earlier version put PostgreSQL's data there (it keeps working).
     */
    static Path postgresData(Path dataDir) {
        Path absolute = dataDir.toAbsolutePath().normalize();
        return Files.exists(absolute.resolve("PG_VERSION")) ? absolute : absolute.resolve(POSTGRES_FOLDER);
    }

    static EmbeddedPostgres start(Path dataDir) throws IOException {
        Path absolute = postgresData(dataDir);
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new EmbeddedStartFailure(absolute, "the folder cannot be created (" + e + ")",
                    "make TIDIGT_DATA_DIR a folder this user may write to");
        }
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
            throw new EmbeddedStartFailure(absolute, rootCause(e), "if user namespaces are blocked (running as root"
                    + " without 'unshare -U') or the folder is not usable, set TIDIGT_DATA_DIR to another folder, or run a"
                    + " PostgreSQL server and set SPRING_DATASOURCE_URL");
        }
    }

    /** The innermost cause's first line: zonky's own message is often empty or a long process dump. */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + (message.isBlank() ? "" : ": " + message);
    }

    /** Why the embedded PostgreSQL did not start, and what to do: reported in one line at start. */
    static final class EmbeddedStartFailure extends IllegalStateException {
        final String fix;

        EmbeddedStartFailure(Path folder, String cause, String fix) {
            super("The embedded PostgreSQL did not start in " + folder + ": " + cause);
            this.fix = fix;
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
