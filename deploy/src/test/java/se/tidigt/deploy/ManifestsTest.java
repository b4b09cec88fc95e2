package se.tidigt.deploy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.unit.DataSize;
import se.tidigt.gateway.support.Api;
import se.tidigt.gateway.support.ApiTest;
import se.tidigt.gateway.support.TestDatabase;
import se.tidigt.gateway.support.TestIdentityProvider;
import se.tidigt.gateway.support.Tokens;
import se.tidigt.gateway.TidigtApplication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static se.tidigt.deploy.Manifests.at;
import static se.tidigt.deploy.Manifests.list;
import static se.tidigt.deploy.Manifests.map;

/**
 * The Kubernetes manifests in deploy/kubernetes checked against the application itself, which runs
 * here on a fresh database: the port it serves on, its probe paths answered over HTTP, every
 * environment variable the manifests set read by it (derived from the application, see
 * {@link ApplicationSettings}), and no secret in clear.
 */
class ManifestsTest extends ApiTest {
    /** A name that says it holds a secret. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|_KEY|TOKEN|CREDENTIAL).*", Pattern.CASE_INSENSITIVE);
    /** X_FILE names a file whose content is X (se.tidigt.platform.secrets.SecretFiles). */
    private static final Pattern SECRET_FILE = Pattern.compile("((?:TIDIGT|SPRING)_.+)_FILE");

    @Autowired
    ApplicationContext context;
    @Value("${local.management.port:-1}")
    int managementPort;

    private ApplicationSettings settings() throws IOException {
        return ApplicationSettings.of(context, "se.tidigt");
    }

    @Test
    void the_kustomization_lists_every_manifest_in_its_folder() throws IOException {
        Set<String> present;
        try (var files = Files.list(Manifests.DIRECTORY)) {
            present = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .filter(n -> !n.equals("kustomization.yaml")).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(new TreeSet<>(Manifests.load().files())).isEqualTo(present);
        // The top level adds the Keycloak realm: the file it generates the ConfigMap from is the realm.
        Map<String, Object> top = new org.yaml.snakeyaml.Yaml().load(Files.readString(Path.of("kustomization.yaml")));
        assertThat(top.get("resources")).isEqualTo(List.of("kubernetes"));
        assertThat(list(top.get("configMapGenerator"))).isNotEmpty();
        for (Map<String, Object> generator : list(top.get("configMapGenerator"))) {
            for (Object file : (List<?>) generator.get("files")) {
                Path realm = Path.of(String.valueOf(file));
                assertThat(realm).exists();
                assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(realm.toFile()).path("realm").asText())
                        .isEqualTo("tidigt");
            }
        }
    }

