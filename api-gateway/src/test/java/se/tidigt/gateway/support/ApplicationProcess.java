package se.tidigt.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The real application as a separate OS process: a child JVM started from the test JVM's own class
 * path ({@code target/classes} and every dependency, as Surefire runs them), on a free loopback port,
 * its output in a file under {@code target/processes}. So a test can {@code kill -9} it, which no
 * in-process Spring context allows. Every child still alive when the test JVM ends is killed by a
 * shutdown hook, so none outlives a failed or interrupted run.
 */
public final class ApplicationProcess {
    /** Exit status of a process ended by SIGKILL (128 + 9), what {@link Process#destroyForcibly()} sends on Linux. */
    public static final int KILLED = 137;
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
                "kill-application-processes"));
    }

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ApplicationProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Settings for a child: environment variables and {@code --key=value} arguments. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    public static final class Builder {
        private final String name;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> args = new ArrayList<>();
        private int port;

        private Builder(String name) {
            this.name = name;
        }

        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        /** A Spring property, given on the command line ({@code --key=value}). */
        public Builder property(String key, String value) {
            args.add("--" + key + "=" + value);
            return this;
        }

        /** A fixed port (a restart on the same port); default a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Starts the JVM; it is not ready yet ({@link #awaitReady}). */
        public ApplicationProcess start() {
            int chosen = port != 0 ? port : freePort();
            Path dir = Path.of("target", "processes");
            Path log = dir.resolve(name + "-" + chosen + "-" + System.currentTimeMillis() + ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // Start-up matters more than peak speed for a test's short load.
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xss512k", "-Xmx384m",
                    "-Daxoniq.update-checker.disabled=true",
                    "-cp", applicationClassPath(),
                    "se.tidigt.gateway.TidigtApplication",
                    "--server.port=" + chosen,
                    // Bounded output: warnings, and the application's own start and recovery lines.
                    "--logging.level.root=WARN", "--logging.level.se.tidigt=INFO",
                    "--logging.level.org.springframework.boot.StartupInfoLogger=INFO"));
            command.addAll(args);
            try {
                Files.createDirectories(dir);
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
                builder.environment().putAll(env);
                Process process = builder.start();
                LIVE.add(process);
                process.onExit().thenRun(() -> LIVE.remove(process));
                return new ApplicationProcess(name, chosen, process, log);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start " + name, e);
            }
        }
    }

    /**
     * The test JVM's class path without the test classes, so no test-only bean can slip into the
     * application. Surefire runs tests from a manifest-only jar and names the real entries in
     * {@code surefire.test.class.path}; elsewhere (an IDE) {@code java.class.path} holds them.
     */
    static String applicationClassPath() {
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return java.util.Arrays.stream(full.split(java.io.File.pathSeparator))
                .filter(entry -> !entry.replace('\\', '/').endsWith("/test-classes"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until readiness answers 200; fails with the log's tail if the process ends or time runs out. */
    public ApplicationProcess awaitReady(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended with " + process.exitValue() + " before it was ready:\n" + tail());
            }
            try {
                HttpResponse<Void> answer = PROBE.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + atMost + ":\n" + tail());
    }

    /** {@code kill -9}: SIGKILL, no shutdown hook, nothing flushed. Returns the exit status (137). */
    public int kill() {
        process.destroyForcibly();
        return awaitExit();
    }

    /** A graceful stop (SIGTERM: Spring closes the context, the embedded PostgreSQL stops). */
    public int stop() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return awaitExit();
    }

    private int awaitExit() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public Api as(String user) {
        return Api.at(port, user);
    }

    public Path log() {
        return log;
    }

    /** The log's last lines, for a failure message. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", port " + port + ")";
    }
}
