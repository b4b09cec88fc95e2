package se.tidigt.gateway.support;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Keycloak, once per test JVM: the distribution from Maven Central that the build unpacks into
 * {@code target/keycloak} ({@code tidigt.keycloak.home}), started in development mode with its own
 * in-memory H2 store (Keycloak's database, not the application's) on a free loopback port, with a copy of
 * the production realm ({@code deploy/keycloak/tidigt-realm.json}) imported. The copy differs in one
 * setting: access tokens live {@value #ACCESS_TOKEN_SECONDS} seconds, so a test can watch one expire.
 * The realm has no users; tests add theirs through the admin API ({@link KeycloakAdmin}).
 * <p>
 * Keycloak runs on the newest JDK of 21 or later under {@code /usr/lib/jvm} (these machines carry
 * Temurin 25 beside Debian's 17), or {@code TIDIGT_KEYCLOAK_JAVA_HOME}; without one, on the tests' own
 * Java 17, which Keycloak 26 still supports. Its output goes to {@code target/keycloak/keycloak.log}; a
 * shutdown hook stops it, and a Keycloak left by a killed test JVM is stopped by the next start.
 */
public final class KeycloakServer {
    public static final String REALM = "tidigt";
    public static final int ACCESS_TOKEN_SECONDS = 10;
    private static final Path PRODUCTION_REALM = Path.of("../deploy/keycloak/tidigt-realm.json");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(8);
    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static KeycloakServer running;

    private final String base;
    private final String adminUser;
    private final String adminPassword;

    private KeycloakServer(String base, String adminUser, String adminPassword) {
        this.base = base;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    /** The one Keycloak of this test JVM, started on first use. */
    public static synchronized KeycloakServer get() {
        if (running == null) {
            running = start();
        }
        return running;
    }

    /** {@code http://127.0.0.1:port}: tokens issued through this address name it in {@code iss}. */
    public String base() {
        return base;
    }

    public String issuer() {
        return base + "/realms/" + REALM;
    }

    public KeycloakAdmin admin() {
        return new KeycloakAdmin(base, adminUser, adminPassword);
    }

    private static KeycloakServer start() {
        Path home = home();
        Path script = home.resolve("bin/kc.sh");
        Path pidFile = home.getParent().resolve("keycloak.pid");
        Path log = home.getParent().resolve("keycloak.log");
        stopLeftOver(pidFile, home);
        int port = freePort();
        String adminUser = "tidigt-test-admin";
        String adminPassword = UUID.randomUUID().toString();
        Path java = javaHome();
        try {
            writeTestRealm(home.resolve("data/import"));
            ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "start-dev", "--db=dev-mem",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--import-realm")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().put("JAVA_HOME", java.toString());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUser);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            if (majorVersion(java) >= 24) {
                // Keycloak's threads reset their thread locals through java.lang internals, closed by default since Java 24.
                builder.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
            }
            Process process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process.toHandle()), "stop-keycloak"));
            KeycloakServer server = new KeycloakServer("http://127.0.0.1:" + port, adminUser, adminPassword);
            server.awaitRealm(process, log);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak from " + home, e);
        }
    }

    private void awaitRealm(Process process, Path log) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting (exit " + process.exitValue() + "):\n" + tail(log));
            }
            try {
                if (PROBE.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        stop(process.toHandle());
        throw new IllegalStateException("Keycloak did not serve the realm within " + START_TIMEOUT + ":\n" + tail(log));
    }

    /** The production realm, with short-lived access tokens: what {@code --import-realm} reads at start. */
    private static void writeTestRealm(Path importDir) throws IOException {
        Files.createDirectories(importDir);
        try (Stream<Path> old = Files.list(importDir)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        ObjectNode realm = (ObjectNode) Api.JSON.readTree(PRODUCTION_REALM.toFile());
        realm.put("accessTokenLifespan", ACCESS_TOKEN_SECONDS);
        Files.writeString(importDir.resolve(REALM + "-realm.json"), Api.JSON.writeValueAsString(realm));
    }

    private static Path home() {
        Path home = Optional.ofNullable(System.getProperty("tidigt.keycloak.home")).map(Path::of)
                .orElseGet(KeycloakServer::unpackedByTheBuild);
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak at " + home.toAbsolutePath() + ": run the tests through Maven"
                    + " (./mvnw -pl api-gateway -am verify), which unpacks org.keycloak:keycloak-quarkus-dist into target/keycloak");
        }
        return home.toAbsolutePath();
    }

    private static Path unpackedByTheBuild() {
        try (Stream<Path> dirs = Files.list(Path.of("target/keycloak"))) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("keycloak-")).findFirst().orElse(Path.of("target/keycloak/none"));
        } catch (IOException e) {
            return Path.of("target/keycloak/none");
        }
    }

    /** The newest JDK 21 or later under /usr/lib/jvm, else the tests' own Java. */
    static Path javaHome() {
        String chosen = System.getenv("TIDIGT_KEYCLOAK_JAVA_HOME");
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen);
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")) && majorVersion(jdk) >= 21)
                    .max(Comparator.comparingInt(KeycloakServer::majorVersion))
                    .orElseGet(() -> Path.of(System.getProperty("java.home")));
        } catch (IOException e) {
            return Path.of(System.getProperty("java.home"));
        }
    }

    /** From the JDK's {@code release} file ({@code JAVA_VERSION="25.0.3"}); 0 when it has none. */
    static int majorVersion(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring(line.indexOf('"') + 1);
                    return Integer.parseInt(version.split("[.\"+-]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** A Keycloak of this distribution still running from a test JVM that was killed. */
    private static void stopLeftOver(Path pidFile, Path home) {
        try {
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readString(pidFile).trim());
                ProcessHandle.of(pid).filter(p -> p.info().commandLine().map(c -> c.contains(home.toString())).orElse(false))
                        .ifPresent(KeycloakServer::stop);
                Files.delete(pidFile);
            }
        } catch (IOException | NumberFormatException e) {
            // nothing to stop
        }
    }

    private static void stop(ProcessHandle process) {
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process)).toList();
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception notInTime) {
                p.destroyForcibly();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