    @Test
    void the_container_port_is_the_port_the_application_serves_on_with_the_manifests_settings() throws IOException {
        Manifests manifests = Manifests.load();
        ApplicationSettings settings = settings();
        Map<String, Object> env = manifests.values();
        int served = Integer.parseInt(settings.resolve("server.port", env));
        String management = settings.resolve("management.server.port", env);
        assertThat(containerPort(manifests, "http")).isEqualTo(served);
        // Probes go to the management port when the application has one, else to the application's.
        int probed = management == null ? served : Integer.parseInt(management);
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            Object port = at(manifests.container(), probe, "httpGet", "port");
            int number = port instanceof Integer n ? n : containerPort(manifests, (String) port);
            assertThat(number).as(probe + "'s port").isEqualTo(probed);
        }
        Map<String, Object> service = manifests.one("Service");
        Object target = list(at(service, "spec", "ports")).get(0).get("targetPort");
        int targetPort = target instanceof Integer n ? n : containerPort(manifests, (String) target);
        assertThat(targetPort).isEqualTo(served);
    }

    @Test
    void every_probe_path_answers_up_over_http_on_the_running_application() throws IOException {
        Manifests manifests = Manifests.load();
        int probePort = managementPort > 0 ? managementPort : port;
        List<String> paths = new ArrayList<>();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            String path = (String) at(manifests.container(), probe, "httpGet", "path");
            assertThat(path).as(probe + " has an HTTP path").isNotBlank();
            paths.add(path);
            Api.Response answer = Api.anonymous(probePort).get(path);
            assertThat(answer.status()).as(probe + " " + path).isEqualTo(200);
            assertThat(answer.json().path("status").asText()).as(probe + " " + path).isEqualTo("UP");
        }
        // Readiness must not be liveness: a pod without its database stays alive but takes no traffic.
        assertThat(at(manifests.container(), "readinessProbe", "httpGet", "path"))
                .isNotEqualTo(at(manifests.container(), "livenessProbe", "httpGet", "path"));
        // A path the application does not serve is not UP: the check above can fail.
        assertThat(Api.anonymous(probePort).get("/actuator/health/not-a-group").status()).isEqualTo(404);
        System.out.println("probe paths answered UP: " + paths);
    }

    /**
     * The application started with the manifests' own environment (the ConfigMap and the {@code *_FILE}
     * secrets, as files), as its only environment: what only a cluster has is replaced — the database (a
     * fresh one), the secrets' content, the port (0), and the identity provider (the tests', which serves
     * no discovery document, so its endpoints are named instead of the issuer's discovery).
     */
    @Test
    void the_application_starts_with_the_manifests_environment_and_its_probes_answer_up() throws IOException {
        Manifests manifests = Manifests.load();
        Map<String, Object> env = new LinkedHashMap<>(manifests.values());
        Path secrets = Files.createTempDirectory("tidigt-secrets");
        for (Map.Entry<String, Object> entry : env.entrySet()) {
            if (SECRET_FILE.matcher(entry.getKey()).matches()) {
                Path file = secrets.resolve(Path.of(String.valueOf(entry.getValue())).getFileName());
                // 32 random bytes in Base64 fit every key; the test database takes no password.
                Files.writeString(file, entry.getKey().contains("PASSWORD") ? "" : base64Key());
                entry.setValue(file.toString());
            }
        }
        String provider = TestIdentityProvider.baseUri();
        env.put("SPRING_DATASOURCE_URL", TestDatabase.freshDatabase());
        env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        env.put("SERVER_PORT", "0");
        env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", Tokens.ISSUER);
        env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", provider + "/jwks");
        assertThat(env.remove("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_TIDIGT_ISSUER_URI")).isNotNull();
        env.put("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_TIDIGT_AUTHORIZATION_URI", provider + "/authorize");
        env.put("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_TIDIGT_TOKEN_URI", provider + "/token");
        env.put("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_TIDIGT_JWK_SET_URI", provider + "/jwks");
        StandardEnvironment environment = new StandardEnvironment() {
            @Override
            public Map<String, Object> getSystemEnvironment() {
                return env;
            }
        };
        TidigtApplication.disableAxonUpdateChecker();
        SpringApplication application = new SpringApplication(TidigtApplication.class);
        application.setEnvironment(environment);
        try (ConfigurableApplicationContext started = application.run()) {
            int served = Integer.parseInt(started.getEnvironment().getProperty("local.server.port"));
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                Api.Response answer = Api.anonymous(served).get((String) at(manifests.container(), probe, "httpGet", "path"));
                assertThat(answer.status()).as(probe).isEqualTo(200);
                assertThat(answer.json().path("status").asText()).as(probe).isEqualTo("UP");
            }
            // The settings arrived: the demo users are off, the dashboard's client is configured.
            assertThat(started.getEnvironment().getProperty("tidigt.demo-users")).isEqualTo("false");
            assertThat(Api.anonymous(served).get("/oauth2/authorization/tidigt").header("Location")).startsWith(provider + "/authorize?");
            // Bearer tokens must be meant for this API: the manifests' audience is let in, another one is not.
            String audience = String.valueOf(manifests.values().get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES"));
            assertThat(audience).isEqualTo("tidigt-api");
            Api analyst = Api.anonymous(served).with("Authorization", "Bearer " + Tokens.sign(c -> c.audience(audience)
                    .claim("preferred_username", "eva.analyst").claim("roles", List.of("CITY_ANALYST"))));
            assertThat(analyst.get("/api/v1/stats/city").status()).as("a token for " + audience).isEqualTo(200);
            Api elsewhere = Api.anonymous(served).with("Authorization", "Bearer " + Tokens.sign(c -> c.audience("another-api")
                    .claim("preferred_username", "eva.analyst").claim("roles", List.of("CITY_ANALYST"))));
            assertThat(elsewhere.get("/api/v1/stats/city").status()).as("a token for another audience").isEqualTo(401);
        }
    }

    private static String base64Key() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    @Test
    void every_environment_variable_the_manifests_set_is_one_the_application_reads() throws IOException {
        ApplicationSettings settings = settings();
        // The derivation can tell: a setting it does not know is unread, and known ones are read.
        assertThat(settings.reads("TIDIGT_NOT_A_SETTING")).isFalse();
        assertThat(settings.reads("SPRING_DATASOURCE_URLS")).isFalse();
        assertThat(settings.reads("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_TIDIGT_CLIENT_IDENTITY")).isFalse();
        assertThat(settings.reads("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_TIDIGT_CLIENT_ID")).isTrue();
        assertThat(settings.reads("SPRING_DATASOURCE_URL")).isTrue();
        assertThat(settings.reads("TIDIGT_DB_POOL_SIZE")).isTrue();

        Set<String> unread = new TreeSet<>();
        Map<String, Map<String, Object>> env = Manifests.load().environment();
        for (String name : env.keySet()) {
            Matcher file = SECRET_FILE.matcher(name);
            String read = file.matches() ? file.group(1) : name;
            if (!settings.reads(read)) {
                unread.add(name);
            }
        }
        System.out.println("environment variables set by the manifests, all read by the application: " + env.keySet());
        assertThat(unread).as("variables the application does not read").isEmpty();
    }

    @Test
    void no_secret_is_in_clear_and_every_secret_the_application_reads_comes_from_a_mounted_secret() throws IOException {
        Manifests manifests = Manifests.load();
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> secret : manifests.ofKind("Secret")) {
            if (secret.get("data") != null || secret.get("stringData") != null) {
                problems.add("Secret " + at(secret, "metadata", "name") + " holds data");
            }
        }
        // No password, key or secret anywhere as a plain value (CloudNativePG's cluster included).
        manifests.walk(node -> node.forEach((key, value) -> {
            if (SECRET_NAME.matcher(key).matches() && (value instanceof String || value instanceof Number)
                    && !key.equals("key")) {
                problems.add(key + ": " + value);
            }
        }));
        Map<String, Map<String, Object>> env = manifests.environment();
        Set<String> secretMounts = secretMountPaths(manifests);
        env.forEach((name, entry) -> {
            Matcher file = SECRET_FILE.matcher(name);
            if (file.matches()) {
                String path = String.valueOf(entry.get("value"));
                if (secretMounts.stream().noneMatch(mount -> path.startsWith(mount + "/"))) {
                    problems.add(name + " names " + path + ", not in a mounted Secret");
                }
            } else if (SECRET_NAME.matcher(name).matches() && at(entry, "valueFrom", "secretKeyRef") == null) {
                problems.add(name + " is given in clear (" + entry.get("from") + ")");
            }
        });
        // Every secret the application's settings name must be given (as X_FILE or from a Secret);
        // the demo users' password only matters with demo users, which the manifests turn off.
        Map<String, Object> values = manifests.values();
        assertThat(values).containsEntry("TIDIGT_DEMO_USERS", "false");
        Set<String> secrets = settings().names().stream().filter(n -> n.matches("[A-Z0-9_]+"))
                .filter(n -> SECRET_NAME.matcher(n).matches()).filter(n -> !n.startsWith("TIDIGT_DEMO_"))
                .collect(Collectors.toCollection(TreeSet::new));
        secrets.add("SPRING_DATASOURCE_PASSWORD");
        assertThat(secrets).as("the application's secrets, derived").contains("TIDIGT_PSEUDONYM_KEY", "TIDIGT_KEY_ENCRYPTION_KEY");
        for (String secret : secrets) {
            if (!env.containsKey(secret + "_FILE") && at(env.get(secret), "valueFrom", "secretKeyRef") == null) {
                problems.add(secret + " is not given");
            }
        }
        System.out.println("secrets given as mounted files: " + secrets);
        assertThat(problems).isEmpty();
    }

    @Test
    void the_postgresql_cluster_has_a_replica_backups_and_the_timeouts_the_gap_timeout_needs() throws IOException {
        Manifests manifests = Manifests.load();
        Map<String, Object> cluster = manifests.one("Cluster");
        assertThat((Integer) at(cluster, "spec", "instances")).isGreaterThanOrEqualTo(2);
        assertThat(at(cluster, "spec", "backup", "barmanObjectStore", "destinationPath")).isNotNull();
        Map<String, Object> backup = manifests.one("ScheduledBackup");
        assertThat(at(backup, "spec", "cluster", "name")).isEqualTo(at(cluster, "metadata", "name"));

        // As se.tidigt.platform.axon.TransactionTimeouts checks at start: set, and at most half the gap timeout.
        Duration gapTimeout = DurationStyle.detectAndParse(settings().resolve("tidigt.event-store.gap-timeout", manifests.values()));
        Map<String, Object> parameters = map(at(cluster, "spec", "postgresql", "parameters"));
        for (String timeout : List.of("statement_timeout", "idle_in_transaction_session_timeout")) {
            Duration value = DurationStyle.detectAndParse(String.valueOf(parameters.get(timeout)));
            assertThat(value).as(timeout).isPositive().isLessThanOrEqualTo(gapTimeout.dividedBy(2));
        }
        // The application connects to the cluster's read-write service, as the cluster's owner, to its database.
        String url = (String) manifests.values().get("SPRING_DATASOURCE_URL");
        assertThat(url).startsWith("jdbc:postgresql://" + at(cluster, "metadata", "name") + "-rw:")
                .endsWith("/" + at(cluster, "spec", "bootstrap", "initdb", "database"));
        assertThat(manifests.values()).containsEntry("SPRING_DATASOURCE_USERNAME", at(cluster, "spec", "bootstrap", "initdb", "owner"));
        // max_connections covers the most replicas the autoscaler allows, each with its full pool.
        int maxReplicas = (Integer) at(manifests.one("HorizontalPodAutoscaler"), "spec", "maxReplicas");
        int pool = Integer.parseInt(settings().resolve("spring.datasource.hikari.maximum-pool-size", manifests.values()));
        assertThat(Integer.parseInt(String.valueOf(parameters.get("max_connections")))).isGreaterThan(maxReplicas * pool);
    }

    @Test
    void the_pods_run_as_non_root_on_a_read_only_root_with_a_writable_tmp_and_sized_limits() throws IOException {
        Manifests manifests = Manifests.load();
        Map<String, Object> deployment = manifests.one("Deployment");
        Map<String, Object> pod = map(at(deployment, "spec", "template", "spec"));
        Map<String, Object> container = manifests.container();
        assertThat(at(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat(at(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(at(container, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
        // The image's java.io.tmpdir (Tomcat's work directory) is a mounted, writable volume.
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        Matcher tmpdir = Pattern.compile("-Djava\\.io\\.tmpdir=([^\"]+)\"").matcher(dockerfile);
        assertThat(tmpdir.find()).as("the image sets java.io.tmpdir").isTrue();
        Map<String, Object> mount = list(container.get("volumeMounts")).stream()
                .filter(m -> tmpdir.group(1).equals(m.get("mountPath"))).findFirst().orElseThrow();
        assertThat(mount.get("readOnly")).isNotEqualTo(true);
        Map<String, Object> volume = list(pod.get("volumes")).stream().filter(v -> v.get("name").equals(mount.get("name")))
                .findFirst().orElseThrow();
        assertThat(volume).containsKey("emptyDir");

        // Measured ~350 MiB resident: requested at least that; the heap share of the limit leaves
        // at least 256 MiB for metaspace, threads and buffers.
        DataSize request = DataSize.parse(kubernetesSize(at(container, "resources", "requests", "memory")));
        DataSize limit = DataSize.parse(kubernetesSize(at(container, "resources", "limits", "memory")));
        assertThat(request.toMegabytes()).isGreaterThanOrEqualTo(350);
        Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)").matcher(dockerfile);
        assertThat(percentage.find()).as("the image sizes the heap from the limit").isTrue();
        double heap = limit.toMegabytes() * Double.parseDouble(percentage.group(1)) / 100;
        assertThat(limit.toMegabytes() - heap).isGreaterThanOrEqualTo(256);
        assertThat(heap).isGreaterThanOrEqualTo(256);

        // Three replicas; the disruption budget and the autoscaler act on exactly these pods.
        assertThat(at(deployment, "spec", "replicas")).isEqualTo(3);
        Map<String, Object> podLabels = map(at(deployment, "spec", "template", "metadata", "labels"));
        assertThat(podLabels).containsAllEntriesOf(map(at(manifests.one("PodDisruptionBudget"), "spec", "selector", "matchLabels")));
        assertThat(podLabels).containsAllEntriesOf(map(at(manifests.one("Service"), "spec", "selector")));
        Map<String, Object> hpa = manifests.one("HorizontalPodAutoscaler");
        assertThat(at(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(at(deployment, "metadata", "name"));
        assertThat(at(hpa, "spec", "minReplicas")).isEqualTo(3);
    }

    private static String kubernetesSize(Object quantity) {
        // Kubernetes' binary suffixes (Mi, Gi) are Spring's MB, GB (both 1024-based).
        return String.valueOf(quantity).replace("Mi", "MB").replace("Gi", "GB");
    }

    private static int containerPort(Manifests manifests, String name) {
        return list(manifests.container().get("ports")).stream().filter(p -> name.equals(p.get("name")))
                .map(p -> (Integer) p.get("containerPort")).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + name));
    }

    /** Where the container mounts volumes made only of Secrets. */
    private static Set<String> secretMountPaths(Manifests manifests) {
        List<Map<String, Object>> volumes = list(at(manifests.one("Deployment"), "spec", "template", "spec", "volumes"));
        Set<String> secretVolumes = new TreeSet<>();
        for (Map<String, Object> volume : volumes) {
            List<Map<String, Object>> sources = list(at(volume, "projected", "sources"));
            boolean secretsOnly = volume.containsKey("secret")
                    || (!sources.isEmpty() && sources.stream().allMatch(s -> s.containsKey("secret")));
            if (secretsOnly) {
                secretVolumes.add((String) volume.get("name"));
            }
        }
        return list(manifests.container().get("volumeMounts")).stream()
                .filter(m -> secretVolumes.contains(m.get("name"))).map(m -> (String) m.get("mountPath"))
                .collect(Collectors.toSet());
    }
}
